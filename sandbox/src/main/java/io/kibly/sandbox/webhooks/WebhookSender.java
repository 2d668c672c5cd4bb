package io.kibly.sandbox.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** POSTs one delivery and tells the receiver's HTTP status; {@link #http()} is the real one. */
@FunctionalInterface
public interface WebhookSender {

    int post(URI target, byte[] body, Map<String, String> headers) throws IOException, InterruptedException;

    /** java.net.http over HTTP/1.1, 10 s to connect and 10 s for the answer; the answer's body is dropped. */
    static WebhookSender http() {
        Duration timeout = Duration.ofSeconds(10);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        return (target, body, headers) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        };
    }
}
