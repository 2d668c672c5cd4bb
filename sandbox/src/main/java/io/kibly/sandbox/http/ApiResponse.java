package io.kibly.sandbox.http;

import io.kibly.sandbox.faults.MalformedJson;
import jakarta.json.JsonObject;

import java.util.Map;

/**
 * What to answer: status, headers and a JSON body (null for none). {@code rawBody}, when set, is sent instead
 * of {@code body}: it is how a deliberately malformed body gets out.
 */
public record ApiResponse(int status, Map<String, String> headers, JsonObject body, String rawBody) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public ApiResponse(int status, Map<String, String> headers, JsonObject body) {
        this(status, headers, body, null);
    }

    /** This answer with its JSON body cut off half way. */
    public ApiResponse malformed() {
        return new ApiResponse(status, headers, body,
                MalformedJson.cutOff(body == null ? "{}" : body.toString()));
    }
}
