package dev.crmkit.adapters.memory;

import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMerges;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;

import java.time.Instant;
import java.util.Optional;

/**
 * Merges of leads in memory: tasks, timeline entries and deals converted from a merged-away lead are re-pointed
 * ({@link InMemoryMerges}); the merged-away lead leaves the table and its indexes (its external ids are free for the
 * survivor) and its id resolves to the survivor. Thread-safe.
 */
final class InMemoryLeadMerges extends InMemoryMerges<Lead, LeadId, LeadMerge> implements LeadMerges {

    private final InMemoryLeads leads;

    InMemoryLeadMerges(InMemoryTransactions tx, InMemoryLeads leads, InMemoryTasks tasks,
                       InMemoryActivities activities, InMemoryDeals deals) {
        super(tx, RecordType.LEAD, leads.aliases(), LeadId::new, LeadId::value, Lead::version,
                UndoSteps::written, tasks, activities);
        this.leads = leads;
        link(new Link<>(Repointed.Kind.DEAL, deals.rows(), DealId::new, Deal::id, DealId::value,
                d -> d.leadId().map(LeadId::value), (d, to) -> d.withLeadRef(Optional.of(new LeadId(to))),
                InMemoryDeals::changedAt));
    }

    @Override
    public Optional<LeadMerge> findByMergedAway(LeadId lead) {
        java.util.Objects.requireNonNull(lead, "lead");
        return all().stream().filter(m -> m.undoneAt().isEmpty() && m.mergedIds().contains(lead))
                .min(java.util.Comparator.comparing(m -> m.id().toString()));
    }

    @Override
    public java.util.List<LeadMerge> findBySurvivor(LeadId lead) {
        java.util.Objects.requireNonNull(lead, "lead");
        return all().stream().filter(m -> m.undoneAt().isEmpty() && m.survivor().equals(lead))
                .sorted(java.util.Comparator.comparing(LeadMerge::mergedAt).thenComparing(m -> m.id().toString()))
                .toList();
    }

    @Override
    LeadId idOfRecord(Lead record) {
        return record.id();
    }

    @Override
    LeadMerge stepped(LeadMerge merge, UndoSteps steps) {
        return steps.apply(merge);
    }

    @Override
    void restore(Lead exact) {
        leads.restore(exact);
    }

    @Override
    Instant changedAt(Lead record) {
        return record.updatedAt();
    }

    @Override
    LeadMerge undone(LeadMerge merge, Instant at) {
        return merge.undone(at);
    }
}
