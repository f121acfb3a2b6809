package dev.crmkit.kit.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the suppression list ({@link dev.crmkit.core.privacy.SuppressionList}) in the full export: the salted
 * hash of an erased person's e-mail or phone (never the value) and when it was listed. Restored as it was, so a
 * restored store still flags the person when they come back. Immutable and thread-safe.
 *
 * @param hash the HMAC-SHA256 of the value under the host's salt, in hex; also the archive key
 * @param at   when it was listed
 */
public record SuppressedHash(String hash, Instant at) {

    /** Checks the parts. */
    public SuppressedHash {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
    }
}
