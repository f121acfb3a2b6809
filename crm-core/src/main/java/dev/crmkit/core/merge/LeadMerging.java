package dev.crmkit.core.merge;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merging duplicate leads in one unit of work, and undoing such a merge. The survivor is the one named, else the one
 * a {@link SurvivorRule} picks (ties: the oldest, then the one listed first). Field survivorship: the survivor keeps
 * its contact, source, status and owner when it has one; every other empty field (company, e-mail, phone, request,
 * company name, owner, name, custom values) takes the first filled value in survivor-first order; the external ids
 * (with their submission fingerprints) are united, so a repeat submission of a merged-away lead's id lands on the
 * survivor; the submissions are added up. Tasks, timeline entries and deals converted from a merged-away lead are
 * re-pointed to the survivor, and its id resolves to the survivor. A {@link LeadField} chosen from a named lead takes
 * that lead's value instead, even over the survivor's. Thread-safe.
 */
public final class LeadMerging {

    private static final int ATTEMPTS = 5;
    private static final MergeSteps<Lead, LeadId> STEPS = new MergeSteps<>(RecordType.LEAD, "lead", "leads",
            Lead::id, LeadId::value, Lead::version);

    private final Leads leads;
    private final LeadMerges merges;
    private final Timeline timeline;
    private final Context context;

    /** Wires the use case; {@link dev.crmkit.core.Crm#leadMerging()} does this for you. */
    public LeadMerging(Leads leads, LeadMerges merges, Timeline timeline, Context context) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.merges = Objects.requireNonNull(merges, "merges");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** {@link #merge(List, Optional, SurvivorRule)} with the most complete lead surviving when none is named. */
    public LeadMergeOutcome merge(List<LeadId> ids, Optional<LeadId> survivor) {
        return merge(ids, survivor, SurvivorRule.MOST_COMPLETE);
    }

    /**
     * Merges the leads into one survivor. Refused (storing nothing) when fewer than two distinct leads are named, one
     * is unknown or already merged away, or the survivor is not among them.
     *
     * @param ids      the leads, in the order listed
     * @param survivor the survivor, if the user names one
     * @param rule     how to pick the survivor when none is named
     */
    public LeadMergeOutcome merge(List<LeadId> ids, Optional<LeadId> survivor, SurvivorRule rule) {
        return merge(ids, survivor, rule, Map.of());
    }

    /**
     * Merges the leads into one survivor as {@link #merge(List, Optional, SurvivorRule)}, taking each field listed in
     * {@code choices} from the lead chosen for it, even when the survivor has a value of its own (an empty value
     * chosen is taken too). Refused (storing nothing) as that method, and also when a field's chosen lead is not among
     * {@code ids} (the violation names the field, e.g. {@code choices.email}).
     *
     * @param ids      the leads, in the order listed
     * @param survivor the survivor, if the user names one
     * @param rule     how to pick the survivor when none is named
     * @param choices  for single-valued fields, the lead (one of {@code ids}) whose value survives
     */
    public LeadMergeOutcome merge(List<LeadId> ids, Optional<LeadId> survivor, SurvivorRule rule,
                                  Map<LeadField, LeadId> choices) {
        List<LeadId> listed = List.copyOf(ids);
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(rule, "rule");
        Map<LeadField, LeadId> fields = Map.copyOf(choices);
        return context.transactions().inTransactionRetrying(ATTEMPTS,
                () -> mergeInUnit(listed, survivor, rule, fields));
    }

    private LeadMergeOutcome mergeInUnit(List<LeadId> ids, Optional<LeadId> chosen, SurvivorRule rule,
                                         Map<LeadField, LeadId> choices) {
        List<Violation> problems = new ArrayList<>(MergeMembers.check("leads", "lead", ids, chosen));
        problems.addAll(MergeMembers.choices("lead", "leads", choices, ids));
        List<Lead> found = STEPS.members(ids, leads::findById, problems);
        if (!problems.isEmpty()) {
            return new LeadMergeOutcome.Refused(problems);
        }
        Map<LeadId, Lead> byId = new LinkedHashMap<>();
        found.forEach(l -> byId.put(l.id(), l));
        List<Lead> inOrder = ids.stream().distinct().map(byId::get).toList();
        Lead survivor = chosen.map(byId::get).orElseGet(() -> rule.choose(inOrder, LeadMerging::completeness,
                Lead::createdAt, this::lastActivity));
        List<Lead> all = STEPS.survivorFirst(survivor, inOrder);
        List<Lead> away = all.subList(1, all.size());
        Instant now = context.clock().instant();
        MergeId mergeId = new MergeId(context.ids().next());
        List<Repointed> repointed = new ArrayList<>();
        for (Lead gone : away) {
            repointed.addAll(merges.retire(gone, survivor.id(), mergeId));
        }
        Map<LeadField, Lead> fields = new EnumMap<>(LeadField.class);
        choices.forEach((field, id) -> fields.put(field, byId.get(id)));
        Lead after = leads.update(combine(all, fields, now));
        ActivityId activityId = new ActivityId(context.ids().next());
        timeline.record(Activity.system(activityId, "Merged " + away.size() + " duplicate lead"
                        + (away.size() == 1 ? "" : "s") + " into " + after.name().full(),
                // ids only: a merged-away lead may be another person's, whose name must not show on (nor be
                // exported with) the survivor's timeline
                "merge " + mergeId + "; merged away: " + away.stream().map(l -> l.id().toString())
                        .collect(Collectors.joining(", ")) + "; re-pointed: " + repointed.size(),
                Set.of(STEPS.ref(after.id())), now));
        LeadMerge merge = new LeadMerge(mergeId, survivor, after.version(), away, repointed, activityId, now,
                Optional.empty());
        merges.save(merge);
        return new LeadMergeOutcome.Merged(merge, after);
    }

    /**
     * Undoes a merge of leads: everything it changed is stored as it was before, each record at a new version one up
     * ({@link UndoSteps}), unless something changed since that would be lost; then nothing changes and the refusal
     * names every conflict.
     */
    public LeadMergeOutcome unmerge(MergeId id) {
        Objects.requireNonNull(id, "id");
        return context.transactions().inTransactionRetrying(ATTEMPTS, () -> unmergeInUnit(id));
    }

    private LeadMergeOutcome unmergeInUnit(MergeId id) {
        MergeSteps.Undo<LeadMerge> undo = STEPS.unmerge("lead merge", id, leads::findById, merges, timeline, context,
                m -> "Lead merge undone: " + m.mergedIds().size() + " restored");
        if (!undo.conflicts().isEmpty()) {
            return new LeadMergeOutcome.Refused(undo.conflicts().stream()
                    .map(c -> new Violation("merge", "undoable", c)).toList());
        }
        return new LeadMergeOutcome.Unmerged(undo.undone().orElseThrow(), undo.entry().orElseThrow());
    }

    /** The merge record with this id. */
    public Optional<LeadMerge> find(MergeId id) {
        return merges.find(Objects.requireNonNull(id, "id"));
    }

    private Instant lastActivity(Lead l) {
        return timeline.of(STEPS.ref(l.id()), TimelineFilter.everything(), PageRequest.first(1)).items().stream()
                .findFirst().map(Activity::occurredAt).orElse(l.updatedAt());
    }

    /** How many values a lead has: one per filled field, external id and custom value. */
    static int completeness(Lead l) {
        int n = (l.name().first().isEmpty() ? 0 : 1) + (l.name().last().isEmpty() ? 0 : 1);
        n += (l.email().isPresent() ? 1 : 0) + (l.phone().isPresent() ? 1 : 0);
        n += (l.companyId().isPresent() ? 1 : 0) + (l.companyName().isEmpty() ? 0 : 1);
        n += (l.request().isEmpty() ? 0 : 1) + (l.owner().isPresent() ? 1 : 0);
        return n + l.externalIds().size() + l.customFields().values().size();
    }

    /**
     * The survivor after the merge (see the class comment), each field listed in {@code chosen} from the lead chosen
     * for it, at the survivor's version, changed at {@code now}.
     */
    static Lead combine(List<Lead> all, Map<LeadField, Lead> chosen, Instant now) {
        Lead s = all.get(0);
        List<String> externalIds = new ArrayList<>();
        Map<String, String> prints = new LinkedHashMap<>();
        CustomFields custom = s.customFields();
        int submissions = 0;
        for (Lead l : all) {
            for (String x : l.externalIds()) {
                if (!externalIds.contains(x)) {
                    externalIds.add(x);
                    Optional.ofNullable(l.fingerprints().get(x)).ifPresent(f -> prints.put(x, f));
                }
            }
            custom = custom.fillEmptyFrom(l.customFields());
            submissions += l.submissions();
        }
        return new Lead(s.id(), s.version(), s.contactId(), first(all, chosen.get(LeadField.COMPANY),
                Lead::companyId), chosen.getOrDefault(LeadField.SOURCE, s).source(), externalIds, prints,
                text(all, chosen.get(LeadField.REQUEST), Lead::request),
                Survivorship.pick(all, chosen.get(LeadField.NAME), Lead::name, n -> !n.isEmpty()),
                first(all, chosen.get(LeadField.EMAIL), Lead::email), first(all, chosen.get(LeadField.PHONE),
                Lead::phone), text(all, chosen.get(LeadField.COMPANY_NAME), Lead::companyName),
                first(all, chosen.get(LeadField.OWNER), Lead::owner), s.status(), s.disqualificationReason(),
                submissions, custom, s.createdAt(), now);
    }

    private static <T> Optional<T> first(List<Lead> all, Lead chosen, Function<Lead, Optional<T>> field) {
        return Survivorship.pick(all, chosen, field, Optional::isPresent);
    }

    private static String text(List<Lead> all, Lead chosen, Function<Lead, String> field) {
        return Survivorship.pick(all, chosen, field, t -> !t.isEmpty());
    }

    /** A timeline reference to a lead. */
    static RecordRef ref(LeadId id) {
        return STEPS.ref(id);
    }
}
