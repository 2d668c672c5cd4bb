package io.kibly.sandbox.faults;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/** Uniform doubles in [0, 1) from a seed that can be set again, so a run of faults can be replayed. */
public final class SeededDice implements DoubleSupplier {

    private SplittableRandom random;

    public SeededDice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public synchronized void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public synchronized double getAsDouble() {
        return random.nextDouble();
    }
}
