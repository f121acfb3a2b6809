package dev.crmkit.kit.archive;

import dev.crmkit.core.contact.ContactId;

import java.time.Instant;
import java.util.Objects;

/**
 * A claim of the retention job ({@link dev.crmkit.core.privacy.RetentionStore#claimPerson}) in the full export: a
 * person already anonymized by retention, by contact id only, and when. Restored as it was, so the job run on a
 * restored store neither anonymizes nor counts the person again. Immutable and thread-safe.
 *
 * @param contact the person's contact; its id is the archive key
 * @param at      when the claim was made
 */
public record RetentionClaim(ContactId contact, Instant at) {

    /** Checks the parts. */
    public RetentionClaim {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(at, "at");
    }
}
