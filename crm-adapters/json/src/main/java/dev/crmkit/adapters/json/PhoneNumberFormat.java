package dev.crmkit.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.crmkit.core.kernel.PhoneNumber;

import java.io.IOException;

/** {@link PhoneNumber} as its E.164 string, {@code "+4930901820"}. */
final class PhoneNumberFormat {

    private PhoneNumberFormat() {
    }

    /** Writes the E.164 form. */
    static final class Writer extends StdScalarSerializer<PhoneNumber> {
        Writer() {
            super(PhoneNumber.class);
        }

        @Override
        public void serialize(PhoneNumber value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.e164());
        }
    }

    /** Reads the E.164 form; anything else is refused by {@link PhoneNumber#of(String)}. */
    static final class Reader extends StdScalarDeserializer<PhoneNumber> {
        Reader() {
            super(PhoneNumber.class);
        }

        @Override
        public PhoneNumber deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (PhoneNumber) ctxt.handleUnexpectedToken(PhoneNumber.class, p);
            }
            return PhoneNumber.of(text);
        }
    }
}
