package dev.crmkit.adapters.memory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An insert walks one probe run for its id, not two: {@link RowSlots#add} with the {@link RowSlots#vacancy} its check
 * found takes that free place, and an update hands the slot it found to the index changes. Whatever came between the
 * vacancy and the add (another add, a removal whose backward shift fills that place, a growth of the array), every row
 * stays where a look-up finds it: checked against a {@link HashMap} with ids that share one hash, so every probe run
 * is long and a stale place would overwrite another row.
 */
class RowSlotsProbeTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A row of the table below. */
    record Row(UUID id, long version, Instant created) {
        Row at(long v) {
            return new Row(id, v, created);
        }
    }

    private static RowSlots<UUID> slots() {
        return new RowSlots<>(new RowSlots.Ids<>() {
            @Override
            public UUID id(Object stored) {
                return (UUID) stored;
            }

            @Override
            public boolean hasId(Object stored, UUID id) {
                return stored.equals(id);
            }
        });
    }

    /** Ids whose {@link UUID#hashCode()} are all equal: one probe run. */
    private static List<UUID> sameHash(int n) {
        List<UUID> out = new ArrayList<>();
        for (long x = 0; out.size() < n; x++) {
            out.add(new UUID(0x1234_5678_9ABC_DEF0L ^ x * 0x0000_0001_0000_0001L, x * 0x0000_0001_0000_0001L));
        }
        return out;
    }

    @Test
    void addAtItsVacancy_walksNoSecondProbeRun() {
        RowSlots<UUID> slots = slots();
        UUID id = new UUID(1, 2);
        long before = slots.probes();
        long vacancy = slots.vacancy(id);
        RowSlots.Slot slot = slots.add(id, id, vacancy);

        assertEquals(1, slots.probes() - before, "one probe run: the vacancy's");
        assertSame(slot, slots.get(id));
        assertEquals(RowSlots.NO_VACANCY, slots.vacancy(id), "no vacancy for an id that is here");
        UUID other = new UUID(3, 4);
        long then = slots.probes();
        slots.add(other, other);
        assertEquals(1, slots.probes() - then, "an add without a vacancy walks its own run");
    }

    @Test
    void aCurrentVacancyOfAnotherId_isRefusedUnderAssertions_andChangesNothing() {
        assertTrue(RowSlots.class.desiredAssertionStatus(), "the tests run with -ea");
        RowSlots<UUID> slots = slots();
        UUID id = new UUID(1, 2);
        long vacancy = slots.vacancy(id);
        UUID other = null;
        for (long x = 3; other == null; x++) {
            UUID candidate = new UUID(x, x);
            if ((int) slots.vacancy(candidate) != (int) vacancy) {
                other = candidate;
            }
        }
        UUID stranger = other;
        long before = slots.probes();

        assertThrows(AssertionError.class, () -> slots.add(stranger, stranger, vacancy));
        assertEquals(0, slots.size(), "nothing added");
        assertEquals(before, slots.probes(), "the check counts no probe run");
        RowSlots.Slot slot = slots.add(id, id, vacancy);
        assertSame(slot, slots.get(id), "the vacancy still serves its own id");
    }

    /** A plain codec that counts the look-ups that compared a stored row's id with the id sought. */
    private static final class CountingCodec implements RowCodec<UUID, Row> {
        private final RowCodec<UUID, Row> plain = RowCodec.plain();
        long compared;

        @Override
        public Object pack(Row row, long seq) {
            return plain.pack(row, seq);
        }

        @Override
        public Row unpack(UUID id, Object packed) {
            return plain.unpack(id, packed);
        }

        @Override
        public long seq(Object packed) {
            return plain.seq(packed);
        }

        @Override
        public boolean keepsRows() {
            return true;
        }

        @Override
        public boolean hasId(Object packed, UUID id, java.util.function.Function<Row, UUID> idOf) {
            compared++;
            return plain.hasId(packed, id, idOf);
        }
    }

    @Test
    void aTableInsert_probesOnce_andAnUpdateFindsItsRowOnce() {
        CountingCodec codec = new CountingCodec();
        Table<UUID, Row> table = new Table<>("row", new InMemoryTransactions(), Row::id, Row::version, Row::at,
                Row::created, codec);
        long before = table.probes();
        Row row = table.insert(new Row(new UUID(5, 1), 0, T0));
        assertEquals(1, table.probes() - before, "the insert: its check that the id is new, and nothing more");

        long compared = codec.compared;
        Row updated = table.update(row);
        assertEquals(1, codec.compared - compared,
                "the update: its look-up of the row, handed on to the index changes");
        assertEquals(2, updated.version());
        assertEquals(java.util.Optional.of(updated), table.get(row.id()));
    }

    @Test
    void lookUpsAddsAndRemovalsInAnyInterleaving_answerAsAHashMap() {
        RowSlots<UUID> slots = slots();
        Map<UUID, RowSlots.Slot> expected = new HashMap<>();
        List<UUID> ids = new ArrayList<>(sameHash(40));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        for (int op = 0; op < 20_000; op++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            int what = random.nextInt(4);
            if (what == 0) { // a vacancy, then maybe something else before the add of its id
                long vacancy = slots.vacancy(id);
                if (vacancy != RowSlots.NO_VACANCY) {
                    UUID between = ids.get(random.nextInt(ids.size()));
                    switch (random.nextInt(3)) {
                        case 0 -> assertSame(expected.remove(between), slots.remove(between), "op " + op);
                        case 1 -> {
                            if (!between.equals(id) && !expected.containsKey(between)) {
                                expected.put(between, slots.add(between, between));
                            }
                        }
                        default -> { } // the add right after its look-up
                    }
                    expected.put(id, slots.add(id, id, vacancy));
                }
            } else if (what == 1) {
                assertSame(expected.remove(id), slots.remove(id), "op " + op);
            } else {
                assertSame(expected.get(id), slots.get(id), "op " + op);
            }
            if (op % 97 == 0) {
                for (Map.Entry<UUID, RowSlots.Slot> e : expected.entrySet()) {
                    assertSame(e.getValue(), slots.get(e.getKey()), "op " + op + ": " + e.getKey());
                }
                assertEquals(expected.size(), slots.size(), "op " + op);
            }
        }
    }
}
