package dev.crmkit.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.crmkit.core.kernel.Money;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;

/** {@link Money} as {@code {"amount":"12.50","currency":"EUR"}}; the amount must be a JSON string. */
final class MoneyFormat {

    private MoneyFormat() {
    }

    /** Writes the amount as a plain decimal string, scale kept. */
    static final class Writer extends StdSerializer<Money> {
        Writer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currency().getCurrencyCode());
            gen.writeEndObject();
        }
    }

    /** Reads what {@link Writer} writes; refuses a numeric amount or an unknown currency, naming the member. */
    static final class Reader extends StdDeserializer<Money> {
        Reader() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node == null || !node.isObject()) {
                return (Money) ctxt.handleUnexpectedToken(Money.class, p);
            }
            JsonNode amount = node.get("amount");
            if (amount == null || !amount.isTextual()) {
                throw ctxt.weirdStringException(String.valueOf(amount), Money.class,
                        "money.amount must be a JSON string such as \"12.50\" (never a number)");
            }
            JsonNode currency = node.get("currency");
            if (currency == null || !currency.isTextual()) {
                throw ctxt.weirdStringException(String.valueOf(currency), Money.class,
                        "money.currency must be an ISO 4217 code such as \"EUR\"");
            }
            BigDecimal value;
            try {
                value = new BigDecimal(amount.asText());
            } catch (NumberFormatException e) {
                throw ctxt.weirdStringException(amount.asText(), Money.class,
                        "money.amount must be a decimal number such as \"12.50\"");
            }
            Currency code;
            try {
                code = Currency.getInstance(currency.asText());
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(currency.asText(), Money.class,
                        "money.currency must be an ISO 4217 code such as \"EUR\"");
            }
            return Money.of(value, code);
        }
    }
}
