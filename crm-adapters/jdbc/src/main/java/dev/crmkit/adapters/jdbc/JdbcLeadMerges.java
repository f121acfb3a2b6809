package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.kit.archive.LeadAlias;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges of leads in a relational database ({@link JdbcMerges}): the merged-away lead's row stays but gives up its
 * external ids (the survivor takes them over) and leaves the lists; tasks, timeline entries and deals converted from it
 * ({@code deal.lead_id}) are re-pointed. The merge record is {@code lead_merge} with its {@code lead_merge_snapshot}
 * rows (V51). Thread-safe.
 */
final class JdbcLeadMerges extends JdbcMerges<Lead, LeadId, LeadMerge> implements LeadMerges {

    private final JdbcLeads leads;
    private final String selectSnapshots;
    private final String selectMergedAway;
    private final String selectBySurvivor;

    JdbcLeadMerges(Jdbc jdbc, JdbcLeads leads) {
        super(jdbc, RecordType.LEAD, leads, LeadId::value, Lead::version, UndoSteps::written,
                LeadMerge::undone, "lead_id");
        this.leads = leads;
        selectSnapshots = jdbc.sql("SELECT * FROM {lead_merge_snapshot} WHERE merge_id = ? ORDER BY snapshot_no");
        selectMergedAway = jdbc.sql("SELECT m.id FROM {lead_merge} m JOIN {lead_merge_snapshot} s "
                + "ON s.merge_id = m.id WHERE s.id = ? AND s.snapshot_no > 0 AND m.undone_at IS NULL ORDER BY m.id");
        // index lead_merge_survivor (survivor_id, merged_at), V51
        selectBySurvivor = jdbc.sql("SELECT id FROM {lead_merge} WHERE survivor_id = ? AND undone_at IS NULL "
                + "ORDER BY merged_at, id");
    }

    @Override
    public List<LeadMerge> findBySurvivor(LeadId lead) {
        java.util.Objects.requireNonNull(lead, "lead");
        List<UUID> merges = jdbc.tx.read(c -> jdbc.list(c, selectBySurvivor, rs -> jdbc.dialect.getUuid(rs, "id"),
                lead.value()));
        List<LeadMerge> out = new java.util.ArrayList<>();
        merges.forEach(id -> find(new MergeId(id)).ifPresent(out::add));
        out.sort(java.util.Comparator.comparing(LeadMerge::mergedAt).thenComparing(m -> m.id().toString()));
        return out;
    }

    @Override
    public Optional<LeadMerge> findByMergedAway(LeadId lead) {
        java.util.Objects.requireNonNull(lead, "lead");
        Optional<UUID> merge = jdbc.tx.read(c -> jdbc.list(c, selectMergedAway,
                rs -> jdbc.dialect.getUuid(rs, "id"), lead.value()).stream().findFirst());
        return merge.flatMap(id -> find(new MergeId(id)));
    }

    @Override
    UUID uuid(Lead record) {
        return record.id().value();
    }

    @Override
    void saveSnapshots(Connection c, LeadMerge merge) throws SQLException {
        snapshotRecords(c, merge, leads::snapshot);
    }

    @Override
    LeadMerge read(Connection c, MergeId id, long survivorVersionAfter, ActivityId activityId,
                   List<Repointed> repointed, Instant mergedAt, Optional<Instant> undoneAt) throws SQLException {
        List<Lead> snapshots = jdbc.list(c, selectSnapshots, leads::map, id.value());
        return new LeadMerge(id, snapshots.get(0), survivorVersionAfter, snapshots.subList(1, snapshots.size()),
                repointed, activityId, mergedAt, undoneAt);
    }

    /** The archive of the aliases of merged-away leads, keyed by the merged-away id. */
    JdbcArchive<LeadAlias> aliasArchive() {
        return aliasArchive((merged, survivor, merge) -> new LeadAlias(new LeadId(merged), new LeadId(survivor), merge),
                a -> a.merged().value(), a -> a.survivor().value(), LeadAlias::merge);
    }
}
