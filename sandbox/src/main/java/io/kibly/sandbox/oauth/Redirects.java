package io.kibly.sandbox.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The URL an authorize request sends the browser back to. */
public final class Redirects {

    private Redirects() {
    }

    /** {@code redirectUri} with the parameters, then {@code state} when given, added to its query. */
    public static String to(String redirectUri, Map<String, String> parameters, String state) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (state != null) {
            all.put("state", state);
        }
        StringBuilder url = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        all.forEach((name, value) -> url.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return url.substring(0, url.length() - 1);
    }
}
