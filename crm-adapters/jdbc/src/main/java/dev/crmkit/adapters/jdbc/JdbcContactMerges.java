package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.ContactMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.kit.archive.Archive;
import dev.crmkit.kit.archive.ContactAlias;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges of contacts in a relational database ({@link JdbcMerges}): the merged-away contact's row stays but gives up
 * its e-mails, phones and company links; the merge record is {@code contact_merge} with its
 * {@code contact_merge_snapshot} rows. Thread-safe.
 */
final class JdbcContactMerges extends JdbcMerges<Contact, ContactId, ContactMerge> implements ContactMerges {

    private final JdbcContacts contacts;
    private final String selectSnapshots;

    JdbcContactMerges(Jdbc jdbc, JdbcContacts contacts) {
        super(jdbc, RecordType.CONTACT, contacts, ContactId::value, ContactMerge::undone, "contact_id");
        this.contacts = contacts;
        selectSnapshots = jdbc.sql("SELECT * FROM {contact_merge_snapshot} WHERE merge_id = ? ORDER BY snapshot_no");
    }

    @Override
    UUID uuid(Contact record) {
        return record.id().value();
    }

    @Override
    void saveSnapshots(Connection c, ContactMerge merge) throws SQLException {
        snapshotRecords(c, merge, contacts::snapshot);
    }

    @Override
    ContactMerge read(Connection c, MergeId id, long survivorVersionAfter, ActivityId activityId,
                      List<Repointed> repointed, Instant mergedAt, Optional<Instant> undoneAt) throws SQLException {
        List<Contact> snapshots = jdbc.list(c, selectSnapshots, contacts::map, id.value());
        return new ContactMerge(id, snapshots.get(0), survivorVersionAfter, snapshots.subList(1, snapshots.size()),
                repointed, activityId, mergedAt, undoneAt);
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
}
