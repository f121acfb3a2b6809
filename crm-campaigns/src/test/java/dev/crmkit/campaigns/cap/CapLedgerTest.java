package dev.crmkit.campaigns.cap;

import dev.crmkit.campaigns.message.MessageKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class CapLedgerTest {

    private static final ExecutorService SENDERS = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stop() {
        SENDERS.shutdownNow();
    }

    @Test
    void admit_secondMarketingMessageOnADayWithCapOne_isRefusedNamingTheDay() {
        CapLedger ledger = new CapLedger(new FrequencyCaps(1, 2, 3));
        LocalDate monday = LocalDate.of(2026, 3, 2);

        assertTrue(ledger.admit("c1", monday, MessageKind.MARKETING).admitted());
        assertEquals(new CapCheck.CapReached(CapWindow.DAY, 1), ledger.admit("c1", monday, MessageKind.MARKETING));
        assertTrue(ledger.admit("c1", monday.plusDays(1), MessageKind.MARKETING).admitted());
        assertEquals(new CapCheck.CapReached(CapWindow.WEEK, 2),
                ledger.admit("c1", monday.plusDays(6), MessageKind.MARKETING));
        assertTrue(ledger.admit("c1", monday.plusDays(7), MessageKind.MARKETING).admitted());
        assertInstanceOf(CapCheck.CapReached.class, ledger.admit("c1", monday.plusDays(14), MessageKind.MARKETING));
        assertTrue(ledger.admit("c2", monday, MessageKind.MARKETING).admitted());
    }

    @Test
    void admit_transactional_isExemptAndTakesNoRoom() {
        CapLedger ledger = new CapLedger(new FrequencyCaps(1, 1, 1));
        LocalDate day = LocalDate.of(2026, 3, 2);

        for (int i = 0; i < 5; i++) {
            assertTrue(ledger.admit("c1", day, MessageKind.TRANSACTIONAL).admitted());
        }
        assertTrue(ledger.admit("c1", day, MessageKind.MARKETING).admitted());
        assertTrue(ledger.admit("c1", day, MessageKind.TRANSACTIONAL).admitted());
        assertEquals(List.of(day), ledger.sentTo("c1"));
    }

    @Test
    void capsAreNeverExceededUnderConcurrentSenders() {
        qt().withFixedSeed(1604).withExamples(30)
                .forAll(longs().all(), integers().between(1, 3), integers().between(1, 6), integers().between(1, 12))
                .checkAssert((seed, perDay, perWeek, perMonth) -> {
                    FrequencyCaps caps = new FrequencyCaps(perDay, perWeek, perMonth);
                    CapLedger ledger = new CapLedger(caps);
                    AtomicInteger marketingAdmitted = new AtomicInteger();
                    List<Attempt> refused = java.util.Collections.synchronizedList(new ArrayList<>());
                    List<Callable<Void>> senders = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        Random random = new Random(seed + t);
                        senders.add(() -> {
                            for (int i = 0; i < 300; i++) {
                                Attempt a = new Attempt("c" + random.nextInt(3),
                                        LocalDate.of(2026, 1, 1).plusDays(random.nextInt(75)),
                                        random.nextInt(5) == 0 ? MessageKind.TRANSACTIONAL : MessageKind.MARKETING);
                                CapCheck check = ledger.admit(a.contact(), a.day(), a.kind());
                                if (!check.admitted()) {
                                    refused.add(a);
                                } else if (a.kind() == MessageKind.MARKETING) {
                                    marketingAdmitted.incrementAndGet();
                                }
                            }
                            return null;
                        });
                    }
                    runAll(senders);
                    int recorded = 0;
                    for (int c = 0; c < 3; c++) {
                        List<LocalDate> days = ledger.sentTo("c" + c);
                        recorded += days.size();
                        assertWithinCaps(days, caps);
                    }
                    assertEquals(marketingAdmitted.get(), recorded);
                    for (Attempt a : refused) {
                        assertEquals(MessageKind.MARKETING, a.kind(), "only marketing is ever refused");
                        // the refusal was needed: a window of that day is full at the end
                        assertTrue(!caps.check(ledger.sentTo(a.contact()), a.day(), a.kind()).admitted(),
                                "refused without a full window: " + a);
                    }
                });
    }

    private static void runAll(List<Callable<Void>> senders) {
        try {
            for (Future<Void> f : SENDERS.invokeAll(senders)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void assertWithinCaps(List<LocalDate> days, FrequencyCaps caps) {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        Map<LocalDate, Integer> perWeek = new HashMap<>();
        Map<YearMonth, Integer> perMonth = new HashMap<>();
        for (LocalDate d : days) {
            perDay.merge(d, 1, Integer::sum);
            perWeek.merge(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1, Integer::sum);
            perMonth.merge(YearMonth.from(d), 1, Integer::sum);
        }
        perDay.values().forEach(n -> assertTrue(n <= caps.perDay(), "day " + n + " > " + caps));
        perWeek.values().forEach(n -> assertTrue(n <= caps.perWeek(), "week " + n + " > " + caps));
        perMonth.values().forEach(n -> assertTrue(n <= caps.perMonth(), "month " + n + " > " + caps));
    }

    private record Attempt(String contact, LocalDate day, MessageKind kind) {
    }
}
