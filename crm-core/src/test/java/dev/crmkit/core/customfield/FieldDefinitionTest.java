package dev.crmkit.core.customfield;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldDefinitionTest {

    private static final FieldDefinition TIER =
            FieldDefinition.choice("tier", FieldType.SINGLE_CHOICE, false, "gold", "silver", "bronze");
    private static final FieldDefinition INTERESTS =
            FieldDefinition.choice("interests", FieldType.MULTIPLE_CHOICE, false, "crm", "erp", "shop");

    private static FieldValue parsed(FieldDefinition def, String text) {
        FieldDefinition.Parsed p = def.parse(text);
        assertEquals(List.of(), p.violations(), () -> "violations parsing '" + text + "'");
        return p.value().orElseThrow();
    }

    private static Violation refused(FieldDefinition def, String text) {
        FieldDefinition.Parsed p = def.parse(text);
        assertEquals(Optional.empty(), p.value(), () -> "value parsed from '" + text + "'");
        assertEquals(1, p.violations().size(), p.violations()::toString);
        return p.violations().get(0);
    }

    private static void assertTypeViolation(FieldDefinition def, String text) {
        Violation v = refused(def, text);
        assertEquals("customFields." + def.key(), v.field());
        assertEquals("type", v.rule());
    }

    private static Violation onlyViolation(Runnable constructor) {
        ValidationException e = assertThrows(ValidationException.class, constructor::run);
        assertEquals(1, e.violations().size(), e.violations()::toString);
        return e.violations().get(0);
    }

    // --- the definition itself

    @ParameterizedTest
    @ValueSource(strings = {"a", "budget", "budget_2026", "a1_b2_c3", "x_"})
    void constructor_acceptsKeyFormat(String key) {
        assertEquals(key, FieldDefinition.optional(key, FieldType.TEXT).key());
    }

    @Test
    void constructor_acceptsKeyOf64Characters() {
        assertEquals(64, FieldDefinition.optional("k".repeat(64), FieldType.TEXT).key().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Budget", "1budget", "_budget", "bud-get", "bud get", "budget!", "büdget"})
    void constructor_refusesBadKey(String key) {
        Violation v = onlyViolation(() -> FieldDefinition.optional(key, FieldType.TEXT));

        assertEquals("key", v.field());
        assertEquals("format", v.rule());
    }

    @Test
    void constructor_refusesKeyOf65Characters() {
        assertEquals("format", onlyViolation(() -> FieldDefinition.optional("k".repeat(65), FieldType.TEXT)).rule());
    }

    @Test
    void constructor_choiceNeedsAllowedValues() {
        for (FieldType type : List.of(FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE)) {
            Violation v = onlyViolation(() -> FieldDefinition.choice("tier", type, false));

            assertEquals("allowedValues", v.field());
            assertEquals("required", v.rule());
        }
    }

    @Test
    void constructor_onlyChoiceFieldsHaveAllowedValues() {
        Violation v = onlyViolation(
                () -> new FieldDefinition("budget", "Budget", FieldType.NUMBER, false, List.of("1")));

        assertEquals("allowedValues", v.field());
        assertEquals("not-allowed", v.rule());
    }

    @Test
    void constructor_refusesAllowedValueListedTwice() {
        Violation v = onlyViolation(
                () -> FieldDefinition.choice("tier", FieldType.SINGLE_CHOICE, false, "gold", "gold"));

        assertEquals("allowedValues", v.field());
        assertEquals("unique", v.rule());
    }

    @Test
    void constructor_listsEveryProblem() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> FieldDefinition.choice("Tier", FieldType.SINGLE_CHOICE, false));

        assertEquals(List.of("key:format", "allowedValues:required"),
                e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
    }

    // --- parsing values of each type

    @Test
    void parse_text() {
        FieldDefinition notes = FieldDefinition.optional("notes", FieldType.TEXT);

        assertEquals(new FieldValue.Text("call  back"), parsed(notes, "call  back"));
    }

    @Test
    void parse_textLongerThanMaxIsRefused() {
        FieldDefinition notes = FieldDefinition.optional("notes", FieldType.TEXT);

        assertEquals("max-length", refused(notes, "x".repeat(FieldDefinition.MAX_TEXT_LENGTH + 1)).rule());
        assertEquals(FieldDefinition.MAX_TEXT_LENGTH,
                ((FieldValue.Text) parsed(notes, "x".repeat(FieldDefinition.MAX_TEXT_LENGTH))).value().length());
    }

    @Test
    void parse_number() {
        FieldDefinition budget = FieldDefinition.optional("budget", FieldType.NUMBER);

        assertEquals(new FieldValue.Number(new BigDecimal("12.50")), parsed(budget, " 12.50 "));
        assertEquals(new FieldValue.Number(new BigDecimal("-3")), parsed(budget, "-3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,50", "twelve", "1 000", "NaN", "12.5.0"})
    void parse_numberOfWrongForm(String text) {
        assertTypeViolation(FieldDefinition.optional("budget", FieldType.NUMBER), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "Yes", "y", "1"})
    void parse_booleanTrue(String text) {
        assertEquals(new FieldValue.Bool(true), parsed(FieldDefinition.optional("vip", FieldType.BOOLEAN), text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "NO", "n", "0"})
    void parse_booleanFalse(String text) {
        assertEquals(new FieldValue.Bool(false), parsed(FieldDefinition.optional("vip", FieldType.BOOLEAN), text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "ja", "2", "on"})
    void parse_booleanOfWrongForm(String text) {
        assertTypeViolation(FieldDefinition.optional("vip", FieldType.BOOLEAN), text);
    }

    @Test
    void parse_date() {
        assertEquals(new FieldValue.Date(LocalDate.of(2026, 11, 23)),
                parsed(FieldDefinition.optional("renewal", FieldType.DATE), "2026-11-23"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23.11.2026", "2026-02-30", "2026-13-01", "11/23/2026", "2026-11-23T10:00"})
    void parse_dateOfWrongForm(String text) {
        assertTypeViolation(FieldDefinition.optional("renewal", FieldType.DATE), text);
    }

    @Test
    void parse_money() {
        assertEquals(new FieldValue.Amount(Money.of("12.50", "EUR")),
                parsed(FieldDefinition.optional("budget", FieldType.MONEY), "EUR 12.50"));
        assertEquals(new FieldValue.Amount(Money.of("5000", "JPY")),
                parsed(FieldDefinition.optional("budget", FieldType.MONEY), " JPY 5000 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.50", "12.50 EUR", "EUR 12.505", "XYZ 1.00", "EUR 12,50", "JPY 1.5"})
    void parse_moneyOfWrongForm(String text) {
        assertTypeViolation(FieldDefinition.optional("budget", FieldType.MONEY), text);
    }

    @Test
    void parse_singleChoice() {
        assertEquals(new FieldValue.Choice("gold"), parsed(TIER, " gold "));
    }

    @Test
    void parse_singleChoiceOutsideAllowedValues() {
        Violation v = refused(TIER, "platinum");

        assertEquals("customFields.tier", v.field());
        assertEquals("allowed-values", v.rule());
        assertTrue(v.message().contains("platinum"), v.message());
    }

    @Test
    void parse_singleChoiceIsCaseSensitive() {
        assertEquals("allowed-values", refused(TIER, "Gold").rule());
    }

    @Test
    void parse_multipleChoices() {
        assertEquals(new FieldValue.Choices(Set.of("crm", "shop")), parsed(INTERESTS, "shop|crm"));
        assertEquals(new FieldValue.Choices(Set.of("crm", "shop")), parsed(INTERESTS, " shop | crm || shop "));
        assertEquals(new FieldValue.Choices(Set.of("erp")), parsed(INTERESTS, "erp"));
    }

    @Test
    void parse_multipleChoicesNamesEachValueOutsideAllowed() {
        FieldDefinition.Parsed p = INTERESTS.parse("crm|hr|it");

        assertEquals(Optional.empty(), p.value());
        assertEquals(2, p.violations().size());
        assertTrue(p.violations().stream().allMatch(v -> v.rule().equals("allowed-values")
                && v.field().equals("customFields.interests")));
    }

    @Test
    void parse_blankOptionalGivesNoValue() {
        for (FieldType type : List.of(FieldType.TEXT, FieldType.NUMBER, FieldType.BOOLEAN, FieldType.DATE,
                FieldType.MONEY)) {
            FieldDefinition.Parsed p = FieldDefinition.optional("f", type).parse("  ");
            assertEquals(Optional.empty(), p.value());
            assertEquals(List.of(), p.violations());
        }
    }

    @Test
    void parse_blankRequiredIsRefused() {
        Violation v = refused(FieldDefinition.required("budget", FieldType.NUMBER), " ");

        assertEquals("customFields.budget", v.field());
        assertEquals("required", v.rule());
    }

    @Test
    void parse_readsAsTextOfEveryType() {
        List<FieldValue> values = List.of(new FieldValue.Text("note"), new FieldValue.Number(new BigDecimal("-1.250")),
                new FieldValue.Bool(true), new FieldValue.Bool(false), new FieldValue.Date(LocalDate.of(2026, 2, 28)),
                new FieldValue.Amount(Money.of("12.50", "EUR")), new FieldValue.Choice("gold"),
                new FieldValue.Choices(Set.of("shop", "crm")));
        for (FieldValue value : values) {
            FieldDefinition def = switch (value.type()) {
                case SINGLE_CHOICE -> TIER;
                case MULTIPLE_CHOICE -> INTERESTS;
                default -> FieldDefinition.optional("f", value.type());
            };
            assertEquals(value, parsed(def, value.asText()));
        }
    }

    // --- checking values

    @Test
    void check_wrongTypeNamesFieldAndRuleType() {
        FieldDefinition budget = FieldDefinition.optional("budget", FieldType.MONEY);

        List<Violation> v = budget.check(new FieldValue.Number(BigDecimal.TEN), "customFields.budget");

        assertEquals(1, v.size());
        assertEquals("customFields.budget", v.get(0).field());
        assertEquals("type", v.get(0).rule());
    }

    @Test
    void check_validValueHasNoViolation() {
        assertEquals(List.of(), TIER.check(new FieldValue.Choice("silver"), "customFields.tier"));
        assertEquals(List.of(), INTERESTS.check(new FieldValue.Choices(Set.of()), "customFields.interests"));
    }

    @Test
    void parse_moneyWithMoreDecimalsThanTheCurrency_saysSo() {
        FieldDefinition.Parsed parsed = FieldDefinition.optional("budget", FieldType.MONEY).parse("EUR 12.345");

        assertEquals(1, parsed.violations().size());
        assertEquals("customFields.budget", parsed.violations().get(0).field());
        assertEquals("type", parsed.violations().get(0).rule());
        org.junit.jupiter.api.Assertions.assertTrue(parsed.violations().get(0).message().contains("more decimals"),
                parsed.violations().get(0).message());
    }
}
