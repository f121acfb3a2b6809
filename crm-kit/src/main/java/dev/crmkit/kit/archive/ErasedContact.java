package dev.crmkit.kit.archive;

import dev.crmkit.core.contact.ContactId;

import java.time.Instant;
import java.util.Objects;

/**
 * The mark of an erased contact ({@link dev.crmkit.core.privacy.PersonalData#isErased}) in the full export: a contact
 * whose person's data an erasure (or the retention job) anonymized, by contact id only, and when. Restored as it was,
 * so a restored store still refuses edits, consent entries, merges and unmerges of the anonymized contact (rule
 * {@code erased}) instead of writing new personal values onto it. Immutable and thread-safe.
 *
 * @param contact the erased contact (a surviving one or one merged into it); its id is the archive key
 * @param at      when it was erased
 */
public record ErasedContact(ContactId contact, Instant at) {

    /** Checks the parts. */
    public ErasedContact {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(at, "at");
    }
}
