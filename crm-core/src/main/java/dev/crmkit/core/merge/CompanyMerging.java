package dev.crmkit.core.merge;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merging duplicate companies in one unit of work, and undoing such a merge. The survivor is the one named, else the
 * one a {@link SurvivorRule} picks, by default the most complete (ties: the oldest, then the one listed first); it keeps
 * its name, takes the first filled value of each other field (survivor first) and the union of the custom fields; a
 * {@link CompanyField} chosen from a named company takes that company's value instead, even over the survivor's. Contacts' affiliations, leads, tasks, timeline
 * entries and deals of a merged-away company are re-pointed to the survivor, and its id resolves to the survivor.
 * Thread-safe.
 */
public final class CompanyMerging {

    private static final int ATTEMPTS = 5;
    private static final MergeSteps<Company, CompanyId> STEPS = new MergeSteps<>(RecordType.COMPANY, "company",
            "companies", Company::id, CompanyId::value, Company::version);

    private final Companies companies;
    private final CompanyMerges merges;
    private final Timeline timeline;
    private final Context context;

    /** Wires the use case; {@link dev.crmkit.core.Crm#companyMerging()} does this for you. */
    public CompanyMerging(Companies companies, CompanyMerges merges, Timeline timeline, Context context) {
        this.companies = Objects.requireNonNull(companies, "companies");
        this.merges = Objects.requireNonNull(merges, "merges");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Merges the companies into one survivor. Refused (storing nothing) when fewer than two distinct companies are
     * named, one is unknown or already merged away, or the survivor is not among them.
     *
     * @param ids      the companies, in the order listed
     * @param survivor the survivor, if the user names one
     */
    public CompanyMergeOutcome merge(List<CompanyId> ids, Optional<CompanyId> survivor) {
        return merge(ids, survivor, SurvivorRule.MOST_COMPLETE);
    }

    /**
     * Merges the companies into one survivor: the one named, else the one {@code rule} picks (the most complete: most
     * values filled in; the oldest; the one with the latest timeline entry), ties to the oldest, then to the one listed
     * first. Refused (storing nothing) as {@link #merge(List, Optional)}.
     *
     * @param ids      the companies, in the order listed
     * @param survivor the survivor, if the user names one
     * @param rule     how to pick the survivor when none is named
     */
    public CompanyMergeOutcome merge(List<CompanyId> ids, Optional<CompanyId> survivor, SurvivorRule rule) {
        return merge(ids, survivor, rule, Map.of());
    }

    /**
     * Merges the companies into one survivor as {@link #merge(List, Optional, SurvivorRule)}, taking each field listed
     * in {@code choices} from the company chosen for it, even when the survivor has a value of its own (an empty
     * value chosen is taken too). Refused (storing nothing) as {@link #merge(List, Optional)}, and also when a
     * field's chosen company is not among {@code ids} (the violation names the field, e.g. {@code choices.tax_number}).
     *
     * @param ids      the companies, in the order listed
     * @param survivor the survivor, if the user names one
     * @param rule     how to pick the survivor when none is named
     * @param choices  for single-valued fields, the company (one of {@code ids}) whose value survives
     */
    public CompanyMergeOutcome merge(List<CompanyId> ids, Optional<CompanyId> survivor, SurvivorRule rule,
                                     Map<CompanyField, CompanyId> choices) {
        List<CompanyId> listed = List.copyOf(ids);
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(rule, "rule");
        Map<CompanyField, CompanyId> fields = Map.copyOf(choices);
        return context.transactions().inTransactionRetrying(ATTEMPTS,
                () -> mergeInUnit(listed, survivor, rule, fields));
    }

    private CompanyMergeOutcome mergeInUnit(List<CompanyId> ids, Optional<CompanyId> chosen, SurvivorRule rule,
                                            Map<CompanyField, CompanyId> choices) {
        List<Violation> problems = new ArrayList<>(MergeMembers.check("companies", "company", ids, chosen));
        problems.addAll(MergeMembers.choices("company", "companies", choices, ids));
        List<Company> found = STEPS.members(ids, companies::findById, problems);
        if (!problems.isEmpty()) {
            return new CompanyMergeOutcome.Refused(problems);
        }
        Company survivor = chosen.flatMap(s -> found.stream().filter(c -> c.id().equals(s)).findFirst())
                .orElseGet(() -> rule.choose(found, CompanyMerging::completeness, Company::createdAt,
                        this::lastActivity));
        List<Company> all = STEPS.survivorFirst(survivor, found);
        List<Company> away = all.subList(1, all.size());
        Instant now = context.clock().instant();
        MergeId mergeId = new MergeId(context.ids().next());
        List<Contact> contactsBefore = new ArrayList<>();
        List<Repointed> repointed = new ArrayList<>();
        for (Company gone : away) {
            contactsBefore.addAll(merges.affiliatedWith(gone.id()));
            repointed.addAll(merges.retire(gone, survivor.id(), mergeId));
        }
        Map<CompanyField, Company> fields = new EnumMap<>(CompanyField.class);
        choices.forEach((field, id) -> fields.put(field, found.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow()));
        Company after = companies.update(combine(all, fields, now));
        ActivityId activityId = new ActivityId(context.ids().next());
        timeline.record(Activity.system(activityId, "Merged " + away.size() + " duplicate compan"
                        + (away.size() == 1 ? "y" : "ies") + " into " + after.name(),
                "merge " + mergeId + "; merged away: " + away.stream().map(c -> c.id() + " (" + c.name() + ")")
                        .collect(Collectors.joining(", ")) + "; re-pointed: " + repointed.size(),
                Set.of(ref(after.id())), now));
        CompanyMerge merge = new CompanyMerge(mergeId, survivor, after.version(), away, contactsBefore, repointed,
                activityId, now, Optional.empty());
        merges.save(merge);
        return new CompanyMergeOutcome.Merged(merge, after);
    }

    private Instant lastActivity(Company c) {
        return timeline.of(ref(c.id()), dev.crmkit.core.activity.TimelineFilter.everything(),
                dev.crmkit.core.kernel.PageRequest.first(1)).items().stream().findFirst()
                .map(Activity::occurredAt).orElse(c.updatedAt());
    }

    /**
     * Undoes a merge of companies: everything it changed is stored as it was before, each record at a new version
     * one up ({@link UndoSteps}), unless something changed since that would be lost; then nothing changes and the
     * refusal names every conflict.
     */
    public CompanyMergeOutcome unmerge(MergeId id) {
        Objects.requireNonNull(id, "id");
        return context.transactions().inTransactionRetrying(ATTEMPTS, () -> unmergeInUnit(id));
    }

    private CompanyMergeOutcome unmergeInUnit(MergeId id) {
        MergeSteps.Undo<CompanyMerge> undo = STEPS.unmerge("company merge", id, companies::findById, merges,
                timeline, context, m -> "Company merge undone: " + m.mergedIds().size() + " restored");
        if (!undo.conflicts().isEmpty()) {
            return refused(undo.conflicts());
        }
        return new CompanyMergeOutcome.Unmerged(undo.undone().orElseThrow(), undo.entry().orElseThrow());
    }

    /** The merge record with this id. */
    public Optional<CompanyMerge> find(MergeId id) {
        return merges.find(Objects.requireNonNull(id, "id"));
    }

    private static CompanyMergeOutcome refused(List<String> conflicts) {
        return new CompanyMergeOutcome.Refused(conflicts.stream().map(c -> new Violation("merge", "undoable", c))
                .toList());
    }

    /** How many values a company has: one per filled field and custom value. */
    static int completeness(Company c) {
        int n = (c.legalName().isEmpty() ? 0 : 1) + (c.registrationNumber().isEmpty() ? 0 : 1);
        n += (c.taxNumber().isEmpty() ? 0 : 1) + (c.industry().isEmpty() ? 0 : 1);
        n += (c.legalAddress().isPresent() ? 1 : 0) + (c.webDomain().isPresent() ? 1 : 0);
        n += (c.size() == dev.crmkit.core.company.CompanySize.UNKNOWN ? 0 : 1);
        return n + c.customFields().values().size();
    }

    /**
     * The survivor after the merge: each field from the company chosen for it, else (name) the survivor's, else the
     * first filled value; custom fields united.
     */
    static Company combine(List<Company> all, Map<CompanyField, Company> chosen, Instant now) {
        Company s = all.get(0);
        CustomFields custom = s.customFields();
        for (Company c : all) {
            custom = custom.fillEmptyFrom(c.customFields());
        }
        return new Company(s.id(), s.version(), chosen.getOrDefault(CompanyField.NAME, s).name(),
                text(all, chosen.get(CompanyField.LEGAL_NAME), Company::legalName),
                text(all, chosen.get(CompanyField.REGISTRATION_NUMBER), Company::registrationNumber),
                text(all, chosen.get(CompanyField.TAX_NUMBER), Company::taxNumber),
                Survivorship.pick(all, chosen.get(CompanyField.LEGAL_ADDRESS), Company::legalAddress,
                        Optional::isPresent),
                Survivorship.pick(all, chosen.get(CompanyField.WEB_DOMAIN), Company::webDomain, Optional::isPresent),
                text(all, chosen.get(CompanyField.INDUSTRY), Company::industry),
                Survivorship.pick(all, chosen.get(CompanyField.SIZE), Company::size,
                        z -> z != dev.crmkit.core.company.CompanySize.UNKNOWN),
                custom, s.createdAt(), now);
    }

    private static String text(List<Company> all, Company chosen, Function<Company, String> field) {
        return Survivorship.pick(all, chosen, field, t -> !t.isEmpty());
    }

    private static RecordRef ref(CompanyId id) {
        return STEPS.ref(id);
    }
}
