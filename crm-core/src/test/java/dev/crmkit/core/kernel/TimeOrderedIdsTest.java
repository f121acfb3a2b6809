package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class TimeOrderedIdsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00.123Z");
    private static final Clock FIXED = Clock.fixed(T0, ZoneOffset.UTC);

    private static List<UUID> take(IdGenerator ids, int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ids.next());
        }
        return out;
    }

    /** Strictly ascending by UUID.compareTo, by unsigned 128-bit value and by text, as every store compares. */
    private static void assertAscending(List<UUID> ids) {
        for (int i = 1; i < ids.size(); i++) {
            UUID a = ids.get(i - 1);
            UUID b = ids.get(i);
            String where = "at " + i + ": " + a + " then " + b;
            assertTrue(a.compareTo(b) < 0, where);
            int hi = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            assertTrue(hi < 0 || hi == 0
                    && Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()) < 0, where);
            assertTrue(a.toString().compareTo(b.toString()) < 0, where);
        }
    }

    private static long millisOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    @Test
    void timeOrdered_givesVersion7IetfUuidsCarryingTheClocksMillis() {
        for (UUID id : take(IdGenerator.timeOrdered(FIXED, 1), 1000)) {
            assertEquals(7, id.version(), id::toString);
            assertEquals(2, id.variant(), id::toString);
            assertEquals(T0.toEpochMilli(), millisOf(id), id::toString);
            assertEquals(id, UUID.fromString(id.toString()));
        }
    }

    @Test
    void timeOrdered_underAFixedClock_sortsInCreationOrder() {
        assertAscending(take(IdGenerator.timeOrdered(FIXED, 3), 100_000));
        assertAscending(take(IdGenerator.timeOrdered(FIXED), 10_000));
    }

    @Test
    void timeOrdered_whenTheClockMovesOn_startsAtTheNewMillisecond() {
        MovingClock clock = new MovingClock(T0);
        IdGenerator ids = IdGenerator.timeOrdered(clock, 5);
        UUID first = ids.next();
        clock.now = T0.plusMillis(250);
        UUID second = ids.next();

        assertEquals(T0.toEpochMilli() + 250, millisOf(second));
        assertAscending(List.of(first, second));
    }

    @Test
    void timeOrdered_whenTheClockGoesBack_staysAscending() {
        qt().withFixedSeed(20L).withExamples(200)
                .forAll(lists().of(integers().between(-5, 5)).ofSizeBetween(1, 200))
                .checkAssert(steps -> {
                    MovingClock clock = new MovingClock(T0);
                    IdGenerator ids = IdGenerator.timeOrdered(clock, 9);
                    List<UUID> made = new ArrayList<>();
                    for (int step : steps) {
                        clock.now = clock.now.plusMillis(step);
                        made.add(ids.next());
                    }
                    assertAscending(made);
                });
    }

    @Test
    void timeOrdered_whenTheCounterRunsOut_movesOneMillisecondAhead() {
        RandomGenerator almostFull = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return (1L << 42) - 2; // beyond the real start bound, to reach the counter's end in two steps
            }
        };
        IdGenerator ids = new TimeOrderedIds(FIXED, almostFull);

        List<UUID> made = take(ids, 3);

        assertAscending(made);
        assertEquals(T0.toEpochMilli(), millisOf(made.get(1)));
        assertEquals(T0.toEpochMilli() + 1, millisOf(made.get(2)));
    }

    @Test
    void timeOrdered_fromSeveralThreads_eachThreadSeesAscendingDistinctIds() {
        IdGenerator ids = IdGenerator.timeOrdered(FIXED, 11);
        Set<UUID> seen = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 4).parallel().forEach(t -> {
            List<UUID> mine = take(ids, 20_000);
            assertAscending(mine);
            seen.addAll(mine);
        });

        assertEquals(80_000, seen.size());
    }

    @Test
    void timeOrdered_sameSeedAndClockGiveTheSameIds_otherSeedsOthers() {
        assertEquals(take(IdGenerator.timeOrdered(FIXED, 42), 100), take(IdGenerator.timeOrdered(FIXED, 42), 100));
        assertNotEquals(take(IdGenerator.timeOrdered(FIXED, 42), 10), take(IdGenerator.timeOrdered(FIXED, 43), 10));
        assertEquals(100, new HashSet<>(take(IdGenerator.timeOrdered(FIXED), 100)).size());
    }

    @Test
    void timeOrdered_refusesAClockBefore1970() {
        IdGenerator ids = IdGenerator.timeOrdered(Clock.fixed(Instant.parse("1969-12-31T23:59:59Z"), ZoneOffset.UTC));

        IllegalStateException e = assertThrows(IllegalStateException.class, ids::next);
        assertTrue(e.getMessage().contains("1969-12-31T23:59:59Z"), e.getMessage());
    }

    /** A clock the test sets. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
