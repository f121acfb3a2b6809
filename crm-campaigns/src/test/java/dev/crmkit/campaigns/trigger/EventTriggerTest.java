package dev.crmkit.campaigns.trigger;

import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTriggerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void orderConfirmation_isTransactionalOnTheOrderDayOfTheContactsCalendar() {
        // 23:30 UTC on 2 March is already 3 March in Berlin
        HostEvent order = new HostEvent("c1", "order-placed", Instant.parse("2026-03-02T23:30:00Z"), "o-17");

        assertEquals(List.of(), EventTrigger.orderConfirmation().dueOn(List.of(order), BERLIN,
                LocalDate.of(2026, 3, 2)));
        assertEquals(List.of(new DueMessage("c1", "order-confirmation", 1, "o-17", LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 5), MessageKind.TRANSACTIONAL)), EventTrigger.orderConfirmation()
                .dueOn(List.of(order), BERLIN, LocalDate.of(2026, 3, 3)));
    }

    @Test
    void anOrderPlacedAfterTheDaysRun_isStillConfirmedByTheNextRun_andTheOneAfterAMissedRun() {
        // the 12:00 UTC run of 2 March has passed; the order comes at 15:00
        HostEvent order = new HostEvent("c1", "order-placed", Instant.parse("2026-03-02T15:00:00Z"), "o-18");
        LocalDate from = LocalDate.of(2026, 2, 20);

        for (LocalDate run : List.of(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4))) {
            List<DueMessage> due = EventTrigger.orderConfirmation().dueBetween(List.of(order), ZoneOffset.UTC, from,
                    run);
            assertEquals(1, due.size(), "run of " + run);
            assertTrue(due.get(0).sendableOn(run));
        }
        assertEquals(List.of(), EventTrigger.orderConfirmation().dueBetween(List.of(order), ZoneOffset.UTC, from,
                LocalDate.of(2026, 3, 5)), "two missed runs: too late to confirm");
    }

    @Test
    void paymentReminder_threeDaysAfterDue_cancelledByThatInvoicesPayment() {
        HostEvent due = new HostEvent("c1", "payment-due", Instant.parse("2026-03-01T09:00:00Z"), "inv-9");
        HostEvent otherPaid = new HostEvent("c1", "payment-received", Instant.parse("2026-03-02T09:00:00Z"), "inv-8");
        HostEvent paid = new HostEvent("c1", "payment-received", Instant.parse("2026-03-03T09:00:00Z"), "inv-9");
        LocalDate day = LocalDate.of(2026, 3, 4);

        assertEquals(1, EventTrigger.paymentReminder().dueOn(List.of(due, otherPaid), ZoneOffset.UTC, day).size());
        assertEquals(List.of(), EventTrigger.paymentReminder().dueOn(List.of(due, otherPaid, paid), ZoneOffset.UTC,
                day));
    }

    @Test
    void abandonedCart_theDayAfter_unlessOrdered() {
        HostEvent cart = new HostEvent("c1", "cart-abandoned", Instant.parse("2026-03-01T18:00:00Z"), "cart-3");
        HostEvent ordered = new HostEvent("c1", "order-placed", Instant.parse("2026-03-01T20:00:00Z"), "cart-3");
        HostEvent orderedLater = new HostEvent("c1", "order-placed", Instant.parse("2026-03-05T20:00:00Z"),
                "cart-3");
        LocalDate day = LocalDate.of(2026, 3, 2);

        List<DueMessage> due = EventTrigger.abandonedCart().dueOn(List.of(cart, orderedLater), ZoneOffset.UTC, day);
        assertEquals(1, due.size());
        assertEquals(MessageKind.MARKETING, due.get(0).kind());
        assertEquals(LocalDate.of(2026, 3, 5), due.get(0).validUntil());
        assertTrue(EventTrigger.abandonedCart().dueOn(List.of(cart, ordered), ZoneOffset.UTC, day).isEmpty());
    }

    @Test
    void inactivity_firesOnceExactlyNDaysAfterTheLastInteraction() {
        InactivityTrigger trigger = new InactivityTrigger(30, 7);
        Optional<Instant> last = Optional.of(Instant.parse("2026-03-01T10:00:00Z"));
        int fired = 0;
        for (LocalDate d = LocalDate.of(2026, 3, 1); d.isBefore(LocalDate.of(2026, 6, 1)); d = d.plusDays(1)) {
            Optional<DueMessage> m = trigger.dueOn("c1", last, ZoneOffset.UTC, d);
            if (m.isPresent()) {
                fired++;
                assertEquals(LocalDate.of(2026, 3, 31), m.get().sendOn());
                assertEquals("2026-03-01", m.get().occurrence());
            }
        }
        assertEquals(1, fired);
        assertTrue(trigger.dueOn("c1", Optional.empty(), ZoneOffset.UTC, LocalDate.of(2026, 3, 31)).isEmpty());
    }

    @Test
    void dueBetween_catchesUpMissedDays_butNotWhatExpiredOrWasCancelledSince() {
        HostEvent due = new HostEvent("c1", "payment-due", Instant.parse("2026-03-01T09:00:00Z"), "inv-9");
        HostEvent due2 = new HostEvent("c1", "payment-due", Instant.parse("2026-03-01T10:00:00Z"), "inv-10");
        HostEvent paid = new HostEvent("c1", "payment-received", Instant.parse("2026-03-06T09:00:00Z"), "inv-9");
        HostEvent order = new HostEvent("c2", "order-placed", Instant.parse("2026-03-03T09:00:00Z"), "o-1");
        List<HostEvent> events = List.of(due, due2, paid, order);
        LocalDate from = LocalDate.of(2026, 3, 1);

        // the reminders fell due on 4 March; a run on the 5th that missed the 4th still sends both
        assertEquals(List.of("inv-9", "inv-10"), EventTrigger.paymentReminder().dueBetween(events, ZoneOffset.UTC,
                from, LocalDate.of(2026, 3, 5)).stream().map(DueMessage::occurrence).toList());
        // by the 6th, inv-9 was paid: a run that missed the 4th and 5th sends only inv-10's reminder
        assertEquals(List.of(new DueMessage("c1", "payment-reminder", 1, "inv-10", LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 3, 11), MessageKind.TRANSACTIONAL)), EventTrigger.paymentReminder()
                .dueBetween(events, ZoneOffset.UTC, from, LocalDate.of(2026, 3, 6)));
        // the order confirmation is valid on its day and 2 more: a run on the 6th does not send it any more
        assertEquals(1, EventTrigger.orderConfirmation().dueBetween(events, ZoneOffset.UTC, from,
                LocalDate.of(2026, 3, 5)).size());
        assertEquals(List.of(), EventTrigger.orderConfirmation().dueBetween(events, ZoneOffset.UTC, from,
                LocalDate.of(2026, 3, 6)));
        assertThrows(IllegalArgumentException.class, () -> EventTrigger.orderConfirmation().dueBetween(events,
                ZoneOffset.UTC, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 4)));
    }
}
