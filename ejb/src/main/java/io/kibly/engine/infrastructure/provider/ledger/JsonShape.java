package io.kibly.engine.infrastructure.provider.ledger;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * The parts of a provider's JSON answer the engine reads: the named keys of an object (of each object in an array)
 * and, below a key, either its whole value ({@link #WHOLE}) or again only some keys. A page of a thousand Xero
 * transactions carries about thirty fields each and the engine maps fifteen: reading it as a stream and building
 * only those skips the rest at the tokenizer, instead of building the whole tree first (a quarter of the server's
 * time in a large import).
 */
final class JsonShape {

    /** The whole value, whatever it is. */
    static final JsonShape WHOLE = new JsonShape(null);

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private final Map<String, JsonShape> keys;

    private JsonShape(Map<String, JsonShape> keys) {
        this.keys = keys;
    }

    /** Only these keys of an object (of each object of an array); other values pass whole. */
    static JsonShape keys(Map<String, JsonShape> keys) {
        return new JsonShape(Map.copyOf(keys));
    }

    /**
     * Reads a JSON object with this shape. Throws {@code IllegalArgumentException} when the text is not one JSON
     * object (malformed, cut off, too deeply nested, or another value).
     */
    JsonObject readObject(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonObject object = (JsonObject) read(parser, Event.START_OBJECT);
            if (parser.hasNext()) {
                throw new IllegalArgumentException("text after the JSON object");
            }
            return object;
        } catch (RuntimeException e) { // parsing exceptions, and Parsson's nesting limit (a plain RuntimeException)
            throw e instanceof IllegalArgumentException ? e : new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private JsonValue read(JsonParser parser, Event event) {
        if (keys == null) {
            return parser.getValue();
        }
        if (event == Event.START_OBJECT) {
            JsonObjectBuilder object = BUILDERS.createObjectBuilder();
            for (Event next = parser.next(); next != Event.END_OBJECT; next = parser.next()) {
                String key = parser.getString();
                Event value = parser.next();
                JsonShape shape = keys.get(key);
                if (shape != null) {
                    object.add(key, shape.read(parser, value));
                } else if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
                    skip(parser);
                }
            }
            return object.build();
        }
        if (event == Event.START_ARRAY) {
            JsonArrayBuilder array = BUILDERS.createArrayBuilder();
            for (Event next = parser.next(); next != Event.END_ARRAY; next = parser.next()) {
                array.add(read(parser, next));
            }
            return array.build();
        }
        return parser.getValue(); // a scalar where an object was expected: the mapping says what is wrong
    }

    /**
     * Past the end of the object or array just started, building nothing. Not {@code skipObject()}: Parsson's
     * skipping does not check the grammar and, on a body cut off inside the skipped part, loops at the end forever.
     */
    private static void skip(JsonParser parser) {
        for (int depth = 1; depth > 0;) {
            Event event = parser.next(); // throws at the end of a cut-off body
            if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
                depth++;
            } else if (event == Event.END_OBJECT || event == Event.END_ARRAY) {
                depth--;
            }
        }
    }
}
