package dev.crmkit.core.customfield;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FieldValueTest {

    @Test
    void type_matchesEachKind() {
        assertEquals(FieldType.TEXT, new FieldValue.Text("x").type());
        assertEquals(FieldType.NUMBER, new FieldValue.Number(BigDecimal.ONE).type());
        assertEquals(FieldType.BOOLEAN, new FieldValue.Bool(true).type());
        assertEquals(FieldType.DATE, new FieldValue.Date(LocalDate.EPOCH).type());
        assertEquals(FieldType.MONEY, new FieldValue.Amount(Money.of("1.00", "EUR")).type());
        assertEquals(FieldType.SINGLE_CHOICE, new FieldValue.Choice("a").type());
        assertEquals(FieldType.MULTIPLE_CHOICE, new FieldValue.Choices(Set.of("a")).type());
    }

    @Test
    void asText_writesTheFormParseReads() {
        assertEquals("1000", new FieldValue.Number(new BigDecimal("1E+3")).asText());
        assertEquals("false", new FieldValue.Bool(false).asText());
        assertEquals("2026-11-23", new FieldValue.Date(LocalDate.of(2026, 11, 23)).asText());
        assertEquals("EUR 12.50", new FieldValue.Amount(Money.of("12.5", "EUR")).asText());
    }

    @Test
    void choices_asTextJoinsSortedValues() {
        assertEquals("crm|erp|shop", new FieldValue.Choices(Set.of("shop", "crm", "erp")).asText());
        assertEquals("", new FieldValue.Choices(Set.of()).asText());
    }

    @Test
    void choices_iterateInSortedOrder() {
        // Documented as "kept sorted": values() is what adapters serialize and what check() reports in order.
        List<String> sorted = List.of("a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9", "j10", "k11", "l12");
        Set<String> unordered = Set.copyOf(sorted);

        assertEquals(sorted, new ArrayList<>(new FieldValue.Choices(unordered).values()));
    }

    @Test
    void choices_equalWhateverTheInputOrder() {
        assertEquals(new FieldValue.Choices(Set.of("a", "b")),
                new FieldValue.Choices(new java.util.LinkedHashSet<>(List.of("b", "a"))));
    }

    @Test
    void values_refuseNull() {
        assertThrows(NullPointerException.class, () -> new FieldValue.Text(null));
        assertThrows(NullPointerException.class, () -> new FieldValue.Number(null));
        assertThrows(NullPointerException.class, () -> new FieldValue.Date(null));
        assertThrows(NullPointerException.class, () -> new FieldValue.Amount(null));
        assertThrows(NullPointerException.class, () -> new FieldValue.Choice(null));
        assertThrows(NullPointerException.class, () -> new FieldValue.Choices(null));
    }
}
