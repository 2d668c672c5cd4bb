package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream of the engine to its end: the JSON data of every event. */
final class SseReader {

    private SseReader() {
    }

    static List<JsonObject> events(EngineClient client, String path, Duration timeout) {
        var response = client.stream(path, timeout);
        assertEquals(200, response.statusCode());
        List<JsonObject> events = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                try (var reader = Json.createReader(new StringReader(line.substring(5).strip()))) {
                    events.add(reader.readObject());
                }
            });
        }
        return events;
    }
}
