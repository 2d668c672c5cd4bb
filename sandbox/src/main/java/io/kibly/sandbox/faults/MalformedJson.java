package io.kibly.sandbox.faults;

/** A JSON text cut off in the middle, as a connection dropped mid-body leaves it. */
public final class MalformedJson {

    private MalformedJson() {
    }

    public static String cutOff(String json) {
        return json.substring(0, json.length() / 2);
    }
}
