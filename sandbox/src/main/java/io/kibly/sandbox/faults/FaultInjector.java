package io.kibly.sandbox.faults;

import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Decides the fault of one call. One roll picks among timeout, 500, 503 and malformed (their rates stack up
 * in that order); a second roll, made only when {@code slowRate > 0}, adds the slow delay. Rolling only what a
 * nonzero rate needs keeps a dice sequence meaning the same when unrelated rates are off.
 */
public final class FaultInjector {

    private final Supplier<FaultSettings> settings;
    private final DoubleSupplier dice;
    private final Sleeper sleeper;

    public FaultInjector(Supplier<FaultSettings> settings, DoubleSupplier dice, Sleeper sleeper) {
        this.settings = settings;
        this.dice = dice;
        this.sleeper = sleeper;
    }

    public FaultPlan decide() {
        FaultSettings current = settings.get();
        FaultKind kind = FaultKind.NONE;
        double any = current.timeoutRate() + current.serverErrorRate() + current.unavailableRate()
                + current.malformedRate();
        if (any > 0) {
            double roll = dice.getAsDouble();
            double bound = current.timeoutRate();
            if (roll < bound) {
                kind = FaultKind.TIMEOUT;
            } else if (roll < (bound += current.serverErrorRate())) {
                kind = FaultKind.SERVER_ERROR;
            } else if (roll < (bound += current.unavailableRate())) {
                kind = FaultKind.UNAVAILABLE;
            } else if (roll < bound + current.malformedRate()) {
                kind = FaultKind.MALFORMED;
            }
        }
        long delay = kind == FaultKind.TIMEOUT ? current.timeoutMillis() : 0;
        if (kind != FaultKind.TIMEOUT && current.slowRate() > 0 && dice.getAsDouble() < current.slowRate()) {
            delay = current.slowMillis();
        }
        return kind == FaultKind.NONE && delay == 0 ? FaultPlan.NONE : new FaultPlan(kind, delay);
    }

    /** Waits out the plan's delay. */
    public void delay(FaultPlan plan) {
        if (plan.delayMillis() > 0) {
            sleeper.sleep(plan.delayMillis());
        }
    }
}
