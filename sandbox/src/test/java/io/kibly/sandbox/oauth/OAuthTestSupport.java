package io.kibly.sandbox.oauth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** What the providers' OAuth tests share: HTTP Basic headers and reading the parameters of a redirect. */
public final class OAuthTestSupport {

    private OAuthTestSupport() {
    }

    /** {@code Basic base64(clientId:secret)}. */
    public static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The decoded query parameters of a redirect URL. */
    public static Map<String, String> query(String url) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
