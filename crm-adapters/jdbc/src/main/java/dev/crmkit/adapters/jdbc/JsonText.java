package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.IndexedListSerializer;
import com.fasterxml.jackson.databind.ser.impl.IndexedStringListSerializer;
import com.fasterxml.jackson.databind.ser.impl.StringCollectionSerializer;
import com.fasterxml.jackson.databind.ser.std.CollectionSerializer;
import com.fasterxml.jackson.databind.ser.std.MapSerializer;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PhoneNumber;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Values as the JSON text {@link JsonCodec}'s Jackson mapper writes for them, character for character, written
 * straight into a {@link StringBuilder}: an outbox event, a contact's addresses, a list of strings. Jackson's databind
 * path set up a generator, a serializer provider and a buffer for every value, looked its serializers up, read each
 * member through reflection and wrote each time through a {@code DateTimeFormatter}: 14-17% of the thread that captures
 * a bulk chunk (its outbox events alone), for text that is the same few shapes over and over.
 *
 * <p>The shapes written here, by the value's class: {@code null}; a string (escaped as Jackson escapes:
 * {@code "} and {@code \} with a backslash, the control characters below U+0020 as {@code \b \t \n \f \r} or
 * {@code \}{@code u00XX}, everything else as it is, unpaired surrogates included); a boolean, an {@code int}, a
 * {@code long}; an enum constant (its name); an {@link Instant} ({@link IsoTimes}); a {@link UUID}; a
 * {@link PhoneNumber} (its E.164 form) and {@link Money} (amount as a plain string and currency), as the mapper's own
 * serializers write them; an {@link Optional} (its value, or {@code null}); a collection of {@code java.util}, or
 * one the mapper writes with its plain collection serializer (an array of its elements in iteration order); a map
 * with string keys only that the mapper writes with its plain map serializer (an object of its entries in iteration
 * order, a deal's documents); and a record whose members Jackson writes in the order and under the names of its
 * components (checked against the mapper's serializer for the record, once per class). Anything else (a decimal, a
 * date, a map with other than string keys, a class Jackson writes otherwise) is written by the mapper itself, so the
 * text is the mapper's whatever the value ({@code JsonTextTest} compares both over every event type and hostile strings).
 *
 * <p>Thread-safe.
 */
final class JsonText {

    /** How one class of values is written. */
    @FunctionalInterface
    private interface Writer {
        void write(JsonText json, StringBuilder out, Object value);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Writer STRING = (json, out, v) -> string(out, (String) v);
    private static final Writer PLAIN = (json, out, v) -> out.append(v);
    private static final Writer QUOTED = (json, out, v) -> out.append('"').append(v).append('"');
    private static final Writer ENUM = (json, out, v) -> string(out, ((Enum<?>) v).name());
    private static final Writer PHONE = (json, out, v) -> string(out, v.toString());
    private static final Writer INSTANT = (json, out, v) -> {
        out.append('"');
        IsoTimes.append(out, (Instant) v);
        out.append('"');
    };
    private static final Writer MONEY = (json, out, v) -> {
        Money money = (Money) v;
        out.append("{\"amount\":");
        string(out, money.amount().toPlainString());
        out.append(",\"currency\":");
        string(out, money.currency().getCurrencyCode());
        out.append('}');
    };
    private static final Writer OPTIONAL = (json, out, v) -> json.append(out, ((Optional<?>) v).orElse(null));
    private static final Writer COLLECTION = (json, out, v) -> {
        out.append('[');
        Iterator<?> it = ((Collection<?>) v).iterator();
        if (it.hasNext()) {
            json.append(out, it.next());
            while (it.hasNext()) {
                out.append(',');
                json.append(out, it.next());
            }
        }
        out.append(']');
    };
    private static final Writer MAPPER = (json, out, v) -> out.append(json.databind(v));
    /** A map with string keys only, as the mapper's plain map serializer writes it; any other by the mapper. */
    private static final Writer MAP = (json, out, v) -> {
        Map<?, ?> map = (Map<?, ?>) v;
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                MAPPER.write(json, out, v);
                return;
            }
        }
        char separator = '{';
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(separator);
            string(out, (String) e.getKey());
            out.append(':');
            json.append(out, e.getValue());
            separator = ',';
        }
        out.append(separator == '{' ? "{}" : "}");
    };

    /**
     * Each thread's builder, emptied and used again for the next value: a new one for each value, grown on the way,
     * was most of what writing a chunk's events allocated. It is taken out while a value is written, so a write that
     * runs inside another (a serializer or accessor that writes JSON itself) gets a builder of its own, and put back
     * after a write that did not throw, unless it grew past {@value #KEPT} chars.
     */
    private static final ThreadLocal<StringBuilder> BUILDERS = new ThreadLocal<>();
    private static final int KEPT = 16_384;

    private final ObjectMapper mapper;
    private final ClassValue<Writer> writers = new ClassValue<>() {
        @Override
        protected Writer computeValue(Class<?> type) {
            return writerOf(type);
        }
    };

    /** Text as this mapper writes it. */
    JsonText(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The value as JSON text. */
    String write(Object value) {
        StringBuilder out = BUILDERS.get();
        if (out == null) {
            out = new StringBuilder(512);
        } else {
            BUILDERS.set(null);
            out.setLength(0);
        }
        append(out, value);
        String text = out.toString();
        if (out.capacity() <= KEPT) {
            BUILDERS.set(out);
        }
        return text;
    }

    /** Appends the value as JSON text. */
    void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else {
            writers.get(value.getClass()).write(this, out, value);
        }
    }

    /** The value as the mapper writes it, through Jackson's databind. */
    String databind(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Appends the text as a JSON string, escaped as Jackson escapes it. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                out.append(s, plain, i);
                escape(out, c);
                plain = i + 1;
            }
        }
        out.append(s, plain, s.length()).append('"');
    }

    private static void escape(StringBuilder out, char c) {
        out.append('\\');
        switch (c) {
            case '"', '\\' -> out.append(c);
            case '\b' -> out.append('b');
            case '\t' -> out.append('t');
            case '\n' -> out.append('n');
            case '\f' -> out.append('f');
            case '\r' -> out.append('r');
            default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }

    private Writer writerOf(Class<?> type) {
        if (type == String.class) {
            return STRING;
        }
        if (type == Boolean.class || type == Integer.class || type == Long.class) {
            return PLAIN;
        }
        if (Enum.class.isAssignableFrom(type)) {
            return ENUM;
        }
        if (type == Instant.class) {
            return INSTANT;
        }
        if (type == UUID.class) {
            return QUOTED;
        }
        if (type == PhoneNumber.class) {
            return PHONE;
        }
        if (type == Money.class) {
            return MONEY;
        }
        if (type == Optional.class) {
            return OPTIONAL;
        }
        if (Collection.class.isAssignableFrom(type) && writesAsArray(type)) {
            return COLLECTION;
        }
        if (Map.class.isAssignableFrom(type) && serializer(type) == MapSerializer.class) {
            return MAP; // a deal's documents, written with every move
        }
        if (type.isRecord()) {
            return RecordWriter.of(type, mapper).orElse(MAPPER);
        }
        return MAPPER;
    }

    /**
     * Whether the mapper writes a collection of this class as a plain array of its elements in iteration order: every
     * collection of {@code java.util}, and any other (an unmodifiable copy of the domain's, such as the records a
     * timeline entry is about) whose serializer is one of Jackson's plain collection serializers.
     */
    private boolean writesAsArray(Class<?> type) {
        if (type.getName().startsWith("java.util.")) {
            return true;
        }
        Class<?> serializer = serializer(type);
        return serializer == CollectionSerializer.class || serializer == IndexedListSerializer.class
                || serializer == StringCollectionSerializer.class || serializer == IndexedStringListSerializer.class;
    }

    /** The class of the mapper's serializer of values of this class; null if it has none. */
    private Class<?> serializer(Class<?> type) {
        try {
            return mapper.getSerializerProviderInstance().findValueSerializer(type).getClass();
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Whether values of this class are written here rather than by the mapper (for tests). */
    boolean writesItself(Class<?> type) {
        return writers.get(type) != MAPPER;
    }

    /**
     * A record written member by member: the name text of each member, precomputed, and the value its accessor
     * returns.
     */
    private record RecordWriter(String[] names, MethodHandle[] accessors) implements Writer {

        private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

        /**
         * The writer of a record class, when the mapper writes exactly its components, in their order, under their
         * names, with its plain bean serializer; empty otherwise (then the mapper writes it).
         */
        static Optional<Writer> of(Class<?> type, ObjectMapper mapper) {
            RecordComponent[] components = type.getRecordComponents();
            if (components.length == 0) { // the mapper refuses an empty bean: so does this
                return Optional.empty();
            }
            List<String> jackson = new ArrayList<>();
            try {
                JsonSerializer<Object> serializer = mapper.getSerializerProviderInstance().findValueSerializer(type);
                if (serializer.getClass() != BeanSerializer.class || serializer.usesObjectId()) {
                    return Optional.empty();
                }
                serializer.properties().forEachRemaining((PropertyWriter p) -> jackson.add(p.getName()));
            } catch (JacksonException e) {
                return Optional.empty();
            }
            String[] names = new String[components.length];
            MethodHandle[] accessors = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                if (jackson.size() != components.length || !jackson.get(i).equals(components[i].getName())) {
                    return Optional.empty();
                }
                StringBuilder name = new StringBuilder(i == 0 ? "{" : ",");
                string(name, components[i].getName());
                names[i] = name.append(':').toString();
                try {
                    accessors[i] = MethodHandles.publicLookup().unreflect(components[i].getAccessor()).asType(GETTER);
                } catch (IllegalAccessException e) { // a record that is not public: the mapper writes it
                    return Optional.empty();
                }
            }
            return Optional.of(new RecordWriter(names, accessors));
        }

        @Override
        public void write(JsonText json, StringBuilder out, Object value) {
            for (int i = 0; i < names.length; i++) {
                out.append(names[i]);
                Object member;
                try {
                    member = accessors[i].invokeExact(value);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read a member of " + value.getClass().getName(), e);
                }
                json.append(out, member);
            }
            out.append('}');
        }
    }
}
