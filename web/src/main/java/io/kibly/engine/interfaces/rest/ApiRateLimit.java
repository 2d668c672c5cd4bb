package io.kibly.engine.interfaces.rest;

import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A per-token rate limit on the API: each verified bearer token may make {@code kibly.rate.api.per-second} calls a
 * second with bursts of {@code kibly.rate.api.burst} ({@link TokenBuckets}, per server, in memory); above it 429
 * with {@code Retry-After} and a problem. Generous by default (50/s, burst 200) so that no honest client, test or
 * benchmark meets it; {@code kibly.rate.api.per-second=0} switches it off. Set per deployment through the
 * environment ({@code KIBLY_RATE_API_PER_SECOND}, {@code KIBLY_RATE_API_BURST}, {@code KIBLY_RATE_API_MAX_TOKENS}).
 * Requests without a verified token are left to {@link AccessControl} (401) and the signed webhooks.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 50)
public class ApiRateLimit implements ContainerRequestFilter {

    private final TokenBuckets buckets;

    public ApiRateLimit() {
        Config config = ConfigProvider.getConfig();
        double perSecond = config.getOptionalValue("kibly.rate.api.per-second", Double.class).orElse(50.0);
        int burst = config.getOptionalValue("kibly.rate.api.burst", Integer.class).orElse(200);
        int maxTokens = config.getOptionalValue("kibly.rate.api.max-tokens", Integer.class).orElse(10_000);
        this.buckets = perSecond > 0 ? new TokenBuckets(perSecond, burst, maxTokens, System::nanoTime) : null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (buckets == null || !(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken)) {
            return;
        }
        long retryAfter = buckets.take(key(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
        if (retryAfter > 0) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS,
                            "Too many requests with this token: retry after " + retryAfter + " s").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, retryAfter).build());
        }
    }

    /** The bucket's key: a digest of the presented token, so that no token is kept in memory. */
    private static String key(String authorization) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(authorization).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
