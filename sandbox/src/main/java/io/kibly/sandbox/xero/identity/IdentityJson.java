package io.kibly.sandbox.xero.identity;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The identity service's JSON: snake_case tokens, camelCase connections with .NET's seven fraction digits. */
public final class IdentityJson {

    private static final DateTimeFormatter CONNECTION_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS").withZone(ZoneOffset.UTC);

    private IdentityJson() {
    }

    public static JsonObject tokens(TokenSet tokens) {
        JsonObjectBuilder json = JsonBuilders.object()
                .add("id_token", tokens.idToken())
                .add("access_token", tokens.accessToken())
                .add("expires_in", tokens.expiresIn())
                .add("token_type", tokens.tokenType());
        if (tokens.refreshToken() != null) {
            json.add("refresh_token", tokens.refreshToken());
        }
        return json.add("scope", tokens.scope()).build();
    }

    public static JsonArray connections(List<Connection> connections) {
        JsonArrayBuilder array = JsonBuilders.array();
        for (Connection c : connections) {
            array.add(JsonBuilders.object()
                    .add("id", c.id().toString())
                    .add("authEventId", c.authEventId().toString())
                    .add("tenantId", c.tenantId())
                    .add("tenantType", c.tenantType())
                    .add("tenantName", c.tenantName())
                    .add("createdDateUtc", date(c.createdDateUtc()))
                    .add("updatedDateUtc", date(c.updatedDateUtc())));
        }
        return array.build();
    }

    private static String date(Instant instant) {
        return CONNECTION_DATE.format(instant);
    }
}
