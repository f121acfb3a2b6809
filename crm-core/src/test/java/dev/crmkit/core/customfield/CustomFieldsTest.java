package dev.crmkit.core.customfield;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomFieldsTest {

    private static final FieldValue GOLD = new FieldValue.Choice("gold");
    private static final FieldValue SILVER = new FieldValue.Choice("silver");
    private static final FieldValue TEN = new FieldValue.Number(BigDecimal.TEN);
    private static final FieldValue YES = new FieldValue.Bool(true);

    @Test
    void fillEmptyFrom_keepsOwnValues() {
        CustomFields own = CustomFields.empty().with("tier", GOLD);
        CustomFields other = CustomFields.empty().with("tier", SILVER).with("budget", TEN);

        CustomFields filled = own.fillEmptyFrom(other);

        assertEquals(Optional.of(GOLD), filled.get("tier"));
        assertEquals(Optional.of(TEN), filled.get("budget"));
        assertEquals(2, filled.values().size());
    }

    @Test
    void fillEmptyFrom_emptyOtherChangesNothing() {
        CustomFields own = CustomFields.empty().with("tier", GOLD);

        assertEquals(own, own.fillEmptyFrom(CustomFields.empty()));
        assertEquals(own, CustomFields.empty().fillEmptyFrom(own));
    }

    @Test
    void with_returnsCopyAndLeavesOriginal() {
        CustomFields a = CustomFields.empty().with("tier", GOLD);
        CustomFields b = a.with("tier", SILVER);

        assertEquals(Optional.of(GOLD), a.get("tier"));
        assertEquals(Optional.of(SILVER), b.get("tier"));
    }

    @Test
    void without_removesField() {
        CustomFields a = CustomFields.empty().with("tier", GOLD).with("vip", YES);

        assertEquals(CustomFields.empty().with("vip", YES), a.without("tier"));
        assertEquals(a, a.without("unknown"));
    }

    @Test
    void values_sortedByKeyAndUnmodifiable() {
        Map<String, FieldValue> raw = new HashMap<>(Map.of("zeta", YES, "alpha", GOLD, "mid", TEN));
        CustomFields fields = new CustomFields(raw);
        raw.clear();

        assertEquals(List.of("alpha", "mid", "zeta"), new ArrayList<>(fields.values().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> fields.values().put("x", YES));
    }

    @Test
    void constructor_refusesNullValue() {
        Map<String, FieldValue> raw = new HashMap<>();
        raw.put("tier", null);

        assertThrows(NullPointerException.class, () -> new CustomFields(raw));
    }

    @Test
    void isEmpty_andGet() {
        assertTrue(CustomFields.empty().isEmpty());
        assertEquals(Optional.empty(), CustomFields.empty().get("tier"));
    }
}
