package dev.crmkit.adapters.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.ContactMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.ContactAlias;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Merges in a relational database. Re-pointing is one statement per record, guarded by its version like every other
 * write, so a node that read the record before the merge gets a stale version instead of writing the old reference
 * back; the re-pointed versioned tables are {@code lead}, {@code task} and {@code deal}, the timeline's
 * {@code activity} (its {@code about} JSON) and {@code activity_about} rows, and {@code contact_alias}. The merge
 * record is {@code contact_merge} with its {@code contact_merge_snapshot} rows. Thread-safe.
 */
final class JdbcContactMerges implements ContactMerges {

    private static final TypeReference<List<Repointed>> REPOINTED = new TypeReference<>() {
    };
    private static final String CONTACT = RecordType.CONTACT.name();
    /**
     * The record type of a parked {@code activity_about} row: the row of a merged-away contact on an entry that also
     * belongs to the survivor. It is on no timeline, and keeps its insertion number for the unmerge that parks it back.
     */
    private static final String PARKED = "MERGED";

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final JdbcContacts contacts;
    private final Map<Repointed.Kind, Versioned> versioned = new EnumMap<>(Repointed.Kind.class);
    private final String selectActivities;
    private final String selectActivity;
    private final String updateAbout;
    private final String moveAboutRow;
    private final String parkAboutRow;
    private final String selectAliases;
    private final String moveAlias;
    private final String insertAlias;
    private final String deleteAlias;
    private final String insertMerge;
    private final String selectMerge;
    private final String selectSnapshots;
    private final String markUndone;

    /** The statements of one versioned table that refers to a contact by one column. */
    private record Versioned(String select, String repoint, String version, String putBack) {
    }

    JdbcContactMerges(Jdbc jdbc, JdbcContacts contacts) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        this.contacts = contacts;
        String json = dialect.json();
        versioned.put(Repointed.Kind.LEAD, versioned("lead", "contact_id", ""));
        versioned.put(Repointed.Kind.TASK, versioned("task", "related_id", " AND related_type = '" + CONTACT + "'"));
        versioned.put(Repointed.Kind.DEAL, versioned("deal", "contact_id", ""));
        selectActivities = jdbc.sql("SELECT id, about FROM {activity} WHERE id IN (SELECT activity_id FROM "
                + "{activity_about} WHERE record_type = ? AND record_id = ?) ORDER BY id");
        selectActivity = jdbc.sql("SELECT id, about FROM {activity} WHERE id = ?");
        updateAbout = jdbc.sql("UPDATE {activity} SET about = " + json + " WHERE id = ?");
        moveAboutRow = jdbc.sql("UPDATE {activity_about} SET record_id = ? WHERE record_type = ? AND record_id = ? "
                + "AND activity_id = ?");
        parkAboutRow = jdbc.sql("UPDATE {activity_about} SET record_type = ? WHERE record_type = ? AND record_id = ? "
                + "AND activity_id = ?");
        selectAliases = jdbc.sql("SELECT merged_id FROM {contact_alias} WHERE survivor_id = ? ORDER BY merged_id");
        moveAlias = jdbc.sql("UPDATE {contact_alias} SET survivor_id = ? WHERE merged_id = ?");
        insertAlias = jdbc.sql("INSERT INTO {contact_alias} (merged_id, survivor_id, merge_id) VALUES (?, ?, ?)");
        deleteAlias = jdbc.sql("DELETE FROM {contact_alias} WHERE merged_id = ?");
        insertMerge = jdbc.sql("INSERT INTO {contact_merge} (id, survivor_id, survivor_version_after, activity_id, "
                + "repointed, merged_at, undone_at) VALUES (?, ?, ?, ?, " + json + ", ?, ?)");
        selectMerge = jdbc.sql("SELECT * FROM {contact_merge} WHERE id = ?");
        selectSnapshots = jdbc.sql("SELECT * FROM {contact_merge_snapshot} WHERE merge_id = ? ORDER BY snapshot_no");
        markUndone = jdbc.sql("UPDATE {contact_merge} SET undone_at = ? WHERE id = ?");
    }

    private Versioned versioned(String table, String column, String filter) {
        String t = "{" + table + "}";
        return new Versioned(
                jdbc.sql("SELECT id, version FROM " + t + " WHERE " + column + " = ?" + filter + " ORDER BY id"),
                jdbc.sql("UPDATE " + t + " SET " + column + " = ?, version = version + 1 WHERE id = ? AND version = ?"),
                jdbc.sql("SELECT version FROM " + t + " WHERE id = ?"),
                jdbc.sql("UPDATE " + t + " SET " + column + " = ?, version = version - 1 "
                        + "WHERE id = ? AND version = ?"));
    }

    @Override
    public List<Repointed> retire(Contact merged, ContactId survivor, MergeId merge) {
        Objects.requireNonNull(merge, "merge");
        return jdbc.tx.write(c -> {
            UUID from = merged.id().value();
            UUID to = survivor.value();
            List<Repointed> out = new ArrayList<>();
            for (Map.Entry<Repointed.Kind, Versioned> e : versioned.entrySet()) {
                Versioned v = e.getValue();
                for (long[] row : idsAndVersions(c, v.select(), from)) {
                    UUID id = new UUID(row[0], row[1]);
                    if (jdbc.update(c, v.repoint(), to, id, row[2]) == 0) {
                        throw new StaleVersionException(e.getKey().name().toLowerCase(Locale.ROOT), id.toString(),
                                row[2]);
                    }
                    out.add(Repointed.of(e.getKey(), id, from, to, row[2] + 1));
                }
            }
            RecordRef gone = ref(from);
            RecordRef kept = ref(to);
            for (Map.Entry<UUID, List<String>> a : activities(c, selectActivities, CONTACT, from).entrySet()) {
                Set<String> about = new LinkedHashSet<>();
                a.getValue().forEach(r -> about.add(r.equals(gone.toString()) ? kept.toString() : r));
                jdbc.update(c, updateAbout, jdbc.json.strings(List.copyOf(about)), a.getKey());
                if (a.getValue().contains(kept.toString())) {
                    jdbc.update(c, parkAboutRow, PARKED, CONTACT, from, a.getKey());
                } else {
                    jdbc.update(c, moveAboutRow, to, CONTACT, from, a.getKey());
                }
                out.add(new Repointed(Repointed.Kind.ACTIVITY, a.getKey(), from, to, 0, a.getValue()));
            }
            for (UUID earlier : jdbc.list(c, selectAliases, rs -> dialect.getUuid(rs, "merged_id"), from)) {
                jdbc.update(c, moveAlias, to, earlier);
                out.add(Repointed.of(Repointed.Kind.ALIAS, earlier, from, to, 0));
            }
            contacts.retire(c, merged);
            jdbc.update(c, insertAlias, from, to, merge.value());
            return out;
        });
    }

    /** Each row as {most significant bits, least significant bits, version}. */
    private List<long[]> idsAndVersions(Connection c, String sql, UUID contact) throws SQLException {
        return jdbc.list(c, sql, rs -> {
            UUID id = dialect.getUuid(rs, "id");
            return new long[] {id.getMostSignificantBits(), id.getLeastSignificantBits(), rs.getLong("version")};
        }, contact);
    }

    private Map<UUID, List<String>> activities(Connection c, String sql, Object... params) throws SQLException {
        Map<UUID, List<String>> out = new java.util.LinkedHashMap<>();
        for (Object[] row : jdbc.list(c, sql, rs -> new Object[] {dialect.getUuid(rs, "id"),
                jdbc.json.strings(dialect.getJson(rs, "about"))}, params)) {
            @SuppressWarnings("unchecked")
            List<String> about = (List<String>) row[1];
            out.put((UUID) row[0], about);
        }
        return out;
    }

    @Override
    public void save(ContactMerge merge) {
        jdbc.tx.write(c -> {
            UUID id = merge.id().value();
            jdbc.update(c, insertMerge, id, merge.survivor().value(), merge.survivorVersionAfter(),
                    merge.activityId().value(), jdbc.json.write(merge.repointed()), merge.mergedAt(),
                    merge.undoneAt().map(Object.class::cast).orElse(Jdbc.Null.INSTANT));
            contacts.snapshot(c, id, 0, merge.survivorBefore());
            for (int i = 0; i < merge.mergedAway().size(); i++) {
                contacts.snapshot(c, id, i + 1, merge.mergedAway().get(i));
            }
            return null;
        });
    }

    @Override
    public Optional<ContactMerge> find(MergeId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> {
            Optional<Object[]> row = jdbc.one(c, selectMerge, rs -> new Object[] {
                    rs.getLong("survivor_version_after"), dialect.getUuid(rs, "activity_id"),
                    dialect.getJson(rs, "repointed"), dialect.getInstant(rs, "merged_at"),
                    dialect.getInstant(rs, "undone_at")}, id.value());
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = row.get();
            List<Contact> snapshots = jdbc.list(c, selectSnapshots, contacts::map, id.value());
            return Optional.of(new ContactMerge(id, snapshots.get(0), (Long) r[0], snapshots.subList(1,
                    snapshots.size()), jdbc.json.read((String) r[2], REPOINTED), new ActivityId((UUID) r[1]),
                    (Instant) r[3], Optional.ofNullable((Instant) r[4])));
        });
    }

    @Override
    public List<String> conflicts(ContactMerge merge) {
        return jdbc.tx.read(c -> {
            List<String> out = new ArrayList<>();
            for (Repointed r : merge.repointed()) {
                String what = r.kind().name().toLowerCase(Locale.ROOT) + " " + r.id();
                if (r.kind() == Repointed.Kind.ALIAS) {
                    if (!contacts.aliasOf(c, r.id()).equals(Optional.of(r.to()))) {
                        out.add("contact " + r.id() + " no longer resolves to " + r.to());
                    }
                } else if (r.kind() == Repointed.Kind.ACTIVITY) {
                    if (activities(c, selectActivity, r.id()).isEmpty()) {
                        out.add(what + " is no longer stored");
                    }
                } else {
                    Optional<Long> now = jdbc.one(c, versioned.get(r.kind()).version(), rs -> rs.getLong(1), r.id());
                    if (now.isEmpty()) {
                        out.add(what + " is no longer stored");
                    } else if (now.get() != r.versionAfter()) {
                        out.add(what + " changed since the merge (version " + r.versionAfter() + " then, "
                                + now.get() + " now)");
                    }
                }
            }
            return out;
        });
    }

    @Override
    public ContactMerge undo(ContactMerge merge, Instant at) {
        return jdbc.tx.write(c -> {
            contacts.restore(c, merge.survivorBefore());
            for (Contact gone : merge.mergedAway()) {
                jdbc.update(c, deleteAlias, gone.id().value());
                contacts.reinstate(c, gone);
            }
            List<Repointed> backwards = new ArrayList<>(merge.repointed());
            Collections.reverse(backwards);
            for (Repointed r : backwards) {
                putBack(c, r);
            }
            jdbc.update(c, markUndone, at, merge.id().value());
            return merge.undone(at);
        });
    }

    private void putBack(Connection c, Repointed r) throws SQLException {
        if (r.kind() == Repointed.Kind.ALIAS) {
            jdbc.update(c, moveAlias, r.from(), r.id());
        } else if (r.kind() == Repointed.Kind.ACTIVITY) {
            jdbc.update(c, updateAbout, jdbc.json.strings(r.refsBefore()), r.id());
            if (r.refsBefore().contains(ref(r.to()).toString())) {
                jdbc.update(c, parkAboutRow, CONTACT, PARKED, r.from(), r.id());
            } else {
                jdbc.update(c, moveAboutRow, r.from(), CONTACT, r.to(), r.id());
            }
        } else if (jdbc.update(c, versioned.get(r.kind()).putBack(), r.from(), r.id(), r.versionAfter()) == 0) {
            throw new StaleVersionException(r.kind().name().toLowerCase(Locale.ROOT), r.id().toString(),
                    r.versionAfter());
        }
    }

    /**
     * The archive of the merge records, keyed by merge id. Restoring a merge in force also writes what the merge left
     * behind that no other archive holds: the rows of its merged-away contacts (one version up, without e-mails,
     * phones or company links) and the parked timeline rows of entries about both contacts, so unmerge works.
     */
    Archive<ContactMerge> archive() {
        String park = jdbc.sql("INSERT INTO {activity_about} (record_type, record_id, occurred_at, activity_id, "
                + "activity_type, visibility, owner_id) SELECT ?, ?, occurred_at, id, activity_type, visibility, "
                + "owner_id FROM {activity} WHERE id = ?");
        JdbcArchive<MergeId> ids = new JdbcArchive<>(jdbc, "contact merge", "contact_merge", "id",
                rs -> new MergeId(dialect.getUuid(rs, "id")), MergeId::toString, (c, m) -> {
                    throw new IllegalStateException("merge ids are restored with their merge");
                });
        return new Archive<>() {
            @Override
            public List<ContactMerge> after(Optional<String> after, int limit) {
                return jdbc.tx.read(c -> ids.after(after, limit).stream().map(id -> find(id).orElseThrow()).toList());
            }

            @Override
            public String key(ContactMerge record) {
                return record.id().toString();
            }

            @Override
            public boolean contains(String key) {
                return ids.contains(key);
            }

            @Override
            public void restore(ContactMerge merge) {
                jdbc.tx.write(c -> {
                    if (ids.contains(key(merge))) {
                        throw new IllegalArgumentException("contact merge " + merge.id() + " is already stored");
                    }
                    save(merge);
                    if (merge.undoneAt().isEmpty()) {
                        for (Contact gone : merge.mergedAway()) {
                            contacts.retired(c, gone);
                        }
                        for (Repointed r : merge.repointed()) {
                            if (r.kind() == Repointed.Kind.ACTIVITY
                                    && r.refsBefore().contains(ref(r.to()).toString())) {
                                jdbc.update(c, park, PARKED, r.from(), r.id());
                            }
                        }
                    }
                    return null;
                });
            }
        };
    }

    /** The archive of the aliases of merged-away contacts, keyed by the merged-away id. */
    JdbcArchive<ContactAlias> aliasArchive() {
        return new JdbcArchive<>(jdbc, "contact alias", "contact_alias", "merged_id",
                rs -> new ContactAlias(new ContactId(dialect.getUuid(rs, "merged_id")),
                        new ContactId(dialect.getUuid(rs, "survivor_id")), new MergeId(dialect.getUuid(rs, "merge_id"))),
                a -> a.merged().toString(), (c, a) -> jdbc.update(c, insertAlias, a.merged().value(),
                        a.survivor().value(), a.merge().value()));
    }

    private static RecordRef ref(UUID contact) {
        return new RecordRef(RecordType.CONTACT, contact);
    }
}
