package dev.crmkit.campaigns.trigger;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link CampaignEvents} store passes (in memory, and JDBC on H2, PostgreSQL and MariaDB).
 * Subclasses give a fresh, empty store per test.
 */
public abstract class CampaignEventsContract {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00.123456789Z");

    /** A fresh, empty store. */
    protected abstract CampaignEvents store();

    /** Another node over the same stored events as {@code first}; in memory, the same store. */
    protected CampaignEvents secondNode(CampaignEvents first) {
        return first;
    }

    @Test
    void record_keepsEachKeyOnce_toTheMicrosecond_andListsEarliestFirst() {
        CampaignEvents events = store();
        HostEvent order = new HostEvent("c1", CampaignEvents.ORDER_PLACED, T0, "o-1");
        HostEvent cart = new HostEvent("c1", CampaignEvents.CART_ABANDONED, T0.minusSeconds(3600), "cart-7");
        HostEvent other = new HostEvent("c2", CampaignEvents.PAYMENT_DUE, T0.plusSeconds(60), "inv-3");

        assertTrue(events.record("shop/order/o-1", order));
        assertTrue(events.record("shop/cart/7", cart));
        assertTrue(events.record("erp/inv-3", other));
        assertFalse(events.record("shop/order/o-1", order), "a repeated report");
        assertFalse(events.record("shop/order/o-1", new HostEvent("c9", "order-placed", T0, "o-2")),
                "the first event under a key stays");

        HostEvent stored = micros(order);
        assertEquals(List.of(micros(cart), stored), events.of("c1"));
        assertEquals(List.of(), events.of("c9"));
        assertEquals(List.of(micros(cart), stored, micros(other)), events.between(T0.minusSeconds(7200),
                T0.plusSeconds(3600)));
        assertEquals(List.of(stored), events.between(stored.at(), micros(other).at()),
                "from included, until excluded");
    }

    private static HostEvent micros(HostEvent e) {
        return new HostEvent(e.contactId(), e.type(), e.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                e.reference());
    }

    @Test
    void record_badInput_isRefusedNamingTheField_andNothingIsStored() {
        CampaignEvents events = store();

        ValidationException type = assertThrows(ValidationException.class,
                () -> events.record("k1", new HostEvent("c1", "Order Placed", T0, "o-1")));
        ValidationException key = assertThrows(ValidationException.class,
                () -> events.record(" ", new HostEvent("c1", "order-placed", T0, "o-1")));
        assertThrows(ValidationException.class,
                () -> events.record("k2", new HostEvent("c1", "order-placed", T0, "r".repeat(201))));

        ValidationException noReference = assertThrows(ValidationException.class,
                () -> events.record("k3", new HostEvent("c1", CampaignEvents.ORDER_PLACED, T0, " ")));
        assertEquals(List.of("reference/required"), noReference.violations().stream()
                .map(v -> v.field() + "/" + v.rule()).toList());

        assertTrue(type.getMessage().contains("type"), type.getMessage());
        assertTrue(key.getMessage().contains("idempotencyKey"), key.getMessage());
        assertEquals(List.of(), events.of("c1"));
    }

    @Test
    void record_aReferenceLongerThanAMessagesOccurrence_isRefusedNamingIt_andNothingIsStored() {
        CampaignEvents events = store();

        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> events.record("k1", new HostEvent("c1", "order-placed", T0, "o".repeat(101))));

        assertEquals(List.of(new dev.crmkit.core.kernel.Violation("reference", "length",
                "must be at most 100 characters (it becomes the message's occurrence), was 101")),
                tooLong.violations());
        assertEquals(List.of(), events.of("c1"));
        assertEquals(List.of(), events.between(T0.minusSeconds(60), T0.plusSeconds(60)));
        // the longest allowed reference is stored, and its message fits the ledger
        HostEvent longest = new HostEvent("c1", "order-placed", T0, "o".repeat(100));
        assertTrue(events.record("k2", longest));
        assertEquals(List.of(micros(longest)), events.of("c1"));
    }

    @Test
    void record_twoNodesReportingTheSameEvents_storeEachOnce() throws Exception {
        CampaignEvents a = store();
        CampaignEvents b = secondNode(a);
        List<CompletableFuture<Integer>> nodes = new ArrayList<>();
        for (CampaignEvents node : List.of(a, b, a, b)) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                int recorded = 0;
                for (int i = 0; i < 25; i++) {
                    recorded += node.record("hook/" + i, new HostEvent("c" + i, "lead-captured",
                            T0.plusSeconds(i), "web")) ? 1 : 0;
                }
                return recorded;
            }));
        }
        int total = 0;
        for (CompletableFuture<Integer> f : nodes) {
            total += f.get();
        }

        assertEquals(25, total);
        assertEquals(25, b.between(T0.minusSeconds(1), T0.plusSeconds(3600)).size());
    }
}
