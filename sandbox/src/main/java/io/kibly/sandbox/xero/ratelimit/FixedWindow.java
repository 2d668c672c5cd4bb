package io.kibly.sandbox.xero.ratelimit;

import java.time.Duration;
import java.time.Instant;

/** Counts calls in a window that opens at the first call and lasts {@code length}; not thread-safe alone. */
final class FixedWindow {

    private Instant opened;
    private int used;

    int remaining(Instant now, int limit, Duration length) {
        roll(now, length);
        return Math.max(0, limit - used);
    }

    void use(Instant now, Duration length) {
        roll(now, length);
        if (opened == null) {
            opened = now;
        }
        used++;
    }

    long secondsUntilReset(Instant now, Duration length) {
        if (opened == null) {
            return 0;
        }
        long millis = Duration.between(now, opened.plus(length)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    void clear() {
        opened = null;
        used = 0;
    }

    private void roll(Instant now, Duration length) {
        if (opened != null && !now.isBefore(opened.plus(length))) {
            opened = null;
            used = 0;
        }
    }
}
