package dev.crmkit.core.privacy;

import dev.crmkit.core.contact.ContactId;

import java.util.Objects;

/** What {@link PersonalDataRights#erase} did. */
public sealed interface ErasureOutcome {

    /**
     * The person's data was erased in one unit of work.
     *
     * @param contact    the contact whose data was erased (its row stays, anonymous)
     * @param counts     rows touched per table
     * @param suppressed how many new hashes went on the suppression list
     */
    record Erased(ContactId contact, ErasureCounts counts, int suppressed) implements ErasureOutcome {
        /** Validates presence. */
        public Erased {
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(counts, "counts");
        }
    }

    /**
     * Nobody is stored under the key (perhaps erased before); nothing changed.
     *
     * @param key the key asked for
     */
    record NotFound(PersonKey key) implements ErasureOutcome {
        /** Validates presence. */
        public NotFound {
            Objects.requireNonNull(key, "key");
        }
    }
}
