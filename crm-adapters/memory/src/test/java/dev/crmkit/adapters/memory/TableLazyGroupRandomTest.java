package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lazy group ({@code Table.lazyGroup}) answers every read as the same group declared plainly, whatever the writes
 * before and after its build: seeded random inserts, updates (of the keys, the order, the basis, the creation time or
 * nothing), deletes, removes and reinstates, exact puts with old times, ids marked taken out and then reinstated, and
 * units of work that roll back, all driven in step through a table of lazy groups and a table of the same groups
 * declared plainly. Each lazy group is first read, and so built, at a random step (sometimes inside a unit that then
 * rolls back); from then on every read of it (members, order, pages and their cursors, the shape of its index) is
 * compared with the plain group's after every step, so the writes that keep a built group current are checked, not
 * only the build (review-b M1). Once for plain rows and once for a packed codec, whose group ordered by another time
 * keeps a position beside each entry.
 */
class TableLazyGroupRandomTest {

    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
    private static final int STEPS = 250;
    private static final int SEEDS = 12;
    private static final String[] TAGS = {"a", "b", "c"};
    private static final String[] NAMES = {"", "ann", "anna", "bob", "bea"};
    /** Keyed by the tags, ordered by creation: positions read from the slots. */
    private static final String BY_TAG = "byTag";
    /** Keyed by the tags, ordered by the due time: positions kept beside the entries for packed rows. */
    private static final String BY_DUE = "byDue";
    /** Keyed by the name's first letter and the name, computed from the name alone (a basis), by creation. */
    private static final String BY_NAME = "byName";
    private static final List<String> GROUPS = List.of(BY_TAG, BY_DUE, BY_NAME);
    private static final Map<String, List<String>> KEYS = Map.of(BY_TAG, List.of(TAGS), BY_DUE, List.of(TAGS),
            BY_NAME, List.of("a", "b", "ann", "anna", "bob", "bea"));
    /** The creation order, one object for the table and the groups ordered by it. */
    private static final Function<Row, Instant> CREATED = Row::at;

    private record Row(UUID id, long version, List<String> tags, Instant at, Instant due, String name) {
        Row atVersion(long v) {
            return new Row(id, v, tags, at, due, name);
        }
    }

    /** The stored form of the packed codec: the row in a box of its own, so the table treats the rows as packed. */
    private record Box(Row row, long seq) {
    }

    private static final class Boxed implements RowCodec<UUID, Row> {
        @Override
        public Object pack(Row row, long seq) {
            return new Box(row, seq);
        }

        @Override
        public Row unpack(UUID id, Object packed) {
            return ((Box) packed).row();
        }

        @Override
        public long seq(Object packed) {
            return ((Box) packed).seq();
        }
    }

    /** Thrown to roll a unit of work back. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("rolled back", null, false, false);
        }
    }

    private static Table<UUID, Row> table(InMemoryTransactions tx, boolean lazy, boolean packed) {
        Table<UUID, Row> table = packed
                ? new Table<>("row", tx, Row::id, Row::version, Row::atVersion, CREATED, new Boxed())
                : new Table<>("row", tx, Row::id, Row::version, Row::atVersion, CREATED);
        Function<Row, Collection<?>> tags = Row::tags;
        Function<String, Collection<?>> nameKeys = n -> n.isEmpty() ? List.of() : List.of(n.substring(0, 1), n);
        if (lazy) {
            return table.lazyGroup(BY_TAG, tags, CREATED).lazyGroup(BY_DUE, tags, Row::due)
                    .lazyGroup(BY_NAME, Row::name, nameKeys, CREATED);
        }
        return table.group(BY_TAG, tags, CREATED).group(BY_DUE, tags, Row::due)
                .group(BY_NAME, Row::name, nameKeys, CREATED);
    }

    @Test
    void lazyGroups_builtAtARandomStep_answerEveryReadAsPlainGroups_plainRows() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            new Run(seed, false).run();
        }
    }

    @Test
    void lazyGroups_builtAtARandomStep_answerEveryReadAsPlainGroups_packedRows() {
        for (long seed = 101; seed <= 100 + SEEDS; seed++) {
            new Run(seed, true).run();
        }
    }

    /** One seeded sequence of writes through both tables. */
    private static final class Run {
        private final long seed;
        private final Random random;
        private final InMemoryTransactions plainTx = new InMemoryTransactions();
        private final InMemoryTransactions lazyTx = new InMemoryTransactions();
        private final Table<UUID, Row> plain;
        private final Table<UUID, Row> lazy;
        /** Per group the step at which it is first read. */
        private final Map<String, Integer> buildAt = new LinkedHashMap<>();
        /** The ids stored now. */
        private List<UUID> present = new ArrayList<>();
        /** The rows taken out ({@code remove}, {@code takenOut}) that can be reinstated, as they will come back. */
        private Map<UUID, Row> removed = new LinkedHashMap<>();
        private int lastId;
        private int step;

        Run(long seed, boolean packed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.plain = table(plainTx, false, packed);
            this.lazy = table(lazyTx, true, packed);
            for (String g : GROUPS) {
                buildAt.put(g, random.nextInt(STEPS));
            }
        }

        void run() {
            for (step = 0; step < STEPS; step++) {
                if (random.nextInt(8) == 0) {
                    rolledBackUnit();
                } else {
                    write();
                    buildDue();
                }
                compare("after step");
            }
            for (String g : GROUPS) {
                assertFalse(lazy.unbuilt().contains(g), "seed " + seed + ": " + g + " was read");
            }
        }

        /** A unit of work in both tables at once: a few writes, the due builds, each step compared, then undone. */
        private void rolledBackUnit() {
            List<UUID> presentBefore = new ArrayList<>(present);
            Map<UUID, Row> removedBefore = new LinkedHashMap<>(removed);
            int writes = 1 + random.nextInt(4);
            assertThrows(RolledBack.class, () -> plainTx.inTransaction(() -> lazyTx.inTransaction(() -> {
                for (int i = 0; i < writes; i++) {
                    write();
                    if (i == 0) {
                        buildDue();
                    }
                    compare("inside a unit of work, write " + i);
                }
                throw new RolledBack();
            })));
            present = presentBefore;
            removed = removedBefore;
        }

        /** The first read of each group whose build step this is: every read of it, compared. */
        private void buildDue() {
            for (String g : GROUPS) {
                if (buildAt.get(g) == step) {
                    assertTrue(lazy.unbuilt().contains(g), "seed " + seed + ": " + g + " not read before step " + step);
                    assertEquals(reads(plain, g), reads(lazy, g), message("the first read of " + g));
                }
            }
        }

        private void compare(String when) {
            assertEquals(plain.scan(r -> true), lazy.scan(r -> true), message("the rows " + when));
            for (String g : GROUPS) {
                if (step < buildAt.get(g)) {
                    assertTrue(lazy.unbuilt().contains(g), message(g + " is not read yet " + when));
                } else {
                    assertEquals(reads(plain, g), reads(lazy, g), message(g + " " + when));
                }
            }
        }

        private String message(String what) {
            return "seed " + seed + ", step " + step + ": " + what;
        }

        /** One random write, the same in both tables. */
        private void write() {
            int kind = present.isEmpty() ? random.nextInt(2) * 6 : random.nextInt(9);
            switch (kind) {
                case 0, 1 -> {
                    Row row = new Row(new UUID(7, ++lastId), 0, tags(), time(), time(), name());
                    both(t -> t.insert(row));
                    present.add(row.id());
                }
                case 2, 3 -> update(pick());
                case 4 -> {
                    UUID id = pick();
                    both(t -> t.delete(id));
                    present.remove(id);
                }
                case 5 -> {
                    UUID id = pick();
                    Row exact = plain.get(id).orElseThrow();
                    both(t -> t.remove(id));
                    present.remove(id);
                    removed.put(id, exact);
                }
                case 6 -> {
                    if (removed.isEmpty()) {
                        Row old = new Row(new UUID(7, ++lastId), 3, tags(), T0.minusSeconds(1 + random.nextInt(3)),
                                time(), name());
                        both(t -> t.putAsIs(old)); // an import of a row with an old time
                        present.add(old.id());
                    } else {
                        List<UUID> ids = new ArrayList<>(removed.keySet());
                        UUID id = ids.get(random.nextInt(ids.size()));
                        Row exact = removed.remove(id);
                        both(t -> t.reinstate(exact));
                        present.add(id);
                    }
                }
                case 7 -> {
                    UUID id = pick();
                    Row current = plain.get(id).orElseThrow();
                    Row exact = new Row(id, current.version() + 2, tags(), T0.minusSeconds(random.nextInt(3)),
                            current.due(), current.name());
                    both(t -> t.putAsIs(exact)); // an import over a stored row: new keys, an old creation time
                }
                default -> {
                    UUID id = new UUID(7, ++lastId); // a restored merge's merged-away row, reinstated later
                    both(t -> t.takenOut(id));
                    removed.put(id, new Row(id, 2, tags(), time(), time(), name()));
                }
            }
        }

        /** An update of one part of the row (or none), the same in both tables. */
        private void update(UUID id) {
            int part = random.nextInt(5);
            List<String> tags = tags();
            Instant time = time();
            String name = name();
            both(t -> {
                Row r = t.get(id).orElseThrow();
                t.update(switch (part) {
                    case 0 -> new Row(id, r.version(), tags, r.at(), r.due(), r.name());
                    case 1 -> new Row(id, r.version(), r.tags(), r.at(), time, r.name());
                    case 2 -> new Row(id, r.version(), r.tags(), r.at(), r.due(), name);
                    case 3 -> new Row(id, r.version(), r.tags(), time, r.due(), r.name()); // reordered
                    default -> r; // nothing but the version
                });
            });
        }

        private void both(java.util.function.Consumer<Table<UUID, Row>> write) {
            write.accept(plain);
            write.accept(lazy);
        }

        private UUID pick() {
            return present.get(random.nextInt(present.size()));
        }

        /** None to three tags, a tag sometimes named twice. */
        private List<String> tags() {
            int n = random.nextInt(4);
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(TAGS[random.nextInt(TAGS.length)]);
            }
            return List.copyOf(out);
        }

        /** One of four seconds: many equal times, ordered by insertion number. */
        private Instant time() {
            return T0.plusSeconds(random.nextInt(4));
        }

        private String name() {
            return NAMES[random.nextInt(NAMES.length)];
        }
    }

    /** Everything a reader can ask of a group, for every key it may hold. */
    private static List<Object> reads(Table<UUID, Row> table, String group) {
        List<String> keys = KEYS.get(group);
        List<Object> out = new ArrayList<>();
        for (String key : keys) {
            out.add(table.all(group, key));
            out.add(table.page(group, key, PageRequest.first(2), false, r -> true));
            out.add(table.page(group, key, PageRequest.first(3), true, r -> true));
            out.add(table.before(group, key, new OrderKey(T0.plusSeconds(2), 40), 3));
            out.add(table.first(group, key));
            out.add(Optional.ofNullable(table.lastOrNull(group, key)));
        }
        out.add(table.first(group, keys, 5));
        out.add(Arrays.stream(table.groupShape(group)).boxed().toList());
        return out;
    }
}
