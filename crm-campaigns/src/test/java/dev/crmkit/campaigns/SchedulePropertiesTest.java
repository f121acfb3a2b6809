package dev.crmkit.campaigns;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The schedule's properties the issue asks for, over seeded random contacts, zones and order histories. */
class SchedulePropertiesTest {

    private static final StandardCampaigns CAMPAIGNS = StandardCampaigns.standard();
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<String> ZONES = List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu",
            "America/St_Johns", "Australia/Lord_Howe", "Europe/Berlin", "America/Los_Angeles", "UTC",
            "Asia/Kolkata", "Pacific/Chatham");
    private static final MarketingConsent GRANTED = MarketingConsent.granted(Instant.EPOCH, "test");

    @Test
    void yearlyTrigger_firesExactlyOnceAYearOnTheSendDayOfTheContactsZone() {
        // a scheduler that runs every hour (UTC) for four years and keeps the first time it saw each message key
        qt().withFixedSeed(1601).withExamples(12)
                .forAll(integers().between(0, ZONES.size() - 1), longs().between(
                        LocalDate.of(1950, 1, 1).toEpochDay(), LocalDate.of(2010, 12, 31).toEpochDay()),
                        integers().between(2024, 2030))
                .checkAssert((zoneIndex, birthEpochDay, startYear) -> {
                    ZoneId zone = ZoneId.of(ZONES.get(zoneIndex));
                    LocalDate birthday = LocalDate.ofEpochDay(birthEpochDay);
                    if (zoneIndex % 3 == 0) {
                        birthday = LocalDate.of(2000, 2, 29);
                    }
                    Recipient r = Recipient.of("c1", zone, GRANTED).withBirthday(birthday);
                    Map<String, Instant> firstSeen = new HashMap<>();
                    Map<String, DueMessage> byKey = new HashMap<>();
                    Instant start = LocalDate.of(startYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    Instant end = LocalDate.of(startYear + 4, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    for (Instant now = start; now.isBefore(end); now = now.plus(1, ChronoUnit.HOURS)) {
                        for (DueMessage m : CAMPAIGNS.dueOn(r, Optional.empty(), now.atZone(zone).toLocalDate())) {
                            firstSeen.putIfAbsent(m.key(), now);
                            byKey.putIfAbsent(m.key(), m);
                        }
                    }
                    TreeMap<Integer, Integer> perSendYear = new TreeMap<>();
                    for (Map.Entry<String, DueMessage> e : byKey.entrySet()) {
                        DueMessage m = e.getValue();
                        LocalDate localDay = firstSeen.get(e.getKey()).atZone(zone).toLocalDate();
                        assertEquals(m.sendOn(), localDay, "first seen on the contact's send day: " + m);
                        int year = Integer.parseInt(m.occurrence());
                        LocalDate celebrated = dev.crmkit.campaigns.trigger.YearlyTrigger.celebratedIn(birthday, year);
                        assertEquals(celebrated.minusDays(7), m.sendOn(), m.toString());
                        assertEquals(celebrated, m.validUntil(), m.toString());
                        perSendYear.merge(m.sendOn().getYear(), 1, Integer::sum);
                    }
                    // every full local year in the window has exactly one birthday message
                    for (int year = startYear + 1; year <= startYear + 2; year++) {
                        assertEquals(1, perSendYear.getOrDefault(year, 0), "messages sent in " + year + " for "
                                + birthday + " in " + zone);
                    }
                    // and no celebration year has two
                    assertEquals(byKey.size(), byKey.values().stream().map(DueMessage::occurrence).distinct().count());
                });
    }

    @Test
    void winBack_neverAStepAfterANewerOrder_andEveryStepOfTheLatestPurchase() {
        qt().withFixedSeed(1602).withExamples(40)
                .forAll(longs().all(), integers().between(1, 6))
                .checkAssert((seed, orderCount) -> {
                    Random random = new Random(seed);
                    List<Order> orders = new ArrayList<>();
                    LocalDate first = LocalDate.of(2018, 1, 1);
                    for (int i = 0; i < orderCount; i++) {
                        LocalDate day = first.plusDays(random.nextInt(6 * 365));
                        orders.add(new Order("c1", day, Money.of(BigDecimal.TEN, EUR)));
                    }
                    orders.add(new Order("other", first, Money.of(BigDecimal.ONE, EUR)));
                    OrderBook book = OrderBook.of(orders);
                    Recipient r = Recipient.of("c1", ZoneOffset.UTC, GRANTED);
                    LocalDate latest = first;
                    List<DueMessage> afterLatest = new ArrayList<>();
                    for (Order o : orders) {
                        latest = o.customerId().equals("c1") && o.date().isAfter(latest) ? o.date() : latest;
                    }
                    for (LocalDate day = first; day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusDays(1)) {
                        for (DueMessage m : CAMPAIGNS.dueOn(List.of(r), book, day)) {
                            LocalDate base = LocalDate.parse(m.occurrence());
                            LocalDate sendOn = m.sendOn();
                            for (Order o : orders) {
                                if (o.customerId().equals("c1")) {
                                    assertFalse(o.date().isAfter(base) && !o.date().isAfter(sendOn),
                                            "step " + m + " after the newer order " + o);
                                }
                            }
                            assertEquals(base.plus(Period.ofMonths(9 + 3 * (m.step() - 1))), sendOn, m.toString());
                            assertTrue(sendOn.isBefore(base.plusYears(3)), "no step once lost: " + m);
                            if (base.equals(latest)) {
                                afterLatest.add(m);
                            }
                        }
                    }
                    assertEquals(9, afterLatest.size(), "months 9, 12, ..., 33 after the latest purchase " + latest);
                });
    }

    @Test
    void noMarketingMessageWithoutGrantedConsent() {
        qt().withFixedSeed(1603).withExamples(60)
                .forAll(longs().all())
                .checkAssert(seed -> {
                    Random random = new Random(seed);
                    List<Recipient> recipients = new ArrayList<>();
                    List<Order> orders = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        MarketingConsent consent = switch (random.nextInt(3)) {
                            case 0 -> MarketingConsent.unknown();
                            case 1 -> MarketingConsent.withdrawn(Instant.EPOCH, "test");
                            default -> GRANTED;
                        };
                        LocalDate birthday = LocalDate.of(1980, 1, 1).plusDays(random.nextInt(20 * 365));
                        recipients.add(Recipient.of("c" + i, ZoneOffset.UTC, consent).withBirthday(birthday));
                        orders.add(new Order("c" + i, LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)),
                                Money.of(BigDecimal.TEN, EUR)));
                    }
                    OrderBook book = OrderBook.of(orders);
                    Map<String, Recipient> byId = new HashMap<>();
                    recipients.forEach(r -> byId.put(r.id(), r));
                    int sentToGranted = 0;
                    for (LocalDate day = LocalDate.of(2025, 6, 1); day.isBefore(LocalDate.of(2027, 1, 1));
                            day = day.plusDays(1)) {
                        for (DueMessage m : CAMPAIGNS.dueOn(recipients, book, day)) {
                            assertEquals(MarketingConsent.Status.GRANTED, byId.get(m.contactId()).consent().status(),
                                    m.toString());
                            sentToGranted++;
                        }
                    }
                    long granted = recipients.stream()
                            .filter(r -> r.consent().status() == MarketingConsent.Status.GRANTED).count();
                    // each granted contact has at least its 2026 birthday offer in the window
                    assertTrue(sentToGranted >= granted, sentToGranted + " messages for " + granted + " contacts");
                });
    }

    @Test
    void dueAt_eastOfUtc_firesOnTheContactsDayNotTheServersDay() {
        // mautic#9040: a birthday sent a day early because of time zones
        Recipient auckland = Recipient.of("nz", ZoneId.of("Pacific/Auckland"), GRANTED)
                .withBirthday(LocalDate.of(1990, 6, 20));
        OrderBook none = OrderBook.of(List.of(new Order("x", LocalDate.of(2020, 1, 1),
                Money.of(BigDecimal.ONE, EUR))));

        // 2026-06-12T13:00Z is already 13 June 01:00 in Auckland, the send day
        assertEquals(1, CAMPAIGNS.dueAt(List.of(auckland), none, Instant.parse("2026-06-12T13:00:00Z")).size());
        assertEquals(0, CAMPAIGNS.dueAt(List.of(auckland), none, Instant.parse("2026-06-12T11:00:00Z")).size());
    }
}
