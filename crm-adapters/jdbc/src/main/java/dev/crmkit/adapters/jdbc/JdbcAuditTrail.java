package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Origin;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.kit.archive.Archive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit trail in {@code audit_entry} and {@code audit_change} (migration V33): an entry and its field changes are
 * inserted in the running unit of work, so they commit or roll back with the change; lists are keyset pages on
 * {@code (occurred_at, seq)} read from the per-record and per-actor indexes; retention deletes by time. Thread-safe.
 */
final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "SELECT id, seq, actor, origin, occurred_at, audit_action, record_type, "
            + "record_id, note FROM {audit_entry} ";

    private final Jdbc jdbc;

    JdbcAuditTrail(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        jdbc.tx.write(c -> {
            insert(c, List.of(entry));
            return null;
        });
    }

    /** Inserts entries and their changes, each table in one JDBC batch. */
    private void insert(Connection c, List<AuditEntry> entries) throws SQLException {
        jdbc.batch(c, jdbc.sql("INSERT INTO {audit_entry} (id, actor, origin, occurred_at, audit_action, "
                + "record_type, record_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), entries, entry -> new Object[]{
                entry.id(), entry.actor().toString(), entry.origin().name(), entry.at(), entry.action().name(),
                entry.record().<Object>map(r -> r.type().name()).orElse(Jdbc.Null.TEXT),
                entry.record().<Object>map(RecordRef::id).orElse(Jdbc.Null.UUID), entry.note()});
        List<Object[]> changes = new ArrayList<>();
        for (AuditEntry entry : entries) {
            for (int i = 0; i < entry.changes().size(); i++) {
                FieldChange fc = entry.changes().get(i);
                changes.add(new Object[]{entry.id(), i, fc.field(), Jdbc.text(fc.before()), Jdbc.text(fc.after())});
            }
        }
        jdbc.batch(c, jdbc.sql("INSERT INTO {audit_change} (entry_id, pos, field, before_value, after_value) "
                + "VALUES (?, ?, ?, ?, ?)"), changes, row -> row);
    }

    @Override
    public Page<AuditEntry> forRecord(RecordRef record, PageRequest page) {
        Objects.requireNonNull(record, "record");
        return page(jdbc.sql(COLUMNS + "WHERE record_type = ? AND record_id = ?"), page, record.type().name(),
                record.id());
    }

    @Override
    public Page<AuditEntry> byActor(Actor actor, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        return page(jdbc.sql(COLUMNS + "WHERE actor = ?"), page, actor.toString());
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return jdbc.tx.write(c -> {
            jdbc.update(c, jdbc.sql("DELETE FROM {audit_change} WHERE entry_id IN "
                    + "(SELECT id FROM {audit_entry} WHERE occurred_at < ?)"), cutoff);
            return (long) jdbc.update(c, jdbc.sql("DELETE FROM {audit_entry} WHERE occurred_at < ?"), cutoff);
        });
    }

    private Page<AuditEntry> page(String select, PageRequest request, Object... params) {
        Objects.requireNonNull(request, "page");
        Jdbc.checkCursor(request);
        return jdbc.tx.read(c -> {
            Page<AuditEntry> bare = jdbc.page(c, select, "occurred_at", "seq", false, request, this::entry,
                    AuditEntry::at, params);
            Map<UUID, List<FieldChange>> changes = changes(c, bare.items());
            return bare.map(e -> withChanges(e, changes));
        });
    }

    /**
     * The archive of the entries with their field changes, keyed by id: export and restore only. A restored entry
     * is appended as it was; its {@code seq} is the next one, so entries with equal times list in restore order.
     */
    Archive<AuditEntry> archive() {
        JdbcArchive<AuditEntry> bare = new JdbcArchive<>(jdbc, "audit entry", "audit_entry", "id", this::entry,
                e -> e.id().toString(), (c, e) -> append(e)).restoringAll(this::insert);
        return new Archive<>() {
            @Override
            public List<AuditEntry> after(Optional<String> after, int limit) {
                return jdbc.tx.read(c -> {
                    List<AuditEntry> page = bare.after(after, limit);
                    Map<UUID, List<FieldChange>> changes = changes(c, page);
                    return page.stream().map(e -> withChanges(e, changes)).toList();
                });
            }

            @Override
            public String key(AuditEntry record) {
                return bare.key(record);
            }

            @Override
            public boolean contains(String key) {
                return bare.contains(key);
            }

            @Override
            public void restore(AuditEntry record) {
                bare.restore(record);
            }
        };
    }

    private static AuditEntry withChanges(AuditEntry e, Map<UUID, List<FieldChange>> changes) {
        return new AuditEntry(e.id(), e.actor(), e.origin(), e.at(), e.action(), e.record(),
                changes.getOrDefault(e.id(), List.of()), e.note());
    }

    private Map<UUID, List<FieldChange>> changes(Connection c, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(entries.size(), "?"));
        Map<UUID, List<FieldChange>> out = new HashMap<>();
        jdbc.list(c, jdbc.sql("SELECT entry_id, pos, field, before_value, after_value FROM {audit_change} "
                        + "WHERE entry_id IN (" + marks + ") ORDER BY entry_id, pos"),
                rs -> out.computeIfAbsent(jdbc.dialect.getUuid(rs, "entry_id"), id -> new ArrayList<>())
                        .add(new FieldChange(rs.getString("field"), Optional.ofNullable(rs.getString("before_value")),
                                Optional.ofNullable(rs.getString("after_value")))),
                entries.stream().map(AuditEntry::id).toArray());
        return out;
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        String type = rs.getString("record_type");
        Optional<RecordRef> record = type == null ? Optional.empty()
                : Optional.of(new RecordRef(RecordType.valueOf(type), jdbc.dialect.getUuid(rs, "record_id")));
        return new AuditEntry(jdbc.dialect.getUuid(rs, "id"), Actor.parse(rs.getString("actor")),
                Origin.valueOf(rs.getString("origin")), jdbc.dialect.getInstant(rs, "occurred_at"),
                AuditAction.valueOf(rs.getString("audit_action")), record, List.of(), rs.getString("note"));
    }
}
