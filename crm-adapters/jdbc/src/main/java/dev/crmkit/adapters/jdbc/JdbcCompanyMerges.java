package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.merge.CompanyMerge;
import dev.crmkit.core.merge.CompanyMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.kit.archive.CompanyAlias;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges of companies in a relational database ({@link JdbcMerges}): the merged-away company's row stays but gives up
 * its web domain; contacts affiliated with it are re-pointed first (their rows updated, version raised). The merge
 * record is {@code company_merge} with its {@code company_merge_snapshot} rows (the companies) and
 * {@code company_merge_contact} rows (the affiliated contacts before). Thread-safe.
 */
final class JdbcCompanyMerges extends JdbcMerges<Company, CompanyId, CompanyMerge> implements CompanyMerges {

    private final JdbcCompanies companies;
    private final JdbcContacts contacts;
    private final String selectSnapshots;
    private final String selectContacts;
    private final String selectContactVersion;

    JdbcCompanyMerges(Jdbc jdbc, JdbcCompanies companies, JdbcContacts contacts) {
        super(jdbc, RecordType.COMPANY, companies, CompanyId::value, Company::version, UndoSteps::written,
                CompanyMerge::undone, "company_id");
        this.companies = companies;
        this.contacts = contacts;
        selectSnapshots = jdbc.sql("SELECT * FROM {company_merge_snapshot} WHERE merge_id = ? ORDER BY snapshot_no");
        selectContacts = jdbc.sql("SELECT * FROM {company_merge_contact} WHERE merge_id = ? ORDER BY snapshot_no");
        selectContactVersion = jdbc.sql("SELECT version FROM {contact} WHERE id = ? AND id NOT IN "
                + "(SELECT merged_id FROM {contact_alias})");
    }

    @Override
    public List<Contact> affiliatedWith(CompanyId company) {
        Objects.requireNonNull(company, "company");
        return jdbc.tx.read(c -> contacts.affiliatedWith(c, company.value()));
    }

    @Override
    List<Repointed> retireFirst(Connection c, Company merged, UUID to) throws SQLException {
        List<Repointed> out = new ArrayList<>();
        UUID from = merged.id().value();
        for (Contact contact : contacts.affiliatedWith(c, from)) {
            Contact after = contacts.update(CompanyMerges.reaffiliated(contact, merged.id(), new CompanyId(to)));
            out.add(Repointed.of(Repointed.Kind.CONTACT, contact.id().value(), from, to, after.version()));
        }
        return out;
    }

    @Override
    Optional<Long> versionOfOther(Connection c, Repointed r) throws SQLException {
        return jdbc.one(c, selectContactVersion, rs -> rs.getLong(1), r.id());
    }

    @Override
    void undoLast(Connection c, CompanyMerge merge, Instant at) throws SQLException {
        // a contact re-pointed from two merged-away companies is restored from its first snapshot, a version up
        // from its last re-pointing (UndoSteps), and only if the merge left it at that version
        Map<UUID, Repointed> last = new HashMap<>();
        Repointed.lastOfEach(merge.repointed()).stream().filter(r -> r.kind() == Repointed.Kind.CONTACT)
                .forEach(r -> last.put(r.id(), r));
        Map<UUID, Contact> first = new LinkedHashMap<>();
        merge.contactsBefore().forEach(before -> first.putIfAbsent(before.id().value(), before));
        for (Contact before : first.values()) {
            Repointed r = last.get(before.id().value());
            if (r != null) { // a snapshot the merge did not re-point (un-affiliated between its reads) stays as it is
                contacts.restore(c, UndoSteps.written(before, UndoSteps.putBackVersion(r), at), r.versionAfter());
            }
        }
    }

    @Override
    UUID uuid(Company record) {
        return record.id().value();
    }

    @Override
    void saveSnapshots(Connection c, CompanyMerge merge) throws SQLException {
        snapshotRecords(c, merge, companies::snapshot);
        UUID id = merge.id().value();
        for (int i = 0; i < merge.contactsBefore().size(); i++) {
            contacts.companyMergeSnapshot(c, id, i, merge.contactsBefore().get(i));
        }
    }

    @Override
    CompanyMerge read(Connection c, MergeId id, long survivorVersionAfter, ActivityId activityId,
                      List<Repointed> repointed, Instant mergedAt, Optional<Instant> undoneAt) throws SQLException {
        List<Company> snapshots = jdbc.list(c, selectSnapshots, companies::map, id.value());
        List<Contact> before = jdbc.list(c, selectContacts, contacts::map, id.value());
        return new CompanyMerge(id, snapshots.get(0), survivorVersionAfter, snapshots.subList(1, snapshots.size()),
                before, repointed, activityId, mergedAt, undoneAt);
    }

    /** The archive of the aliases of merged-away companies, keyed by the merged-away id. */
    JdbcArchive<CompanyAlias> aliasArchive() {
        return aliasArchive((merged, survivor, merge) -> new CompanyAlias(new CompanyId(merged),
                new CompanyId(survivor), merge),
                a -> a.merged().value(), a -> a.survivor().value(), CompanyAlias::merge);
    }
}
