package io.kibly.sandbox.faults;

/** What an injected fault makes of a call; {@link #NONE} answers normally (perhaps late). */
public enum FaultKind {
    NONE,
    SERVER_ERROR,
    UNAVAILABLE,
    /** Sleeps {@code timeoutMillis}, then answers 504: a client with a shorter timeout gives up first. */
    TIMEOUT,
    /** Answers 200 with the JSON body cut off. */
    MALFORMED
}
