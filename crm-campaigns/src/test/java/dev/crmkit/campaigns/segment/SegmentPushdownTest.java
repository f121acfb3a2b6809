package dev.crmkit.campaigns.segment;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.metrics.rfm.CustomerRfm;
import dev.crmkit.metrics.rfm.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentPushdownTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ContactFilter GRANTED = new ContactFilter.ConsentIs(MarketingConsent.Status.GRANTED);
    private static final ContactFilter U1 = new ContactFilter.OwnerIs("u1");

    @Test
    void superset_isTrueForOutsideConditionsUnderAnd_andFalseUnderNot() {
        var recent = new ContactFilter.OrderedWithin(30);
        var never = new ContactFilter.NeverOrdered();
        assertEquals(GRANTED, SegmentPushdown.of(new ContactFilter.AllOf(List.of(GRANTED, recent))).superset());
        assertEquals(new ContactFilter.AllOf(List.of(GRANTED, new ContactFilter.Not(U1))),
                SegmentPushdown.of(new ContactFilter.AllOf(List.of(GRANTED, new ContactFilter.Not(
                        new ContactFilter.AnyOf(List.of(U1, never)))))).superset());
        assertEquals(new ContactFilter.AllOf(List.of()), SegmentPushdown.of(new ContactFilter.Not(
                new ContactFilter.AllOf(List.of(GRANTED, recent)))).superset(), "not granted, or not recent");
        assertEquals(new ContactFilter.AllOf(List.of()),
                SegmentPushdown.of(new ContactFilter.AnyOf(List.of(U1, never))).superset());
        assertEquals(GRANTED, SegmentPushdown.of(new ContactFilter.Not(new ContactFilter.Not(
                new ContactFilter.AllOf(List.of(GRANTED, recent))))).superset());
        assertTrue(SegmentPushdown.of(GRANTED).exact());
        assertFalse(SegmentPushdown.of(new ContactFilter.Not(recent)).exact());
        assertEquals(List.of(recent, never), SegmentPushdown.of(new ContactFilter.AnyOf(List.of(recent,
                new ContactFilter.BirthdayFrom(AS_OF, 3), never))).orderConditions());
    }

    /** Random trees of pushable and outside conditions on random contacts: the split decides as the filter does. */
    @Test
    void randomTrees_supersetHoldsEveryMember_andTheSplitDecidesAsTheFilter() {
        Random random = new Random(2616);
        List<ContactFacts> population = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            population.add(facts(random, i));
        }
        int narrowed = 0;
        for (int t = 0; t < 2_000; t++) {
            ContactFilter filter = tree(random, 4);
            SegmentPushdown split = SegmentPushdown.of(filter);
            for (ContactFacts f : population) {
                boolean member = filter.matches(f);
                assertTrue(!member || split.superset().matches(f), () -> "superset of " + filter + " lost " + f);
                boolean[] parts = new boolean[split.parts().size()];
                for (int p = 0; p < parts.length; p++) {
                    parts[p] = split.parts().get(p).matches(f);
                }
                assertEquals(member, split.matches(parts, f.contact().birthday(), f.orders()), () -> filter.toString());
            }
            if (population.stream().filter(split.superset()::matches).count() < population.size()) {
                narrowed++;
            }
        }
        assertTrue(narrowed > 500, "the superset narrows the read in many trees: " + narrowed);
    }

    @Test
    void relativeBirthday_withoutItsDay_isRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentPushdown.of(new ContactFilter.Not(new ContactFilter.BirthdayWithin(7))));
        assertTrue(e.getMessage().contains("birthday-within(7)"), e.getMessage());
    }

    private static ContactFacts facts(Random r, int i) {
        Contact c = Contact.create(new ContactId(new UUID(0, i)), new PersonName("P" + i, "Q"), List.of(), List.of(),
                T0);
        Optional<LocalDate> birthday = r.nextInt(3) == 0 ? Optional.empty()
                : Optional.of(AS_OF.plusDays(r.nextInt(60) - 20).withYear(1970 + r.nextInt(30)));
        Contact contact = new Contact(c.id(), 0, c.name(), c.emails(), c.phones(), c.addresses(), c.language(),
                birthday, r.nextBoolean() ? MarketingConsent.granted(T0, "form") : MarketingConsent.unknown(),
                List.of(), c.customFields(), r.nextBoolean() ? Optional.of(UserId.of("u1")) : Optional.empty(), T0,
                T0);
        Optional<CustomerRfm> rfm = r.nextInt(3) == 0 ? Optional.empty() : Optional.of(new CustomerRfm(
                c.id().value().toString(), AS_OF.minusDays(r.nextInt(400)), 0, 1, Money.of("10.00", "EUR"), 1, 1, 1,
                Segment.values()[r.nextInt(Segment.values().length)]));
        rfm = rfm.map(x -> new CustomerRfm(x.customerId(), x.lastPurchase(),
                java.time.temporal.ChronoUnit.DAYS.between(x.lastPurchase(), AS_OF), x.frequency(), x.monetary(),
                x.r(), x.f(), x.m(), x.segment()));
        return ContactFacts.of(contact).withOrders(Optional.of(new ContactFacts.Orders(AS_OF, rfm)));
    }

    private static ContactFilter tree(Random r, int depth) {
        int kind = r.nextInt(depth == 0 ? 8 : 11);
        return switch (kind) {
            case 0 -> GRANTED;
            case 1 -> U1;
            case 2 -> new ContactFilter.NoOwner();
            case 3 -> new ContactFilter.OrderedWithin(r.nextInt(200));
            case 4 -> new ContactFilter.NoOrderFor(r.nextInt(400));
            case 5 -> new ContactFilter.NeverOrdered();
            case 6 -> new ContactFilter.RfmSegmentIn(r.nextBoolean() ? EnumSet.of(Segment.CHAMPIONS, Segment.LOST)
                    : EnumSet.range(Segment.NEW_CUSTOMERS, Segment.HIBERNATING));
            case 7 -> new ContactFilter.BirthdayFrom(AS_OF, r.nextInt(30));
            case 8 -> new ContactFilter.AllOf(List.of(tree(r, depth - 1), tree(r, depth - 1)));
            case 9 -> new ContactFilter.AnyOf(List.of(tree(r, depth - 1), tree(r, depth - 1), tree(r, depth - 1)));
            default -> new ContactFilter.Not(tree(r, depth - 1));
        };
    }
}
