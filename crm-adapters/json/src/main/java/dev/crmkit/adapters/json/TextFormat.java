package dev.crmkit.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.util.function.Function;

/**
 * A value type written as one string that its own factory reads back: {@code PhoneNumber} as
 * {@code "+4930901820;ext=12"} ({@code toString}, read by {@code PhoneNumber.of}), {@code IdempotencyKey} as its
 * value. The factory's own validation refuses bad text.
 */
final class TextFormat {

    private TextFormat() {
    }

    /** Writes the text form. */
    static final class Writer<T> extends StdScalarSerializer<T> {
        private final Function<T, String> text;

        Writer(Class<T> type, Function<T, String> text) {
            super(type);
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(text.apply(value));
        }
    }

    /** Reads the text form through the type's factory. */
    static final class Reader<T> extends StdScalarDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> factory;

        Reader(Class<T> type, Function<String, T> factory) {
            super(type);
            this.type = type;
            this.factory = factory;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            return factory.apply(text);
        }
    }
}
