package dev.crmkit.campaigns.segment;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both filter models combine conditions through {@link Combinators}, so their all-of, any-of and not agree. */
@SuppressWarnings("deprecation") // SegmentFilter shares the combinators until hosts move to ContactFilter
class CombinatorsTest {

    /** A contact without owner and with unknown consent. */
    private static final ContactFacts FACTS = ContactFacts.of(Contact.create(new ContactId(new UUID(0, 1)),
            new PersonName("Ada", "Lovelace"), List.of(), List.of(), Instant.EPOCH));
    private static final ContactFilter CONTACT_TRUE = new ContactFilter.NoOwner();
    private static final ContactFilter CONTACT_FALSE = new ContactFilter.ConsentIs(MarketingConsent.Status.GRANTED);

    /** A recipient who granted consent, speaks English and never ordered. */
    private static final SegmentRow ROW = new SegmentRow(new Recipient("c1", "Ada", "Lovelace", "", "",
            Optional.empty(), ZoneOffset.UTC, MarketingConsent.granted(Instant.EPOCH, "form"), "en"),
            Optional.empty(), LocalDate.of(2026, 3, 1));
    private static final SegmentFilter SEGMENT_TRUE = new SegmentFilter.ConsentGranted();
    private static final SegmentFilter SEGMENT_FALSE = new SegmentFilter.LanguageIs("fr");

    @Test
    void leaves_matchAsTheTestAssumes() {
        assertTrue(CONTACT_TRUE.matches(FACTS));
        assertFalse(CONTACT_FALSE.matches(FACTS));
        assertTrue(SEGMENT_TRUE.matches(ROW));
        assertFalse(SEGMENT_FALSE.matches(ROW));
    }

    @Test
    void emptyAllOf_matchesEveryRow_emptyAnyOf_none_inBothModels() {
        assertTrue(new ContactFilter.AllOf(List.of()).matches(FACTS));
        assertTrue(new SegmentFilter.AllOf(List.of()).matches(ROW));
        assertFalse(new ContactFilter.AnyOf(List.of()).matches(FACTS));
        assertFalse(new SegmentFilter.AnyOf(List.of()).matches(ROW));
    }

    @Test
    void randomTrees_evaluateAsBooleanLogic_inBothModels() {
        Random random = new Random(16);
        for (int i = 0; i < 2_000; i++) {
            Tree tree = tree(random, 4);
            assertEquals(tree.value(), tree.contact().matches(FACTS), () -> "contact filter " + tree.contact());
            assertEquals(tree.value(), tree.segment().matches(ROW), () -> "segment filter " + tree.segment());
        }
    }

    @Test
    void missingOperands_areRefusedNamingThem_andTheListIsCopied() {
        NullPointerException list = assertThrows(NullPointerException.class, () -> new ContactFilter.AllOf(null));
        assertEquals("filters", list.getMessage());
        NullPointerException not = assertThrows(NullPointerException.class, () -> new SegmentFilter.Not(null));
        assertEquals("filter", not.getMessage());
        List<SegmentFilter> operands = new ArrayList<>(List.of(SEGMENT_TRUE));
        SegmentFilter.AnyOf any = new SegmentFilter.AnyOf(operands);
        operands.set(0, SEGMENT_FALSE);
        assertTrue(any.matches(ROW));
    }

    /** The same boolean tree in both models, with its expected value. */
    private record Tree(boolean value, ContactFilter contact, SegmentFilter segment) {
    }

    private static Tree tree(Random random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(4);
        switch (kind) {
            case 1 -> {
                Tree inner = tree(random, depth - 1);
                return new Tree(!inner.value(), new ContactFilter.Not(inner.contact()),
                        new SegmentFilter.Not(inner.segment()));
            }
            case 2, 3 -> {
                int n = random.nextInt(4);
                List<Tree> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    parts.add(tree(random, depth - 1));
                }
                List<ContactFilter> contacts = parts.stream().map(Tree::contact).toList();
                List<SegmentFilter> segments = parts.stream().map(Tree::segment).toList();
                if (kind == 2) {
                    return new Tree(parts.stream().allMatch(Tree::value), new ContactFilter.AllOf(contacts),
                            new SegmentFilter.AllOf(segments));
                }
                return new Tree(parts.stream().anyMatch(Tree::value), new ContactFilter.AnyOf(contacts),
                        new SegmentFilter.AnyOf(segments));
            }
            default -> {
                boolean value = random.nextBoolean();
                return new Tree(value, value ? CONTACT_TRUE : CONTACT_FALSE, value ? SEGMENT_TRUE : SEGMENT_FALSE);
            }
        }
    }
}
