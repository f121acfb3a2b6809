package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.RecordRef;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The unmodifiable copy of the records a timeline entry (and its event) is about, in the order given. Most entries are
 * about one record: that copy is a singleton set, which needs no hash table. A copy is immutable, so the next copy
 * (the entry's event) takes it as it is: a capture's entries are about a lead, a contact and often a company, and
 * were copied into a second hash set for their event.
 */
final class AboutRecords {

    private static final Class<?> SINGLETON = Collections.singleton(Boolean.TRUE).getClass();

    private AboutRecords() {
    }

    /**
     * An unmodifiable copy of the references, in their order; a copy this method made is returned as it is.
     *
     * @throws NullPointerException naming {@code about} for a null reference
     */
    static Set<RecordRef> copyOf(Set<RecordRef> about) {
        if (about instanceof Copy) {
            return about; // immutable: its references were checked when it was made
        }
        if (about.getClass() == SINGLETON) {
            Objects.requireNonNull(about.iterator().next(), "about");
            return about; // immutable already: nothing to copy
        }
        about.forEach(r -> Objects.requireNonNull(r, "about"));
        if (about.size() == 1) {
            return Collections.singleton(about.iterator().next());
        }
        return about.size() <= SMALL ? new Copy(about.toArray(new RecordRef[0]), null)
                : new Copy(null, new LinkedHashSet<>(about));
    }

    /**
     * The references given, each once in the order first given, unmodifiable: what {@link #copyOf} of a linked hash
     * set of them gives, without building that set first (every capture's timeline entry is about its lead, its contact
     * and often a company).
     *
     * @throws NullPointerException naming {@code about} for a null reference
     */
    static Set<RecordRef> of(RecordRef... refs) {
        if (refs.length > SMALL) {
            return copyOf(new LinkedHashSet<>(java.util.Arrays.asList(refs)));
        }
        RecordRef[] few = new RecordRef[refs.length];
        int n = 0;
        for (RecordRef r : refs) {
            Objects.requireNonNull(r, "about");
            boolean seen = false;
            for (int i = 0; i < n && !seen; i++) {
                seen = few[i].equals(r);
            }
            if (!seen) {
                few[n++] = r;
            }
        }
        if (n <= 1) {
            return n == 0 ? Set.of() : Collections.singleton(few[0]);
        }
        return new Copy(n == few.length ? few : java.util.Arrays.copyOf(few, n), null);
    }

    /**
     * Up to this many references are copied into a plain array, looked through one by one: a capture's entry is about
     * a lead, a contact and often a company, and a linked hash set of three cost about 300 bytes (its map, table and
     * an entry per reference) where the array costs about 30.
     */
    static final int SMALL = 8;

    /**
     * A copy of several references, in their order: read-only, over an array (at most {@link #SMALL}) or a hash set
     * no one else holds.
     */
    private static final class Copy extends AbstractSet<RecordRef> {
        /** The references when there are at most {@link #SMALL}, else null. */
        private final RecordRef[] few;
        /** The references when there are more, else null. */
        private final Set<RecordRef> records;

        Copy(RecordRef[] few, Set<RecordRef> records) {
            this.few = few;
            this.records = records;
        }

        @Override
        public int size() {
            return few != null ? few.length : records.size();
        }

        @Override
        public boolean contains(Object o) {
            if (few == null) {
                return records.contains(o);
            }
            for (RecordRef r : few) {
                if (r.equals(o)) {
                    return true;
                }
            }
            return false;
        }

        // every change is refused, also one that would change nothing, as the JDK's unmodifiable sets refuse it

        @Override
        public boolean add(RecordRef r) {
            throw new UnsupportedOperationException("the records an entry is about cannot be changed");
        }

        @Override
        public boolean remove(Object o) {
            return add(null);
        }

        @Override
        public boolean addAll(Collection<? extends RecordRef> c) {
            return add(null);
        }

        @Override
        public boolean removeAll(Collection<?> c) {
            return add(null);
        }

        @Override
        public boolean retainAll(Collection<?> c) {
            return add(null);
        }

        @Override
        public boolean removeIf(Predicate<? super RecordRef> filter) {
            return add(null);
        }

        @Override
        public void clear() {
            add(null);
        }

        @Override
        public Iterator<RecordRef> iterator() {
            Iterator<RecordRef> walk = few != null ? java.util.Arrays.asList(few).iterator() : records.iterator();
            return new Iterator<>() { // no remove: the copy is unmodifiable
                @Override
                public boolean hasNext() {
                    return walk.hasNext();
                }

                @Override
                public RecordRef next() {
                    return walk.next();
                }
            };
        }
    }
}
