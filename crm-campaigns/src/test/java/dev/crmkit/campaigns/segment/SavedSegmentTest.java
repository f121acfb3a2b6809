package dev.crmkit.campaigns.segment;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SuppressWarnings("deprecation") // the deprecated CSV segments keep working for hosts
class SavedSegmentTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    private static final Currency EUR = Currency.getInstance("EUR");

    private final List<Recipient> contacts = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();

    SavedSegmentTest() {
        for (int i = 0; i < 50; i++) {
            MarketingConsent consent = i % 2 == 0 ? MarketingConsent.granted(Instant.EPOCH, "form")
                    : MarketingConsent.unknown();
            contacts.add(new Recipient(String.format("c%02d", i), "", "", "", "", Optional.of(
                    LocalDate.of(1980, 3, 1).plusDays(i)), ZoneOffset.UTC, consent, i % 5 == 0 ? "de-AT" : "en"));
            if (i % 3 != 0) {
                orders.add(new Order(String.format("c%02d", i), AS_OF.minusDays(10L * i),
                        Money.of(BigDecimal.TEN, EUR)));
            }
        }
        orders.add(new Order("c03", AS_OF.plusDays(5), Money.of(BigDecimal.TEN, EUR)));
    }

    @Test
    void count_dateRelativeOrderFilters_countFromTheAsOfDay() {
        OrderBook book = OrderBook.of(orders);
        SavedSegment lapsed = new SavedSegment("lapsed", new SegmentFilter.AllOf(List.of(
                new SegmentFilter.ConsentGranted(), new SegmentFilter.NoOrderFor(200))));

        // ordered contacts i % 3 != 0 with 10 i >= 200 and consent (even): i in 20..49, even, not a multiple of 3
        long expected = java.util.stream.IntStream.range(20, 50).filter(i -> i % 2 == 0 && i % 3 != 0).count();
        assertEquals(expected, lapsed.count(contacts, book, AS_OF));
        assertEquals(17, new SavedSegment("never", new SegmentFilter.NeverOrdered()).count(contacts, book, AS_OF),
                "c00, c03, ... c48: the later order of c03 does not count");
        assertEquals(1, new SavedSegment("recent", new SegmentFilter.OrderedWithin(10)).count(contacts, book,
                AS_OF));
    }

    @Test
    void count_birthdayAndLanguage_andNot() {
        OrderBook book = OrderBook.of(orders);

        assertEquals(8, new SavedSegment("bday", new SegmentFilter.BirthdayWithin(7)).count(contacts, book, AS_OF));
        assertEquals(10, new SavedSegment("de", new SegmentFilter.LanguageIs("de")).count(contacts, book, AS_OF));
        assertEquals(40, new SavedSegment("not de", new SegmentFilter.Not(new SegmentFilter.LanguageIs("de")))
                .count(contacts, book, AS_OF));
    }

    @Test
    void page_walksEveryMemberOnceInIdOrder() {
        OrderBook book = OrderBook.of(orders);
        SavedSegment granted = new SavedSegment("granted", new SegmentFilter.ConsentGranted());
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(7);
        int pages = 0;
        while (true) {
            Page<Recipient> page = granted.page(contacts, book, AS_OF, request);
            page.items().forEach(r -> seen.add(r.id()));
            pages++;
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page).orElseThrow();
        }

        assertEquals(25, seen.size());
        assertEquals(4, pages);
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        assertEquals(sorted, seen);
        assertTrue(seen.stream().allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == 0));
    }

    @Test
    void rfmSegmentIn_noOrders_matchesNothing() {
        OrderBook book = OrderBook.of(orders);
        SavedSegment all = new SavedSegment("any rfm", new SegmentFilter.RfmSegmentIn(
                java.util.EnumSet.allOf(dev.crmkit.metrics.rfm.Segment.class)));

        assertEquals(33, all.count(contacts, book, AS_OF));
        assertFalse(all.filter().matches(new SegmentRow(contacts.get(0), Optional.empty(), AS_OF)));
    }
}
