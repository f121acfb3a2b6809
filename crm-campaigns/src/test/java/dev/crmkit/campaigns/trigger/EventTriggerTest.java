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
                LocalDate.of(2026, 3, 3), MessageKind.TRANSACTIONAL)), EventTrigger.orderConfirmation()
                .dueOn(List.of(order), BERLIN, LocalDate.of(2026, 3, 3)));
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
}
