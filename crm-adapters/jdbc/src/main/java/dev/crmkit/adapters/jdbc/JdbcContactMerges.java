package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.ContactMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
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
        super(jdbc, RecordType.CONTACT, contacts, ContactId::value, Contact::version, UndoSteps::written,
                ContactMerge::undone, "contact_id");
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

    /** The archive of the aliases of merged-away contacts, keyed by the merged-away id. */
    JdbcArchive<ContactAlias> aliasArchive() {
        return aliasArchive((merged, survivor, merge) -> new ContactAlias(new ContactId(merged),
                new ContactId(survivor), merge), a -> a.merged().value(), a -> a.survivor().value(),
                ContactAlias::merge);
    }
}
