package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PhoneNumber;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the JDBC store writes the parts of a record that are documents (lists of e-mails, addresses, affiliations,
 * custom field values) and the domain events of the outbox as JSON, and reads them back exactly: decimals keep their
 * scale (they are written as strings), times are ISO-8601 text, a phone number is its E.164 form.
 *
 * <p>Custom field values are stored one JSON member per field key, tagged by type, so a database query can reach them
 * ({@code custom_fields->'budget'->>'amount'} on PostgreSQL):
 * {@code {"budget": {"amount": "1200.00", "currency": "EUR"}, "vip": {"bool": true}, "tags": {"choices": ["a"]}}}.
 *
 * <p>Thread-safe.
 */
final class JsonCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What {@link #customFields(CustomFields)} and {@link #stringMap(Map)} write for no values. */
    static final String EMPTY_OBJECT = "{}";

    /** What {@link #strings(List)} writes, and the databases give back, for no strings. */
    static final String EMPTY_ARRAY = "[]";

    private final ObjectMapper mapper;
    private final JsonText text;

    JsonCodec() {
        SimpleModule kernel = new SimpleModule("crmkit-kernel");
        kernel.addSerializer(PhoneNumber.class, new JsonSerializer<>() {
            @Override
            public void serialize(PhoneNumber value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.toString());
            }
        });
        kernel.addDeserializer(PhoneNumber.class, new JsonDeserializer<>() {
            @Override
            public PhoneNumber deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return PhoneNumber.of(p.getValueAsString());
            }
        });
        kernel.addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeTree(money(value));
            }
        });
        kernel.addDeserializer(Money.class, new JsonDeserializer<>() {
            @Override
            public Money deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return money((JsonNode) p.readValueAsTree());
            }
        });
        this.mapper = JsonMapper.builder(readingNamesPlainly())
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(kernel)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        this.text = new JsonText(mapper);
    }

    /**
     * The parser factory: member names read as plain strings, not looked up in (and added to) Jackson's shared table of
     * canonical names, which also interns each new one in the JVM's string table. Some of the documents this codec
     * reads are keyed by data: a lead's {@code external_id_fingerprints} has one member per external id, unique to
     * each lead, and a bulk chunk reads hundreds of leads. With canonical names every such parse added its names to the
     * table, copying the whole table first (copy on write, up to 12,000 names before Jackson starts it over) and
     * interning each: 7.7 MB of the 258 MB the capturing thread allocated in a bulk pass of 5,000 submissions
     * ({@code crm bench jdbc}'s data, 3%), and a JVM string table that grows with the store. The names of the other
     * documents are few, so looking them up saved little ({@code JsonCodecNamesTest}).
     */
    private static JsonFactory readingNamesPlainly() {
        return JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();
    }

    /** Any value (a list of records, an event) as JSON text, the text Jackson's databind writes ({@link JsonText}). */
    String write(Object value) {
        return text.write(value);
    }

    /** The value as Jackson's databind writes it with this codec's mapper: what {@link #write} writes too. */
    String databind(Object value) {
        return text.databind(value);
    }

    /** Whether values of this class are written by {@link JsonText} itself rather than by the mapper (for tests). */
    boolean writesItself(Class<?> type) {
        return text.writesItself(type);
    }

    /** A value of a generic type read from JSON text this codec wrote. */
    <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored JSON cannot be read as " + type.getType() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A value of a class read from JSON text this codec wrote. */
    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored JSON cannot be read as " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A domain event as JSON text. */
    String event(DomainEvent event) {
        return write(event);
    }

    /**
     * A domain event read back from the outbox.
     *
     * @throws IllegalStateException if the type is not a {@link DomainEvent} on the class path or the JSON does not fit
     */
    DomainEvent event(String type, String json) {
        Class<?> cls;
        try {
            cls = Class.forName(type, false, JsonCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the outbox holds an event of type " + type
                    + ", which is not on the class path", e);
        }
        if (!DomainEvent.class.isAssignableFrom(cls)) {
            throw new IllegalStateException("the outbox type " + type + " is not a domain event");
        }
        return (DomainEvent) read(json, cls);
    }

    /**
     * Custom field values as a JSON object, one tagged member per field key. No values (most records of an import)
     * are {@value #EMPTY_OBJECT}, written and read without a tree of nodes: through Jackson's node writer and reader
     * that text cost a chunk of bulk capture more client time than any other JSON column (JFR, {@code crm bench jdbc}).
     */
    String customFields(CustomFields fields) {
        if (fields.values().isEmpty()) {
            return EMPTY_OBJECT;
        }
        ObjectNode root = NODES.objectNode();
        for (Map.Entry<String, FieldValue> e : fields.values().entrySet()) {
            root.set(e.getKey(), fieldValue(e.getValue()));
        }
        return root.toString();
    }

    /** Custom field values read back from {@link #customFields(CustomFields)}. */
    CustomFields customFields(String json) {
        if (EMPTY_OBJECT.equals(json)) {
            return CustomFields.empty();
        }
        JsonNode root = tree(json);
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), fieldValue(e.getKey(), e.getValue()));
        }
        return new CustomFields(values);
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode fieldValue(FieldValue value) {
        ObjectNode node = NODES.objectNode();
        if (value instanceof FieldValue.Text t) {
            node.put("text", t.value());
        } else if (value instanceof FieldValue.Number n) {
            node.put("number", n.value().toString());
        } else if (value instanceof FieldValue.Bool b) {
            node.put("bool", b.value());
        } else if (value instanceof FieldValue.Date d) {
            node.put("date", d.value().toString());
        } else if (value instanceof FieldValue.Amount a) {
            node.setAll(money(a.value()));
        } else if (value instanceof FieldValue.Choice c) {
            node.put("choice", c.value());
        } else if (value instanceof FieldValue.Choices c) {
            ArrayNode list = node.putArray("choices");
            c.values().stream().sorted().forEach(list::add);
        } else {
            throw new IllegalArgumentException("unknown custom field value " + value.getClass().getName());
        }
        return node;
    }

    private static FieldValue fieldValue(String key, JsonNode node) {
        if (node.has("text")) {
            return new FieldValue.Text(node.get("text").asText());
        }
        if (node.has("number")) {
            return new FieldValue.Number(new BigDecimal(node.get("number").asText()));
        }
        if (node.has("bool")) {
            return new FieldValue.Bool(node.get("bool").asBoolean());
        }
        if (node.has("date")) {
            return new FieldValue.Date(LocalDate.parse(node.get("date").asText()));
        }
        if (node.has("amount")) {
            return new FieldValue.Amount(money(node));
        }
        if (node.has("choice")) {
            return new FieldValue.Choice(node.get("choice").asText());
        }
        if (node.has("choices")) {
            Set<String> values = new LinkedHashSet<>();
            node.get("choices").forEach(v -> values.add(v.asText()));
            return new FieldValue.Choices(values);
        }
        throw new IllegalStateException("stored custom field '" + key + "' has no known type: " + node);
    }

    private static ObjectNode money(Money value) {
        ObjectNode node = NODES.objectNode();
        node.put("amount", value.amount().toPlainString());
        node.put("currency", value.currency().getCurrencyCode());
        return node;
    }

    private static Money money(JsonNode node) {
        return Money.of(new BigDecimal(node.get("amount").asText()), Currency.getInstance(node.get("currency").asText()));
    }

    /** A list of strings as a JSON array. */
    String strings(List<String> values) {
        return text.write(values);
    }

    /** A list of strings read back from {@link #strings(List)}: a new mutable list on every call, the caller's own. */
    List<String> strings(String json) {
        // any empty list of strings (a lead without external ids, read with every lead; a deal without approvals, a
        // contact without e-mails or phones, an activity without participants): no parser, a new list as it gave
        if (EMPTY_ARRAY.equals(json)) {
            return new java.util.ArrayList<>(0);
        }
        JsonNode root = tree(json);
        java.util.ArrayList<String> out = new java.util.ArrayList<>(root.size());
        root.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A map of strings as a JSON object, in key order. */
    String stringMap(Map<String, String> values) {
        if (values.isEmpty()) {
            return EMPTY_OBJECT;
        }
        StringBuilder out = new StringBuilder(32 * values.size());
        char separator = '{';
        // a lead's external ids' fingerprints: mostly one, in order as it is
        Map<String, String> sorted = values.size() == 1 ? values : new java.util.TreeMap<>(values);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            out.append(separator);
            JsonText.string(out, e.getKey());
            out.append(':');
            text.append(out, e.getValue());
            separator = ',';
        }
        return out.append('}').toString();
    }

    /** A map of strings read back from {@link #stringMap(Map)}; empty for SQL NULL. */
    Map<String, String> stringMap(String json) {
        if (json == null || EMPTY_OBJECT.equals(json)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        tree(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
