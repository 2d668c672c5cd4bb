package io.kibly.engine.infrastructure.provider.ledger;

import io.kibly.engine.application.GrantRevokedException;
import io.kibly.engine.application.ProviderRejectedException;
import io.kibly.engine.application.ProviderThrottledException;
import io.kibly.engine.application.ProviderUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a provider's HTTP answer into a JSON body or the exception that says what to do about it: 429 →
 * {@link ProviderThrottledException} (wait, spend no attempt), 401/403 → {@link GrantRevokedException}, 5xx,
 * timeouts, unreachable hosts and cut-off bodies → {@link ProviderUnavailableException} (retry), other 4xx →
 * {@link ProviderRejectedException} (permanent).
 */
final class ProviderResponses {

    private ProviderResponses() {
    }

    /**
     * Sends the request and reads a JSON object. {@code errorMessage} extracts the provider's own error text from
     * an error body (never echoing what we sent); {@code defaultRetryAfter} applies to a 429 without Retry-After.
     */
    static JsonObject jsonOf(String provider, Supplier<Response> request, Function<JsonObject, String> errorMessage,
            Duration defaultRetryAfter) {
        return jsonOf(provider, request, errorMessage, defaultRetryAfter, JsonShape.WHOLE);
    }

    /** As {@link #jsonOf(String, Supplier, Function, Duration)}, reading only the {@code shape} of a 200 answer. */
    static JsonObject jsonOf(String provider, Supplier<Response> request, Function<JsonObject, String> errorMessage,
            Duration defaultRetryAfter, JsonShape shape) {
        Response response;
        try {
            response = request.get();
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException(provider + " cannot be reached: " + rootCause(e));
        }
        try (response) {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status == 200) {
                return parse(provider, body, shape);
            }
            String detail = detail(body, errorMessage);
            if (status == 429) {
                String problem = response.getHeaderString("X-Rate-Limit-Problem");
                throw new ProviderThrottledException(provider + " rate limit reached"
                        + (problem == null ? "" : " (" + problem + ")"), retryAfter(response, defaultRetryAfter));
            }
            if (status == 401 || status == 403) {
                throw new GrantRevokedException(provider + " refused the access token (HTTP " + status + detail + ")");
            }
            if (status >= 500 || status == 408) {
                throw new ProviderUnavailableException(provider + " answered HTTP " + status + detail);
            }
            throw new ProviderRejectedException(provider + " rejected the request (HTTP " + status + detail + ")");
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException(provider + " answer could not be read: " + rootCause(e));
        }
    }

    private static JsonObject parse(String provider, String body, JsonShape shape) {
        try {
            return shape.readObject(body);
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailableException(provider + " sent a malformed body (" + body.length() + " chars)");
        }
    }

    private static String detail(String body, Function<JsonObject, String> errorMessage) {
        if (body.isBlank()) {
            return "";
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            String message = errorMessage.apply(reader.readObject());
            return message == null || message.isBlank() ? "" : ": " + abbreviate(message);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static Duration retryAfter(Response response, Duration fallback) {
        String header = response.getHeaderString("Retry-After");
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
            } catch (NumberFormatException e) {
                // an HTTP date: rare from these providers; the fallback is safe
            }
        }
        return fallback;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
