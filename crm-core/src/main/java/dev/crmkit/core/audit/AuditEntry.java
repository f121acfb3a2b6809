package dev.crmkit.core.audit;

import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Origin;
import dev.crmkit.core.kernel.RecordRef;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the audit trail. Entries are never changed; only retention removes them. Immutable and thread-safe.
 *
 * @param id      the identity
 * @param actor   who acted
 * @param origin  through what
 * @param at      when, from the clock
 * @param action  what kind of thing happened
 * @param record  the record it is about, if it is about one
 * @param changes the fields that changed, with old and new values (empty for an export or an erasure)
 * @param note    what else there is to say (what was exported, why something was erased), possibly empty
 */
public record AuditEntry(UUID id, Actor actor, Origin origin, Instant at, AuditAction action,
                         Optional<RecordRef> record, List<FieldChange> changes, String note) {

    /** The longest note kept. */
    public static final int MAX_NOTE_LENGTH = 2000;

    /** Validates presence and copies the changes. */
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(record, "record");
        changes = List.copyOf(changes);
        Objects.requireNonNull(note, "note");
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("an audit note is at most " + MAX_NOTE_LENGTH + " characters");
        }
    }
}
