package io.kibly.sandbox.faults;

/** Waits; tests pass one that only records. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = millis -> {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    void sleep(long millis);
}
