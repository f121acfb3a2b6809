package dev.crmkit.core.privacy;

import dev.crmkit.core.contact.ContactId;

import java.util.Collection;
import java.util.List;

/**
 * The store port of the consent history: append-only, one entry per consent change, written in the unit of work of
 * the change. An erasure ({@link PersonalData#erase}) blanks the entries' sources and keeps channel, status and time.
 * Implementations are thread-safe.
 */
public interface ConsentHistory {

    /** Appends an entry in the running unit of work. */
    void append(ConsentChange change);

    /** The entries of the contacts (a person and the contacts merged into them), oldest first. */
    List<ConsentChange> of(Collection<ContactId> contacts);

    /**
     * Whether this store keeps a history ({@code false} only for {@link #unsupported()}): capture appends its consent
     * only to a kept history, so a store without one still captures.
     */
    default boolean kept() {
        return true;
    }

    /** A store without a consent history: appends fail, lists are empty. */
    static ConsentHistory unsupported() {
        return new ConsentHistory() {
            @Override
            public void append(ConsentChange change) {
                throw new UnsupportedOperationException("this store keeps no consent history");
            }

            @Override
            public List<ConsentChange> of(Collection<ContactId> contacts) {
                return List.of();
            }

            @Override
            public boolean kept() {
                return false;
            }
        };
    }
}
