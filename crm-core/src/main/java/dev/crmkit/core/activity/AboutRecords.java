package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.RecordRef;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The unmodifiable copy of the records a timeline entry (and its event) is about, in the order given. Most entries are
 * about one record: that copy is a singleton set, which needs no hash table and which the next copy (the entry's
 * event) takes as it is, being immutable itself.
 */
final class AboutRecords {

    private static final Class<?> SINGLETON = Collections.singleton(Boolean.TRUE).getClass();

    private AboutRecords() {
    }

    /**
     * An unmodifiable copy of the references, in their order.
     *
     * @throws NullPointerException naming {@code about} for a null reference
     */
    static Set<RecordRef> copyOf(Set<RecordRef> about) {
        if (about.getClass() == SINGLETON) {
            Objects.requireNonNull(about.iterator().next(), "about");
            return about; // immutable already: nothing to copy
        }
        about.forEach(r -> Objects.requireNonNull(r, "about"));
        if (about.size() == 1) {
            return Collections.singleton(about.iterator().next());
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(about));
    }
}
