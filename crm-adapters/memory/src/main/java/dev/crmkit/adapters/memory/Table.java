package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.adapters.memory.RowSlots.Slot;
import dev.crmkit.core.kernel.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rows of one record type with their indexes: unique indexes (an e-mail belongs to one contact) and group indexes
 * (the contacts of a company), each group kept in its own order for keyset paging. Every order is a time and then the
 * row's insertion number, so rows with equal times list in the order they were inserted, whatever their ids. Every
 * write runs in a unit of work and registers its undo step. Guarded by the store's lock, so plain, unsynchronized
 * structures suffice: the rows in {@link RowSlots} (one slot per row, found by id without an id object), the unique
 * keys in {@link CompactMap}s or {@link HashedOwners}, every order in an {@link OrderIndex} (a sorted array while rows
 * arrive in order, a tree otherwise). Writers hold the write lock; readers the read lock, under which they only read,
 * with one exception: the first read of a lazy group ({@link #lazyGroup}) builds it under the shared read lock, into
 * structures of its own that no other thread sees until the group's monitor and its volatile {@code live} flag
 * publish them (a second reader of the group waits on the monitor). The indexes hold the rows' slots, and an order
 * that follows the row (the creation order, and a group's order of plain rows or of the creation time) asks the slot
 * for its key instead of keeping an {@link OrderKey} per row: {@link #move} takes a row out of the indexes it leaves
 * before it changes the slot, and puts it into the new ones after.
 *
 * @param <I> the id type
 * @param <R> the record type
 */
final class Table<I, R> {

    private final String recordType;
    private final InMemoryTransactions tx;
    private final Function<R, I> idOf;
    private final Function<R, Long> versionOf;
    private final BiFunction<R, Long, R> atVersion;
    private final Function<R, Instant> creationOrder;
    /** How the rows are kept: the row objects, or a packed form rebuilt on every read. */
    private final RowCodec<I, R> codec;
    /**
     * Each row's stored form ({@link RowCodec#pack}) with its insertion number, in its slot: one entry per row instead
     * of a second map of boxed numbers.
     */
    private final RowSlots<I> rows;
    /** The insertion numbers of ids taken out ({@link #remove}, {@link #takenOut}), kept for {@link #reinstate}. */
    private final Map<I, Long> retired = new HashMap<>();
    private long inserted;
    private final OrderIndex<Slot> ordered;
    /** The highest creation position ever put into {@link #ordered}: a row above it is appended without a look. */
    private final HighWater highestCreated = new HighWater();
    private final Map<String, Unique<I, R>> uniques = new LinkedHashMap<>();
    private final Map<String, Group<I, R>> groups = new LinkedHashMap<>();
    /**
     * The indexes of {@link #uniques} and {@link #groups} in their order, walked by position: an update walks them
     * twice without an iterator object.
     */
    private final List<Unique<I, R>> uniqueList = new ArrayList<>(1);
    private final List<Group<I, R>> groupList = new ArrayList<>(2);

    Table(String recordType, InMemoryTransactions tx, Function<R, I> idOf, Function<R, Long> versionOf,
          BiFunction<R, Long, R> atVersion, Function<R, Instant> creationOrder) {
        this(recordType, tx, idOf, versionOf, atVersion, creationOrder, RowCodec.plain());
    }

    /**
     * A table whose rows are kept in the codec's stored form. With a packed codec, the unique indexes keep no key
     * objects either ({@link HashedOwners}): a key lives only inside its row's stored form.
     */
    Table(String recordType, InMemoryTransactions tx, Function<R, I> idOf, Function<R, Long> versionOf,
          BiFunction<R, Long, R> atVersion, Function<R, Instant> creationOrder, RowCodec<I, R> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.recordType = recordType;
        this.tx = tx;
        this.idOf = idOf;
        this.versionOf = versionOf;
        this.atVersion = atVersion;
        this.creationOrder = creationOrder;
        this.rows = new RowSlots<>(new RowSlots.Ids<>() {
            @Override
            public I id(Object stored) {
                return codec.id(stored, idOf);
            }

            @Override
            public boolean hasId(Object stored, I id) {
                return codec.hasId(stored, id, idOf);
            }
        });
        this.ordered = new OrderIndex<>(this::createdAt);
    }

    /** The position of a row in the creation order, read from its slot. */
    private OrderKey createdAt(Slot slot) {
        return new OrderKey(codec.creation(slot.stored, idOf, creationOrder), codec.seq(slot.stored));
    }

    /**
     * How a group's index gets the position of a row: from the slot when the group orders by the creation time, or
     * by a time of plain rows (read without unpacking); kept beside each entry otherwise (null).
     */
    private Function<Slot, OrderKey> keyOf(Function<R, Instant> order) {
        if (order == creationOrder) {
            return this::createdAt;
        }
        return packed() ? null : s -> new OrderKey(order.apply(row(s)), codec.seq(s.stored));
    }

    /** Adds a unique index; {@code field} names it in errors. */
    Table<I, R> unique(String field, Function<R, Collection<?>> keys) {
        Unique<I, R> u = new Unique<>(field, keys, packed() ? new HashedOwners<Slot>((slot, key) ->
                codec.holds(codec.id(slot.stored, idOf), slot.stored, field, keys, key)) : null);
        if (uniques.putIfAbsent(field, u) != null) {
            throw new IllegalArgumentException("the unique index " + field + " is declared twice");
        }
        uniqueList.add(u);
        return this;
    }

    /** Whether the rows are kept in a packed form rather than as the row objects. */
    private boolean packed() {
        return !codec.keepsRows();
    }

    /**
     * Adds a group index whose members are ordered by {@code order}, then in insertion order. When {@code order} is
     * the very function the table was made with ({@code creationOrder}), or the rows are plain, the group keeps no
     * position per member: it reads it from the row's slot.
     */
    Table<I, R> group(String name, Function<R, Collection<?>> keys, Function<R, Instant> order) {
        return addGroup(name, new Group<>(null, keys, order, keyOf(order), true));
    }

    /**
     * Adds a group index as {@link #group(String, Function, Function)} that is kept only from its first read on: until
     * a query reads it, a write neither computes its keys nor enters the row (the indexes only some queries read,
     * such as the duplicate checks' name keys, which a capture under the default rules never asks). The first read
     * builds it from every row in creation order, then every write keeps it like any other group.
     *
     * <p>The cost moves to that first read, once per group and store: it reads every row of the table (a packed row
     * is unpacked) and works out its keys, O(n) in the rows (for name keys, the phonetic keys of every name), and it
     * does so under the store's lock: a reader holds the read lock, and once a writer queues for the write lock the
     * lock holds back new readers too, so the whole store waits for the build; inside a unit of work (a duplicate
     * check in a capture under rules that are not ALLOW-all) the write lock is held. So declare lazy only a group
     * whose first read may pay that (not one read on every screen, such as the activities' timeline).
     */
    Table<I, R> lazyGroup(String name, Function<R, Collection<?>> keys, Function<R, Instant> order) {
        return addGroup(name, new Group<>(null, keys, order, keyOf(order), false));
    }

    /**
     * Adds a group index whose keys follow from one part of the row alone, its {@code basis} (a contact's name for its
     * name keys): an update that leaves the basis equal (by {@code equals}) and the order the same is not computed
     * again, which matters for keys that are costly to compute.
     */
    <B> Table<I, R> group(String name, Function<R, B> basis, Function<B, Collection<?>> keys,
                          Function<R, Instant> order) {
        return addGroup(name, new Group<>(basis, r -> keys.apply(basis.apply(r)), order, keyOf(order), true));
    }

    /** {@link #group(String, Function, Function, Function)} kept only from its first read on ({@link #lazyGroup}). */
    <B> Table<I, R> lazyGroup(String name, Function<R, B> basis, Function<B, Collection<?>> keys,
                              Function<R, Instant> order) {
        return addGroup(name, new Group<>(basis, r -> keys.apply(basis.apply(r)), order, keyOf(order), false));
    }

    /**
     * The group of that name, ready to read: a lazy group not read before is built first ({@link #lazyGroup}). Runs
     * under the store's lock (a unit of work or a read); two readers building the same group wait for each other.
     */
    private Group<I, R> readable(String name) {
        Group<I, R> g = groups.get(name);
        if (!g.live) {
            build(g);
        }
        return g;
    }

    /**
     * Enters every row into a lazy group, in creation order, then marks it live so that writes keep it: O(n) in the
     * table's rows (each row read, for a packed table unpacked, and its keys worked out), paid once, by the first
     * reader and under the store's lock (see {@link #lazyGroup}). A reader holds the read lock, so no writer runs
     * meanwhile; the group's monitor keeps a second reader out until done. The entries go into new structures that
     * the group takes over only when every row is in: a key function, a row's decoding or an allocation that throws
     * partway leaves the group as it was (empty and not live), not with entries that writes would then skip and the
     * next build would keep (review-b L1).
     */
    private void build(Group<I, R> g) {
        synchronized (g) {
            if (g.live) {
                return;
            }
            Group<I, R> built = new Group<>(g.basis, g.keys, g.order, g.keyOf, false);
            for (Slot slot : ordered.ids()) {
                R row = row(slot);
                Collection<?> keys = g.keys.apply(row);
                if (!keys.isEmpty()) {
                    OrderKey created = createdAt(slot);
                    built.add(keys, at(g.order.apply(row), created, created.seq()), slot);
                }
            }
            g.takeOver(built);
        }
    }

    /**
     * Builds every lazy group of this table not read yet ({@link #lazyGroup}), as its first read would: for a store
     * made with its lazy indexes built ({@link InMemoryCrmStore#withLazyIndexesBuilt}), whose tests then reach the
     * writes that keep a built group rather than the build.
     */
    void buildLazyGroups() {
        tx.read(() -> {
            for (int j = 0; j < groupList.size(); j++) {
                Group<I, R> g = groupList.get(j);
                if (!g.live) {
                    build(g);
                }
            }
            return null;
        });
    }

    /** The names of the groups writes do not keep yet: lazy groups not read so far, in declaration order (tests). */
    List<String> unbuilt() {
        List<String> out = new ArrayList<>();
        groups.forEach((name, g) -> {
            if (!g.live) {
                out.add(name);
            }
        });
        return out;
    }

    private Table<I, R> addGroup(String name, Group<I, R> g) {
        if (groups.putIfAbsent(name, g) != null) {
            throw new IllegalArgumentException("the group " + name + " is declared twice");
        }
        groupList.add(g);
        return this;
    }

    Optional<R> get(I id) {
        Objects.requireNonNull(id, "id");
        if (tx.inUnitOfWork()) { // a move reads its deal and pipeline in its unit: no lambda, one Optional
            return stored(id);
        }
        return tx.read(() -> stored(id));
    }

    private Optional<R> stored(I id) {
        Slot slot = rows.get(id);
        return slot == null ? Optional.empty() : Optional.of(row(slot));
    }

    /** The record that holds a key of a unique index. */
    Optional<R> byUnique(String field, Object key) {
        Objects.requireNonNull(key, field);
        if (tx.inUnitOfWork()) { // a capture's look-ups by e-mail and phone: no lambda to join its unit
            return owned(field, key);
        }
        return tx.read(() -> owned(field, key));
    }

    private Optional<R> owned(String field, Object key) {
        Slot owner = uniques.get(field).owner(key);
        return owner == null ? Optional.empty() : Optional.of(row(owner));
    }

    long count() {
        return tx.read(() -> (long) rows.size());
    }

    /** How many probe runs the writers' look-ups of rows by id have walked ({@link RowSlots#probes}): for tests. */
    long probes() {
        return rows.probes();
    }

    /** Inserts a new record at version 1, or returns the record that holds one of its unique keys. */
    R insertOrGet(R candidate) {
        return tx.inTransaction(() -> {
            long vacancy = requireNew(candidate);
            for (int i = 0; i < uniqueList.size(); i++) { // by position: no iterator object per insert
                Unique<I, R> u = uniqueList.get(i);
                List<?> keys = inOrder(u.keys.apply(candidate));
                for (int k = 0; k < keys.size(); k++) {
                    Slot owner = u.owner(keys.get(k));
                    if (owner != null) {
                        return row(owner);
                    }
                }
            }
            return add(candidate, vacancy);
        });
    }

    /** Inserts a new record at version 1; a unique key held by another record is refused. */
    R insert(R candidate) {
        if (tx.inUnitOfWork()) { // the usual case (a move's history and timeline entries): no lambda to join it
            return insertNow(candidate);
        }
        return tx.inTransaction(() -> insertNow(candidate));
    }

    private R insertNow(R candidate) {
        long vacancy = requireNew(candidate);
        checkUnique(candidate);
        return add(candidate, vacancy);
    }

    /** Replaces the record read at its version with the changed one at the next version. */
    R update(R changed) {
        if (tx.inUnitOfWork()) { // the usual case (a move's deal): no lambda to join the running unit
            return updateNow(changed);
        }
        return tx.inTransaction(() -> updateNow(changed));
    }

    private R updateNow(R changed) {
        I id = idOf.apply(changed);
        Slot slot = rows.get(id);
        if (slot == null) {
            throw new NoSuchElementException("there is no " + recordType + " " + id);
        }
        R current = row(slot);
        long version = versionOf.apply(changed);
        if (versionOf.apply(current) != version) {
            throw new StaleVersionException(recordType, id.toString(), version);
        }
        checkUnique(changed);
        R stored = atVersion.apply(changed, version + 1);
        long seq = codec.seq(slot.stored);
        move(slot, current, stored, seq);
        tx.onRollback(() -> move(stored, current, seq));
        return stored;
    }

    /**
     * Stores the record exactly as given (its version included) in place of the stored one, which must exist; for
     * undoing a merge, whose caller has checked the stored version.
     */
    R restore(R exact) {
        return tx.inTransaction(() -> {
            I id = idOf.apply(exact);
            Slot slot = rows.get(id);
            if (slot == null) {
                throw new NoSuchElementException("there is no " + recordType + " " + id);
            }
            checkUnique(exact);
            R current = row(slot);
            long seq = codec.seq(slot.stored);
            move(slot, current, exact, seq);
            tx.onRollback(() -> move(exact, current, seq));
            return exact;
        });
    }

    /** Takes the record out of every index, keeping its insertion number for {@link #reinstate}. */
    void remove(I id) {
        takeOut(id, true);
    }

    /**
     * Deletes the record for good: out of every index, and nothing kept for {@link #reinstate} (unlike
     * {@link #remove}); only the unit of work's undo holds it until commit. For rows no merge can bring back, such as
     * retention's delete of a closed task.
     */
    void delete(I id) {
        takeOut(id, false);
    }

    private void takeOut(I id, boolean keepForReinstate) {
        tx.inTransaction(() -> {
            Slot slot = rows.get(id);
            if (slot == null) {
                throw new NoSuchElementException("there is no " + recordType + " " + id);
            }
            R current = row(slot);
            long seq = codec.seq(slot.stored);
            move(slot, current, null, seq);
            if (keepForReinstate) {
                retired.put(id, seq);
            }
            tx.onRollback(() -> {
                if (keepForReinstate) {
                    retired.remove(id);
                }
                move(null, current, seq);
            });
            return null;
        });
    }

    /** Puts a record taken out with {@link #remove} back exactly, at its old place in every order. */
    void reinstate(R exact) {
        tx.inTransaction(() -> {
            I id = idOf.apply(exact);
            Long seq = retired.get(id);
            if (rows.get(id) != null || seq == null) {
                throw new IllegalStateException(recordType + " " + id + " was not taken out");
            }
            checkUnique(exact);
            move(null, exact, seq);
            retired.remove(id);
            tx.onRollback(() -> {
                move(exact, null, seq);
                retired.put(id, seq);
            });
            return null;
        });
    }

    /** The record's stored version. */
    long version(R row) {
        return versionOf.apply(row);
    }

    /** A copy of the record at another version. */
    R atVersion(R row, long version) {
        return atVersion.apply(row, version);
    }

    /** Every record that passes the filter, in creation order; a scan, for rare operations such as merges. */
    List<R> scan(Predicate<R> filter) {
        return tx.read(() -> {
            List<R> out = new ArrayList<>();
            for (Slot slot : ordered.ids()) {
                R row = row(slot);
                if (filter.test(row)) {
                    out.add(row);
                }
            }
            return out;
        });
    }

    /**
     * Stores a record exactly as given (version and times included), replacing the stored one with its id if any:
     * the restore of an export. Unique keys held by other records are refused.
     */
    R putAsIs(R record) {
        return tx.inTransaction(() -> {
            checkUnique(record);
            I id = idOf.apply(record);
            Slot slot = rows.get(id);
            if (slot == null) {
                return addAsIs(record, RowSlots.NO_VACANCY);
            }
            R current = row(slot);
            long seq = codec.seq(slot.stored);
            move(slot, current, record, seq);
            tx.onRollback(() -> move(record, current, seq));
            return record;
        });
    }

    /**
     * Makes an id known as taken out ({@link #remove}) though its record never was here: a restored merge's
     * merged-away record, which {@link #reinstate} can then put back. Nothing happens for a known id.
     */
    void takenOut(I id) {
        tx.inTransaction(() -> {
            if (rows.get(id) == null && !retired.containsKey(id)) {
                retired.put(id, ++inserted);
                tx.onRollback(() -> retired.remove(id));
            }
            return null;
        });
    }

    /**
     * The records whose key comes after {@code after}, in key order, at most {@code limit}: one pass over all, walking
     * the rows in place (no list of every row per page).
     */
    List<R> after(Function<R, String> key, Optional<String> after, int limit) {
        Iterable<R> all = () -> new Iterator<>() {
            private final Iterator<Slot> slots = rows.slots().iterator();

            @Override
            public boolean hasNext() {
                return slots.hasNext();
            }

            @Override
            public R next() {
                return row(slots.next());
            }
        };
        return tx.read(() -> KeyOrder.after(all, key, after, limit));
    }

    /** Adds a new record at version 1 where {@link #requireNew} found its id would go. */
    private R add(R candidate, long vacancy) {
        return addAsIs(atVersion.apply(candidate, 1L), vacancy);
    }

    private R addAsIs(R stored, long vacancy) {
        I id = idOf.apply(stored);
        long seq = ++inserted;
        Long before = retired.remove(id);
        place(stored, seq, vacancy);
        if (before == null) { // the usual new row (a move's history and timeline entries): a smaller undo step
            tx.onRollback(() -> move(stored, null, seq));
        } else {
            tx.onRollback(() -> {
                move(stored, null, seq);
                retired.put(id, before);
            });
        }
        return stored;
    }

    /**
     * The row stored in a slot. A packed row is rebuilt once per unit of work while it is the last one read or
     * written ({@link InMemoryTransactions#remembered}).
     */
    @SuppressWarnings("unchecked")
    private R row(Slot slot) {
        if (codec.keepsRows()) {
            return codec.row(slot.stored, idOf);
        }
        Object stored = slot.stored;
        R row = (R) tx.remembered(stored);
        if (row == null) {
            row = codec.row(stored, idOf);
            tx.remember(stored, row);
        }
        return row;
    }

    /** A packed row just written is its own read back in the unit of work ({@link #row}). */
    private void remember(Object packed, R row) {
        if (!codec.keepsRows()) {
            tx.remember(packed, row);
        }
    }

    /**
     * Refuses a candidate that is not new; where its id would go otherwise ({@link RowSlots#vacancy}), so that its add
     * walks no second probe run.
     */
    private long requireNew(R candidate) {
        I id = idOf.apply(candidate);
        if (versionOf.apply(candidate) != 0) {
            throw new IllegalArgumentException("a new " + recordType + " has version 0, " + id + " has "
                    + versionOf.apply(candidate));
        }
        long vacancy = rows.vacancy(id);
        if (vacancy == RowSlots.NO_VACANCY) {
            throw new IllegalArgumentException(recordType + " " + id + " is already stored");
        }
        return vacancy;
    }

    private void checkUnique(R record) {
        if (uniqueList.isEmpty()) {
            return;
        }
        I id = idOf.apply(record);
        for (int i = 0; i < uniqueList.size(); i++) {
            Unique<I, R> u = uniqueList.get(i);
            List<?> keys = inOrder(u.keys.apply(record));
            for (int k = 0; k < keys.size(); k++) {
                Object key = keys.get(k);
                Slot owner = u.owner(key);
                if (owner != null && !codec.hasId(owner.stored, id, idOf)) {
                    throw ValidationException.of(u.field, "unique",
                            key + " already belongs to " + recordType + " " + codec.id(owner.stored, idOf));
                }
            }
        }
    }

    /**
     * Moves the indexes from one state of a row to the next; either side may be absent (insert, undo of an insert).
     * An index whose keys and order are the same in both states is left alone, so an update touches only what it
     * changed (a deal's move: its stage group, not its pipeline group). In three steps, because an order may ask the
     * slot for a row's key: out of the indexes it leaves while the slot still holds the state before, then the slot
     * changes, then into the new ones. The steps are kept in one array, not as a list of lambdas.
     */
    private void move(R before, R after, long seq) {
        move(before == null ? null : rows.get(idOf.apply(before)), before, after, seq);
    }

    /**
     * {@link #move(Object, Object, long)} with the row's slot as the caller found it (null when {@code before} is):
     * an update has just looked its row up, and need not probe for it again.
     */
    private void move(Slot found, R before, R after, long seq) {
        I id = idOf.apply(before != null ? before : after);
        Slot slot = found;
        OrderKey oldAt = before == null ? null : new OrderKey(creationOrder.apply(before), seq);
        OrderKey newAt = after == null ? null : new OrderKey(creationOrder.apply(after), seq);
        boolean reordered = !Objects.equals(oldAt, newAt);
        // first everything that runs the table's key functions or the codec, so that a failure there leaves the
        // indexes as they were (review of t17-heap3); then the changes, which only move entries
        Object[] steps = indexSteps(before, after, oldAt, newAt, seq);
        Object packed = after == null ? null : codec.pack(after, seq);

        if (reordered && oldAt != null) {
            ordered.remove(oldAt, slot);
        }
        if (steps != null) {
            leave(steps, slot);
        }
        if (after == null) {
            rows.remove(id);
            return;
        }
        if (slot == null) {
            slot = rows.add(id, packed);
        } else {
            slot.stored = packed;
        }
        remember(packed, after);
        if (reordered) {
            putCreated(newAt, slot);
        }
        if (steps != null) {
            enter(steps, slot);
        }
    }

    /**
     * What {@link #move} changes in the unique and group indexes, or null when none changes: per unique index (in
     * {@link #uniqueList}'s order) its old and new keys, both null when they are equal; then per group index (in
     * {@link #groupList}'s order) its old keys and old position (null: the row does not leave it) and its new keys
     * and new position (null: the row does not enter it).
     */
    private Object[] indexSteps(R before, R after, OrderKey oldAt, OrderKey newAt, long seq) {
        int uniqueCount = uniqueList.size();
        Object[] steps = null;
        for (int i = 0; i < uniqueCount; i++) {
            Unique<I, R> u = uniqueList.get(i);
            Collection<?> oldKeys = before == null ? List.of() : u.keys.apply(before);
            Collection<?> newKeys = after == null ? List.of() : u.keys.apply(after);
            if (!oldKeys.equals(newKeys)) {
                steps = steps != null ? steps : new Object[2 * uniqueCount + 4 * groupList.size()];
                steps[2 * i] = oldKeys;
                steps[2 * i + 1] = newKeys;
            }
        }
        for (int j = 0; j < groupList.size(); j++) {
            Group<I, R> g = groupList.get(j);
            if (!g.live) {
                continue; // a lazy group no one has read: it is built from the rows on its first read
            }
            Instant oldOrder = before == null ? null : g.order.apply(before);
            Instant newOrder = after == null ? null : g.order.apply(after);
            boolean sameOrder = Objects.equals(oldOrder, newOrder);
            if (sameOrder && g.basis != null && before != null && after != null
                    && Objects.equals(g.basis.apply(before), g.basis.apply(after))) {
                continue; // the keys follow from the basis: no need to compute them (name keys are costly)
            }
            Collection<?> oldKeys = before == null ? List.of() : g.keys.apply(before);
            Collection<?> newKeys = after == null ? List.of() : g.keys.apply(after);
            if (sameOrder && oldKeys.equals(newKeys)) {
                continue;
            }
            steps = steps != null ? steps : new Object[2 * uniqueCount + 4 * groupList.size()];
            int at = 2 * uniqueCount + 4 * j;
            if (before != null) {
                steps[at] = oldKeys;
                steps[at + 1] = at(oldOrder, oldAt, seq);
            }
            if (after != null) {
                steps[at + 2] = newKeys;
                steps[at + 3] = at(newOrder, newAt, seq);
            }
        }
        return steps;
    }

    /** Takes the row out of the indexes {@link #indexSteps} says it leaves. */
    private void leave(Object[] steps, Slot slot) {
        int uniqueCount = uniqueList.size();
        for (int i = 0; i < uniqueCount; i++) {
            if (steps[2 * i] != null) {
                for (Object key : (Collection<?>) steps[2 * i]) {
                    uniqueList.get(i).remove(key, slot);
                }
            }
        }
        for (int j = 0; j < groupList.size(); j++) {
            int at = 2 * uniqueCount + 4 * j;
            if (steps[at + 1] != null) {
                groupList.get(j).remove((Collection<?>) steps[at], (OrderKey) steps[at + 1], slot);
            }
        }
    }

    /** Puts the row into the indexes {@link #indexSteps} says it enters. */
    private void enter(Object[] steps, Slot slot) {
        int uniqueCount = uniqueList.size();
        for (int i = 0; i < uniqueCount; i++) {
            if (steps[2 * i + 1] != null) {
                for (Object key : (Collection<?>) steps[2 * i + 1]) {
                    uniqueList.get(i).add(key, slot);
                }
            }
        }
        for (int j = 0; j < groupList.size(); j++) {
            int at = 2 * uniqueCount + 4 * j;
            if (steps[at + 3] != null) {
                groupList.get(j).add((Collection<?>) steps[at + 2], (OrderKey) steps[at + 3], slot);
            }
        }
    }

    /** Enters a row into the creation order: appended without a look when above every row before it. */
    private void putCreated(OrderKey newAt, Slot slot) {
        if (highestCreated.raise(newAt)) {
            ordered.putAbove(newAt, slot);
        } else {
            ordered.put(newAt, slot);
        }
    }

    /**
     * {@link #move}{@code (null, after, seq)} of a new row, without its lists of steps and their lambdas: an insert
     * leaves no index, and every index it enters gets all the row's keys. In the same two phases: first every key
     * function and the codec (so a failure leaves the indexes as they were), then the changes. The row's slot goes
     * to the {@code vacancy} its new-id check found ({@link RowSlots#vacancy}), or is probed for if that is stale.
     */
    private void place(R after, long seq, long vacancy) {
        I id = idOf.apply(after);
        OrderKey newAt = new OrderKey(creationOrder.apply(after), seq);
        int uniqueCount = uniqueList.size();
        // per unique index its keys; per group index its keys and the row's position in it
        Object[] computed = uniqueCount + groupList.size() == 0 ? null
                : new Object[uniqueCount + 2 * groupList.size()];
        int i = 0;
        for (int k = 0; k < uniqueCount; k++) { // by position: no iterator object per insert
            computed[i++] = inOrder(uniqueList.get(k).keys.apply(after));
        }
        for (int k = 0; k < groupList.size(); k++) {
            Group<I, R> g = groupList.get(k);
            if (!g.live) { // a lazy group no one has read: no keys worked out, no entry (its position stays null)
                i += 2;
                continue;
            }
            Collection<?> keys = g.keys.apply(after);
            computed[i++] = keys;
            computed[i++] = keys.isEmpty() ? null : at(g.order.apply(after), newAt, seq); // in no group: no order
        }
        Object packed = codec.pack(after, seq);

        Slot slot = rows.add(id, packed, vacancy);
        remember(packed, after);
        putCreated(newAt, slot);
        i = 0;
        for (int k = 0; k < uniqueCount; k++) {
            List<?> keys = (List<?>) computed[i++];
            for (int n = 0; n < keys.size(); n++) {
                uniqueList.get(k).add(keys.get(n), slot);
            }
        }
        for (int k = 0; k < groupList.size(); k++) {
            Collection<?> keys = (Collection<?>) computed[i++];
            OrderKey position = (OrderKey) computed[i++];
            if (position != null) {
                groupList.get(k).add(keys, position, slot);
            }
        }
    }

    /**
     * A unique index's keys as a list walked by position, without an iterator object per row written or checked: the
     * key functions give lists (a contact's e-mails and phones, a lead's external ids), any other collection is copied.
     */
    private static List<?> inOrder(Collection<?> keys) {
        return keys instanceof List<?> list && keys instanceof java.util.RandomAccess ? list : new ArrayList<>(keys);
    }

    /**
     * The keys of an optional value, for a group's key function: none, or the one value. Without a stream: the key
     * functions run for every row written, and {@code optional.stream().toList()} built a stream pipeline each time.
     */
    static <T> List<T> keysOf(Optional<T> value) {
        return value.isPresent() ? List.of(value.get()) : List.of();
    }

    /**
     * The position of a row at {@code time} in a group: the row's creation position itself when the group orders by
     * the same time (the usual case), so the group's entries share one key object with the creation order.
     */
    private static OrderKey at(Instant time, OrderKey created, long seq) {
        return time.equals(created.at()) ? created : new OrderKey(time, seq);
    }

    /** All records in creation order (then insertion order), paged. */
    Page<R> page(PageRequest request) {
        return page(request, r -> true);
    }

    /**
     * The records that pass the filter in creation order (then insertion order), paged: the filter is applied while
     * the index is walked, so the page is cut after it.
     */
    Page<R> page(PageRequest request, Predicate<R> filter) {
        request.after().ifPresent(OrderKey::parse);
        return tx.read(() -> page(ordered, request, false, filter));
    }

    /** How many records pass the filter. */
    long count(Predicate<R> filter) {
        return tx.read(() -> {
            long n = 0;
            for (Slot slot : ordered.ids()) {
                if (filter.test(row(slot))) {
                    n++;
                }
            }
            return n;
        });
    }

    /** The members of a group, in the group's order (descending if asked), filtered and paged. */
    Page<R> page(String group, Object key, PageRequest request, boolean descending, Predicate<R> filter) {
        request.after().ifPresent(OrderKey::parse); // a bad cursor is refused even when the group is empty
        return tx.read(() -> {
            OrderIndex<Slot> members = readable(group).index(key);
            return members == null ? Page.last(List.of()) : page(members, request, descending, filter);
        });
    }

    /** Every member of a group, in the group's order. */
    List<R> all(String group, Object key) {
        return all(group, key, r -> true);
    }

    /** The members of a group that pass a filter, in the group's order; the filter is tested while walking it. */
    List<R> all(String group, Object key, Predicate<R> filter) {
        return tx.read(() -> {
            OrderIndex<Slot> members = readable(group).index(key);
            if (members == null) {
                return List.of();
            }
            List<R> out = new ArrayList<>(members.size());
            for (Slot slot : members.ids()) {
                R row = row(slot);
                if (filter.test(row)) {
                    out.add(row);
                }
            }
            return out;
        });
    }

    /**
     * At most {@code limit} members of a group under any of the keys, in the group's order across all of them (as
     * one list of the store would order them), each once.
     */
    List<R> first(String group, java.util.Collection<?> keys, int limit) {
        return tx.read(() -> {
            TreeMap<OrderKey, Slot> merged = new TreeMap<>();
            for (Object key : keys) {
                OrderIndex<Slot> members = readable(group).index(key);
                if (members == null) {
                    continue;
                }
                for (Iterator<Map.Entry<OrderKey, Slot>> it = members.entries(false, null); it.hasNext(); ) {
                    Map.Entry<OrderKey, Slot> e = it.next();
                    if (merged.size() == limit && e.getKey().compareTo(merged.lastKey()) > 0) {
                        break; // this key's later members cannot make the first limit
                    }
                    merged.put(e.getKey(), e.getValue());
                    if (merged.size() > limit) {
                        merged.pollLastEntry();
                    }
                }
            }
            return merged.values().stream().map(this::row).toList();
        });
    }

    /** {@link #before(String, Object, OrderKey, int)} with the members that pass a filter, tested before the limit. */
    List<R> before(String group, Object key, OrderKey bound, int limit, Predicate<R> filter) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return tx.read(() -> {
            OrderIndex<Slot> members = readable(group).index(key);
            List<R> out = new ArrayList<>();
            if (members != null) {
                for (Iterator<Map.Entry<OrderKey, Slot>> it = members.entries(false, null); it.hasNext(); ) {
                    Map.Entry<OrderKey, Slot> e = it.next();
                    if (out.size() == limit || e.getKey().compareTo(bound) >= 0) {
                        break;
                    }
                    R row = row(e.getValue());
                    if (filter.test(row)) {
                        out.add(row);
                    }
                }
            }
            return out;
        });
    }

    /** The members of a group ordered before a key, in ascending order, at most {@code limit} (at least 1). */
    List<R> before(String group, Object key, OrderKey bound, int limit) {
        return before(group, key, bound, limit, r -> true);
    }

    /**
     * The last member of a group in the group's order: {@link #lastOrNull}'s, so without an entry object or the
     * member's position (a capture asks for its person's open lead by e-mail and by phone).
     */
    Optional<R> last(String group, Object key) {
        return Optional.ofNullable(lastOrNull(group, key));
    }

    /**
     * The last member of a group in the group's order, or null when it has none: {@link #last} without an
     * {@link Optional}, without a lambda inside a unit of work and without working out the member's position (each
     * move's history entry asks).
     */
    R lastOrNull(String group, Object key) {
        if (tx.inUnitOfWork()) {
            return lastNow(group, key);
        }
        return tx.read(() -> lastNow(group, key));
    }

    private R lastNow(String group, Object key) {
        Group<I, R> g = readable(group);
        // in a unit of work (the write lock held) the index found is remembered for the insert that usually follows
        // under the same key (a move's history entry: its deal's newest entry asked, then the entry added)
        Slot slot = g.last(key, tx.inUnitOfWork());
        return slot == null ? null : row(slot);
    }

    /**
     * How many keys of a group keep an {@link OrderIndex} rather than their one member's slot ({@link Group}), and how
     * many keys it has: {@code [indexes, keys]}, for tests.
     */
    int[] groupShape(String group) {
        return tx.read(() -> {
            int indexes = 0;
            CompactMap<Object, Object> members = readable(group).members;
            for (Object held : members.values()) {
                if (held instanceof OrderIndex<?>) {
                    indexes++;
                }
            }
            return new int[] {indexes, members.size()};
        });
    }

    /** How many probes writes made in a group's map of keys ({@link CompactMap#probes}): for tests. */
    long groupProbes(String group) {
        return groups.get(group).members.probes();
    }

    /** The first member of a group in the group's order. */
    Optional<R> first(String group, Object key) {
        return tx.read(() -> {
            OrderIndex<Slot> members = readable(group).index(key);
            return members == null || members.isEmpty() ? Optional.empty()
                    : Optional.of(row(members.firstEntry().getValue()));
        });
    }

    private Page<R> page(OrderIndex<Slot> index, PageRequest request, boolean descending, Predicate<R> filter) {
        OrderKey after = request.after().map(OrderKey::parse).orElse(null);
        List<R> items = new ArrayList<>(Math.min(request.size(), 64));
        OrderKey lastKey = null;
        Iterator<Map.Entry<OrderKey, Slot>> it = index.entries(descending, after);
        while (it.hasNext()) {
            Map.Entry<OrderKey, Slot> e = it.next();
            R row = row(e.getValue());
            if (!filter.test(row)) {
                continue;
            }
            if (items.size() == request.size()) {
                return new Page<>(items, Optional.of(lastKey.cursor()));
            }
            items.add(row);
            lastKey = e.getKey();
        }
        return Page.last(items);
    }

    /** A unique index: the owners' slots by key, or (packed rows) only the keys' hashes, checked against the rows. */
    private static final class Unique<I, R> {
        /** The field the index keys, for errors. */
        final String field;
        final Function<R, Collection<?>> keys;
        /** The owners by key, unless {@link #hashed} is used. */
        final CompactMap<Object, Slot> owners;
        final HashedOwners<Slot> hashed;

        Unique(String field, Function<R, Collection<?>> keys, HashedOwners<Slot> hashed) {
            this.field = field;
            this.keys = keys;
            this.hashed = hashed;
            this.owners = hashed == null ? new CompactMap<>() : null;
        }

        Slot owner(Object key) {
            return hashed != null ? hashed.get(key) : owners.get(key);
        }

        void remove(Object key, Slot slot) {
            if (hashed != null) {
                hashed.remove(key, slot);
            } else {
                owners.remove(key);
            }
        }

        void add(Object key, Slot slot) {
            if (hashed != null) {
                hashed.add(key, slot);
            } else {
                owners.put(key, slot);
            }
        }
    }

    /**
     * A group index: per key, its members in the group's order. A key with one member (most of a captured person's:
     * a lead's open e-mail, phone, contact and name keys, a contact's name keys, a timeline entry's lead and contact, a
     * task's lead) keeps that member's slot itself in {@link #members} when the group reads positions from the slots
     * ({@link #keyOf}): no {@link OrderIndex} object (32 bytes) per such key. Its second member makes the index.
     */
    private static final class Group<I, R> {
        /** What the keys are computed from, or null when that is not declared. */
        final Function<R, ?> basis;
        final Function<R, Collection<?>> keys;
        final Function<R, Instant> order;
        /** The position of a member read from its slot, or null when each entry keeps its position. */
        final Function<Slot, OrderKey> keyOf;
        /**
         * Per key its members: an {@link OrderIndex} of {@link Slot}s, or (only with {@link #keyOf}) the one member's
         * {@link Slot} itself. Replaced once, by a lazy group's build ({@link #takeOver}).
         */
        private CompactMap<Object, Object> members = new CompactMap<>();
        /** Makes the index of a key met for the first time (only without {@link #keyOf}). */
        private final Function<Object, Object> newIndex;
        /**
         * The highest position ever added to this group, null before the first: above every member's position.
         * Replaced once, by a lazy group's build ({@link #takeOver}).
         */
        private HighWater highest = new HighWater();
        /**
         * The key last looked up by a writer (compared by identity) and its index in {@link #members}, or null: a
         * look-up followed by an add under the same key object probes {@link #members} once. Read and written only
         * under the write lock; forgotten when its index leaves {@link #members} (or becomes a single slot again).
         */
        private Object rememberedKey;
        private OrderIndex<Slot> rememberedIndex;
        /**
         * Whether writes keep this group: from the start for a plain group, from its first read on for a lazy one
         * ({@link Table#lazyGroup}). Volatile: a reader builds it under the read lock while other readers may look.
         */
        volatile boolean live;

        Group(Function<R, ?> basis, Function<R, Collection<?>> keys, Function<R, Instant> order,
              Function<Slot, OrderKey> keyOf, boolean live) {
            this.live = live;
            this.basis = basis;
            this.keys = keys;
            this.order = order;
            this.keyOf = keyOf;
            this.newIndex = key -> new OrderIndex<Slot>(keyOf);
        }

        /**
         * Takes over the members and high water of a group built apart from the rows ({@link Table#build}), then goes
         * live: the volatile write publishes them to readers that see {@link #live} set.
         */
        void takeOver(Group<I, R> built) {
            members = built.members;
            highest = built.highest;
            rememberedKey = null;
            rememberedIndex = null;
            live = true;
        }

        /**
         * The members of a key as an index to read, or null when it has none: a single member is put into an index of
         * its own made for this read (reads of a group are rarer than writes, and the index is not kept).
         */
        @SuppressWarnings("unchecked")
        OrderIndex<Slot> index(Object key) {
            Object held = members.get(key);
            if (held instanceof Slot one) {
                return OrderIndex.ofOne(keyOf, one);
            }
            return (OrderIndex<Slot>) held;
        }

        /**
         * The last member of a key in the group's order, or null. {@code remember}: a writer's look-up (under the write
         * lock), whose index is remembered for its next add under the same key object.
         */
        @SuppressWarnings("unchecked")
        Slot last(Object key, boolean remember) {
            if (remember && key == rememberedKey) {
                return rememberedIndex.lastId();
            }
            Object held = members.get(key);
            if (held == null || held instanceof Slot) {
                return (Slot) held;
            }
            OrderIndex<Slot> index = (OrderIndex<Slot>) held;
            if (remember) {
                rememberedKey = key;
                rememberedIndex = index;
            }
            return index.lastId();
        }

        void add(Collection<?> rowKeys, OrderKey at, Slot slot) {
            boolean above = highest.raise(at);
            if (rowKeys.size() == 1 && rowKeys instanceof List<?> one) { // the usual one key: no iterator
                addOne(one.get(0), at, slot, above);
                return;
            }
            // a key a list names again is entered by a look (put replaces the equal entry), never appended twice
            List<?> list = rowKeys instanceof List<?> l ? l : null;
            int i = 0;
            for (Object key : rowKeys) {
                addOne(key, at, slot, above && (list == null || !list.subList(0, i).contains(key)));
                i++;
            }
        }

        /** Enters the row under one key; {@code above}: its position is above every member's ({@link HighWater}). */
        @SuppressWarnings("unchecked")
        private void addOne(Object key, OrderKey at, Slot slot, boolean above) {
            OrderIndex<Slot> set;
            if (key == rememberedKey) {
                set = rememberedIndex;
            } else if (keyOf == null) {
                set = (OrderIndex<Slot>) members.computeIfAbsent(key, newIndex);
            } else {
                // one probe whatever the key holds: the second member's index replaces the slot where it was found
                int place = members.slotOf(key);
                Object held = members.valueAt(place);
                if (held == null) {
                    members.putAt(place, key, slot); // a new key: its one member is the slot itself
                    return;
                }
                if (held == slot) {
                    return; // the same row again under a key it names twice: its position is the same
                }
                if (held instanceof Slot other) { // the key's second member: now it needs an index
                    set = OrderIndex.ofOne(keyOf, other); // (an append above it does not read its row)
                    members.replaceAt(place, set);
                } else {
                    set = (OrderIndex<Slot>) held;
                }
            }
            if (above) {
                set.putAbove(at, slot);
            } else {
                set.put(at, slot);
            }
        }

        void remove(Collection<?> rowKeys, OrderKey at, Slot slot) {
            if (rowKeys.size() == 1 && rowKeys instanceof List<?> one) { // the usual one key: no iterator
                removeOne(one.get(0), at, slot);
                return;
            }
            for (Object key : rowKeys) {
                removeOne(key, at, slot);
            }
        }

        @SuppressWarnings("unchecked")
        private void removeOne(Object key, OrderKey at, Slot slot) {
            int place = members.slotOf(key); // one probe, unless the key leaves the group (then its removal's too)
            Object held = members.valueAt(place);
            if (held instanceof Slot) {
                if (held == slot) {
                    members.remove(key);
                }
                return;
            }
            OrderIndex<Slot> set = (OrderIndex<Slot>) held;
            if (set != null) {
                set.remove(at, slot);
                if (set.isEmpty() || keyOf != null && set.size() == 1) {
                    if (set == rememberedIndex) {
                        rememberedKey = null;
                        rememberedIndex = null;
                    }
                    if (set.isEmpty()) {
                        members.remove(key);
                    } else {
                        members.replaceAt(place, set.lastId()); // one member left: its slot for the index
                    }
                }
            }
        }
    }
}
