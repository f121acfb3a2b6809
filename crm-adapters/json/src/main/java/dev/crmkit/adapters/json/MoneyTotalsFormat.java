package dev.crmkit.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.forecast.MoneyTotals;

import java.io.IOException;

/** {@link MoneyTotals} as the JSON list of its totals, one {@link Money} object per currency, in currency order. */
final class MoneyTotalsFormat {

    private MoneyTotalsFormat() {
    }

    /** Writes the list. */
    static final class Writer extends StdSerializer<MoneyTotals> {
        Writer() {
            super(MoneyTotals.class);
        }

        @Override
        public void serialize(MoneyTotals value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray();
            for (Money total : value.totals().values()) {
                provider.defaultSerializeValue(total, gen);
            }
            gen.writeEndArray();
        }
    }

    /** Reads the list back by adding its totals up. */
    static final class Reader extends StdDeserializer<MoneyTotals> {
        Reader() {
            super(MoneyTotals.class);
        }

        @Override
        public MoneyTotals deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (MoneyTotals) ctxt.handleUnexpectedToken(MoneyTotals.class, p);
            }
            MoneyTotals totals = MoneyTotals.none();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                totals = totals.plus(ctxt.readValue(p, Money.class));
            }
            return totals;
        }
    }
}
