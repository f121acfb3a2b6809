package dev.crmkit.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a command's result as one JSON object: the one JSON writer of the {@code crm} program. */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /**
     * A JSON object from alternating keys and values, keeping their order: {@code object("line", 7, "reason", "...")}.
     *
     * @throws IllegalArgumentException if a key is not a string or a value is missing
     */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("a JSON key must be a string: " + keysAndValues[i]);
            }
            object.put(key, keysAndValues[i + 1]);
        }
        return object;
    }

    /**
     * Prints the map as one JSON object, keys in the map's order. Values may be strings, numbers ({@code BigDecimal}
     * for money), booleans, {@code null}, lists and maps of these.
     */
    public static void print(PrintWriter out, Map<String, ?> object) {
        try {
            out.println(MAPPER.writeValueAsString(object));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
