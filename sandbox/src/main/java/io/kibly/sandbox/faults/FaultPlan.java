package io.kibly.sandbox.faults;

/** The fault chosen for one call and how long to wait before answering. */
public record FaultPlan(FaultKind kind, long delayMillis) {

    public static final FaultPlan NONE = new FaultPlan(FaultKind.NONE, 0);

    /** Whether anything was injected (a delay alone counts). */
    public boolean injected() {
        return kind != FaultKind.NONE || delayMillis > 0;
    }
}
