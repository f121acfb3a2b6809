package dev.crmkit.core.audit;

import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.RecordRef;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How use cases write the audit trail: the entry takes its actor and origin from {@link CurrentActor}, its time
 * from the clock and its id from the id generator, and is appended in the running unit of work, so it commits or
 * rolls back with the change it records. Thread-safe.
 */
public final class AuditLog {

    private final AuditTrail trail;
    private final CurrentActor actor;
    private final Context context;

    /** Wires the log; {@code dev.crmkit.core.Crm} does this for you. */
    public AuditLog(AuditTrail trail, CurrentActor actor, Context context) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Records changed fields of a record; nothing when no field changed. */
    public void changed(RecordRef record, List<FieldChange> changes) {
        if (!changes.isEmpty()) {
            record(AuditAction.CHANGE, Optional.of(record), changes, "");
        }
    }

    /** Records an entry of any kind. */
    public void record(AuditAction action, Optional<RecordRef> record, List<FieldChange> changes, String note) {
        if (!trail.keeps()) {
            return;
        }
        AuditEntry entry = new AuditEntry(context.ids().next(), actor.actor(), actor.origin(),
                context.clock().instant(), action, record, changes, note);
        context.transactions().run(() -> trail.append(entry));
    }
}
