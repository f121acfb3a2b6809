package dev.crmkit.core.customfield;

import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomFieldSchemaTest {

    private static final FieldDefinition BUDGET = FieldDefinition.required("budget", FieldType.NUMBER);
    private static final FieldDefinition TIER =
            FieldDefinition.choice("tier", FieldType.SINGLE_CHOICE, false, "gold", "silver");
    private static final FieldDefinition VIP = FieldDefinition.optional("vip", FieldType.BOOLEAN);
    private static final CustomFieldSchema SCHEMA = CustomFieldSchema.of(RecordType.CONTACT, BUDGET, TIER, VIP);

    private static List<String> fieldRules(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    private static CustomFields values(Object... keyValues) {
        Map<String, FieldValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (FieldValue) keyValues[i + 1]);
        }
        return new CustomFields(map);
    }

    @Test
    void constructor_refusesDuplicateKeys() {
        ValidationException e = assertThrows(ValidationException.class, () -> CustomFieldSchema.of(RecordType.LEAD,
                BUDGET, FieldDefinition.optional("budget", FieldType.TEXT)));

        assertEquals(List.of("fields:unique"), fieldRules(e.violations()));
        assertTrue(e.getMessage().contains("budget"), e.getMessage());
    }

    @Test
    void field_findsDefinitionByKey() {
        assertEquals(Optional.of(TIER), SCHEMA.field("tier"));
        assertEquals(Optional.empty(), SCHEMA.field("colour"));
    }

    @Test
    void validate_acceptsValidValues() {
        assertEquals(List.of(), SCHEMA.validate(values("budget", new FieldValue.Number(BigDecimal.TEN),
                "tier", new FieldValue.Choice("gold"))));
    }

    @Test
    void validate_reportsUnknownField() {
        List<Violation> v = SCHEMA.validate(values("budget", new FieldValue.Number(BigDecimal.TEN),
                "colour", new FieldValue.Text("red")));

        assertEquals(List.of("customFields.colour:unknown-field"), fieldRules(v));
        assertTrue(v.get(0).message().contains("contact"), v.get(0).message());
    }

    @Test
    void validate_reportsMissingRequiredField() {
        assertEquals(List.of("customFields.budget:required"), fieldRules(SCHEMA.validate(CustomFields.empty())));
    }

    @Test
    void validate_reportsValueOutsideAllowedValues() {
        List<Violation> v = SCHEMA.validate(values("budget", new FieldValue.Number(BigDecimal.ONE),
                "tier", new FieldValue.Choice("platinum")));

        assertEquals(List.of("customFields.tier:allowed-values"), fieldRules(v));
    }

    @Test
    void validate_reportsWrongType() {
        List<Violation> v = SCHEMA.validate(values("budget", new FieldValue.Text("lots")));

        assertEquals(List.of("customFields.budget:type"), fieldRules(v));
    }

    @Test
    void validate_reportsEveryProblem() {
        List<Violation> v = SCHEMA.validate(values("tier", new FieldValue.Choice("platinum"),
                "vip", new FieldValue.Text("yes"), "x", new FieldValue.Bool(true)));

        assertEquals(List.of("customFields.tier:allowed-values", "customFields.vip:type",
                "customFields.x:unknown-field", "customFields.budget:required"), fieldRules(v));
    }

    @Test
    void empty_knowsNoField() {
        CustomFieldSchema empty = CustomFieldSchema.empty(RecordType.COMPANY);

        assertEquals(List.of(), empty.validate(CustomFields.empty()));
        assertEquals(List.of("customFields.tier:unknown-field"),
                fieldRules(empty.validate(values("tier", new FieldValue.Choice("gold")))));
    }

    @Test
    void parse_readsValidValues() {
        CustomFieldSchema.ParsedFields p = SCHEMA.parse(Map.of("budget", "12.5", "tier", "silver", "vip", "yes"));

        assertEquals(List.of(), p.violations());
        assertEquals(List.of(), p.unknownKeys());
        assertEquals(values("budget", new FieldValue.Number(new BigDecimal("12.5")), "tier",
                new FieldValue.Choice("silver"), "vip", new FieldValue.Bool(true)), p.values());
    }

    @Test
    void parse_returnsUnknownKeysWithoutViolation() {
        CustomFieldSchema.ParsedFields p = SCHEMA.parse(Map.of("budget", "1", "colour", "red"));

        assertEquals(List.of("colour"), p.unknownKeys());
        assertEquals(List.of(), p.violations());
        assertEquals(Optional.empty(), p.values().get("colour"));
    }

    @Test
    void parse_reportsMissingRequiredField() {
        assertEquals(List.of("customFields.budget:required"),
                fieldRules(SCHEMA.parse(Map.of("vip", "no")).violations()));
    }

    @Test
    void parse_reportsBlankRequiredFieldOnce() {
        assertEquals(List.of("customFields.budget:required"),
                fieldRules(SCHEMA.parse(Map.of("budget", " ")).violations()));
    }

    @Test
    void parse_reportsWrongTypeButNotAlsoRequired() {
        CustomFieldSchema.ParsedFields p = SCHEMA.parse(Map.of("budget", "lots"));

        assertEquals(List.of("customFields.budget:type"), fieldRules(p.violations()));
        assertTrue(p.values().isEmpty());
    }

    @Test
    void parse_readsNullAsBlank() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("budget", "3");
        raw.put("vip", null);

        CustomFieldSchema.ParsedFields p = SCHEMA.parse(raw);

        assertEquals(List.of(), p.violations());
        assertEquals(Optional.empty(), p.values().get("vip"));
    }

    @Test
    void parse_withoutValues_givesTheSharedEmptyValues() {
        CustomFieldSchema optional = CustomFieldSchema.of(RecordType.LEAD, TIER, VIP);

        assertSame(CustomFields.empty(), optional.parse(Map.of()).values(), "no sorted copy of an empty map");
        CustomFieldSchema.ParsedFields unknownOnly = optional.parse(Map.of("colour", "red"));
        assertSame(CustomFields.empty(), unknownOnly.values());
        assertEquals(List.of("colour"), unknownOnly.unknownKeys());
        assertEquals(List.of("customFields.budget:required"), fieldRules(SCHEMA.parse(Map.of()).violations()));
        assertEquals(CustomFields.empty(), SCHEMA.parse(Map.of()).values());
    }

    @Test
    void parse_noTextUnderARequiredField_stillReportsItRequired() {
        // the shortcut for no text (most captures) must not skip the required check
        assertEquals(List.of("customFields.budget:required"), fieldRules(SCHEMA.parse(Map.of()).violations()));
    }

    @Test
    void parse_noTextWithoutRequiredFields_isNothing() {
        CustomFieldSchema.ParsedFields p = CustomFieldSchema.of(RecordType.LEAD, TIER, VIP).parse(Map.of());

        assertSame(CustomFields.empty(), p.values());
        assertEquals(List.of(), p.violations());
        assertEquals(List.of(), p.unknownKeys());
    }
}
