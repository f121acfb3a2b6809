package dev.crmkit.campaigns.segment;

import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.Temperature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContactFilterTextTest {

    @Test
    void write_isReadable_andCanonical() {
        ContactFilter f = new ContactFilter.AllOf(List.of(
                new ContactFilter.ConsentIs(MarketingConsent.Status.GRANTED),
                new ContactFilter.LeadStatusIn(EnumSet.of(LeadStatus.WORKING, LeadStatus.NEW)),
                new ContactFilter.Not(new ContactFilter.OwnerTeamIs("sa\"les\\")),
                new ContactFilter.AnyOf(List.of())));
        String text = ContactFilterText.write(f);
        assertEquals("all(consent(GRANTED), lead-status(NEW, WORKING), not(owner-team(\"sa\\\"les\\\\\")), any())",
                text);
        assertEquals(f, ContactFilterText.read(text));
        assertEquals(f, ContactFilterText.read(" all ( consent( GRANTED ) ,lead-status(WORKING,NEW) , "
                + "not( owner-team( \"sa\\\"les\\\\\" ) ), any( ) ) "));
    }

    @Test
    void customFieldConditions_roundTrip_andBadValuesAreRefusedNamingTheField() {
        ContactFilter f = new ContactFilter.AllOf(List.of(
                new ContactFilter.FieldPresent("tier"),
                new ContactFilter.FieldTextIs("tier", "Gold \"plus\""),
                new ContactFilter.Not(new ContactFilter.FieldTextContains("note", "50%")),
                new ContactFilter.FieldNumber("budget", ContactFilter.Comparison.AT_LEAST,
                        new java.math.BigDecimal("2.50")),
                new ContactFilter.FieldDate("renewal", ContactFilter.Comparison.LESS,
                        java.time.LocalDate.of(2026, 1, 31)),
                new ContactFilter.FieldDateRelative("renewal", ContactFilter.Comparison.AT_MOST, -30)));
        String text = ContactFilterText.write(f);
        assertEquals("all(field-present(\"tier\"), field-text(\"tier\", \"Gold \\\"plus\\\"\"), "
                + "not(field-contains(\"note\", \"50%\")), field-number(\"budget\", AT_LEAST, \"2.50\"), "
                + "field-date(\"renewal\", LESS, \"2026-01-31\"), field-date-relative(\"renewal\", AT_MOST, -30))",
                text);
        assertEquals(f, ContactFilterText.read(text));
        assertEquals("syntax", assertThrows(ValidationException.class, () -> ContactFilterText.read(
                "field-number(\"budget\", AT_LEAST, \"lots\")")).violations().get(0).rule());
        assertEquals("key", assertThrows(ValidationException.class, () -> ContactFilterText.read(
                "field-present(\"Tier\")")).violations().get(0).field());
        assertEquals("value", assertThrows(ValidationException.class, () -> new ContactFilter.FieldNumber("budget",
                ContactFilter.Comparison.EQUAL, new java.math.BigDecimal("1E+40"))).violations().get(0).field());
        assertEquals("days", assertThrows(ValidationException.class, () -> ContactFilterText.read(
                "field-date-relative(\"renewal\", LESS, 99999)")).violations().get(0).field());
    }

    @Test
    void orderAndBirthdayConditions_roundTrip_andBadDaysAreRefusedNamingTheField() {
        ContactFilter f = new ContactFilter.AllOf(List.of(
                new ContactFilter.RfmSegmentIn(EnumSet.of(dev.crmkit.metrics.rfm.Segment.LOST,
                        dev.crmkit.metrics.rfm.Segment.CHAMPIONS)),
                new ContactFilter.OrderedWithin(30), new ContactFilter.Not(new ContactFilter.NoOrderFor(270)),
                new ContactFilter.NeverOrdered(), new ContactFilter.BirthdayWithin(7),
                new ContactFilter.BirthdayFrom(java.time.LocalDate.of(2026, 2, 28), 0)));
        String text = ContactFilterText.write(f);
        assertEquals("all(rfm-segment(CHAMPIONS, LOST), ordered-within(30), not(no-order-for(270)), never-ordered(), "
                + "birthday-within(7), birthday-from(\"2026-02-28\", 0))", text);
        assertEquals(f, ContactFilterText.read(text));
        assertEquals(new ContactFilter.BirthdayFrom(java.time.LocalDate.of(2026, 3, 1), 7),
                ContactFilter.asOf(new ContactFilter.BirthdayWithin(7), java.time.LocalDate.of(2026, 3, 1)));
        assertEquals("days", assertThrows(ValidationException.class, () -> ContactFilterText.read(
                "ordered-within(-1)")).violations().get(0).field());
        assertEquals("range", assertThrows(ValidationException.class, () -> ContactFilterText.read(
                "birthday-within(367)")).violations().get(0).rule());
        assertEquals("syntax", assertThrows(ValidationException.class, () -> ContactFilterText.read(
                "rfm-segment(CHAMPS)")).violations().get(0).rule());
    }

    @Test
    void seededRandomFilters_roundTrip() {
        Random random = new Random(63);
        for (int i = 0; i < 300; i++) {
            ContactFilter f = random(random, 3);
            assertEquals(f, ContactFilterText.read(ContactFilterText.write(f)), () -> f.toString());
        }
    }

    @Test
    void badText_isRefusedNamingFieldRuleAndPosition() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ContactFilterText.read("all(consent(MAYBE))"));
        assertEquals("filter", e.violations().get(0).field());
        assertEquals("syntax", e.violations().get(0).rule());
        assertEquals(true, e.getMessage().contains("'MAYBE' is not one of [UNKNOWN, GRANTED, WITHDRAWN] at position"),
                e.getMessage());
        assertThrows(ValidationException.class, () -> ContactFilterText.read("no-owner() x"));
        assertThrows(ValidationException.class, () -> ContactFilterText.read("owner(\"u1)"));
        assertThrows(ValidationException.class, () -> ContactFilterText.read("interacted-since(\"yesterday\")"));
        assertThrows(ValidationException.class, () -> ContactFilterText.read("shoe-size(44)"));
        ValidationException range = assertThrows(ValidationException.class,
                () -> ContactFilterText.read("score-at-least(101)"));
        assertEquals("points", range.violations().get(0).field());
    }

    @Test
    void aBadLanguage_isAValidationErrorNamingIt_andDeepNestingASyntaxError() {
        ValidationException blank = assertThrows(ValidationException.class,
                () -> ContactFilterText.read("language(\"\")"));
        assertEquals(List.of("language/required"), blank.violations().stream()
                .map(v -> v.field() + "/" + v.rule()).toList());
        ValidationException underscore = assertThrows(ValidationException.class,
                () -> new ContactFilter.LanguageIs("en_US"));
        assertEquals(List.of("language/format"), underscore.violations().stream()
                .map(v -> v.field() + "/" + v.rule()).toList());
        assertEquals("en-US", new ContactFilter.LanguageIs("en-us").tag());

        String deep = "not(".repeat(50_000) + "no-owner()" + ")".repeat(50_000);
        ValidationException nested = assertThrows(ValidationException.class, () -> ContactFilterText.read(deep));
        assertEquals("filter", nested.violations().get(0).field());
        assertEquals("syntax", nested.violations().get(0).rule());
        assertEquals(true, nested.getMessage().contains("nested deeper than 64"), nested.getMessage());
        String deepest = "not(".repeat(ContactFilterText.MAX_DEPTH - 1) + "no-owner()"
                + ")".repeat(ContactFilterText.MAX_DEPTH - 1);
        assertEquals(deepest, ContactFilterText.write(ContactFilterText.read(deepest)));
    }

    static ContactFilter random(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 17 : 20);
        return switch (kind) {
            case 14 -> new ContactFilter.FieldPresent(pick(random, new String[] {"tier", "a_1"}));
            case 15 -> new ContactFilter.FieldTextIs("tier", pick(random, new String[] {"", "G\"o\\ld", "é ✓"}));
            case 16 -> new ContactFilter.FieldTextContains("tier", pick(random, new String[] {"%", "_", " x "}));
            case 17 -> new ContactFilter.FieldNumber("budget", pick(random, ContactFilter.Comparison.values()),
                    java.math.BigDecimal.valueOf(random.nextInt(2001) - 1000, random.nextInt(4)));
            case 18 -> new ContactFilter.FieldDate("renewal", pick(random, ContactFilter.Comparison.values()),
                    java.time.LocalDate.ofEpochDay(random.nextInt(40_000)));
            case 19 -> new ContactFilter.FieldDateRelative("renewal", pick(random, ContactFilter.Comparison.values()),
                    random.nextInt(801) - 400);
            case 0 -> new ContactFilter.ConsentIs(pick(random, MarketingConsent.Status.values()));
            case 1 -> new ContactFilter.LanguageIs(pick(random, new String[] {"en", "de-AT", "fr"}));
            case 2 -> new ContactFilter.OwnerIs(pick(random, new String[] {"u1", "o\"b\\", "é ✓"}));
            case 3 -> new ContactFilter.NoOwner();
            case 4 -> new ContactFilter.CreatedBefore(Instant.ofEpochSecond(random.nextInt(2_000_000_000),
                    random.nextInt(1000) * 1000));
            case 5 -> {
                EnumSet<LeadStatus> set = EnumSet.noneOf(LeadStatus.class);
                for (LeadStatus s : LeadStatus.values()) {
                    if (random.nextBoolean()) {
                        set.add(s);
                    }
                }
                yield new ContactFilter.LeadStatusIn(set);
            }
            case 6 -> new ContactFilter.ScoreAtLeast(random.nextInt(101));
            case 7 -> new ContactFilter.TemperatureIs(pick(random, Temperature.values()));
            case 8 -> new ContactFilter.StageIs(pick(random, LifecycleStage.values()));
            case 9 -> new ContactFilter.OwnerTeamIs(pick(random, new String[] {"t1", "a\"b"}));
            case 10 -> new ContactFilter.InteractedSince(Instant.ofEpochSecond(random.nextInt(2_000_000_000)));
            case 11 -> depth == 0 ? new ContactFilter.NoOwner()
                    : new ContactFilter.AllOf(List.of(random(random, depth - 1), random(random, depth - 1)));
            case 12 -> depth == 0 ? new ContactFilter.NoOwner() : new ContactFilter.AnyOf(List.of(random(random,
                    depth - 1)));
            case 13 -> depth == 0 ? new ContactFilter.NoOwner() : new ContactFilter.Not(random(random, depth - 1));
            default -> throw new IllegalStateException("kind " + kind);
        };
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
