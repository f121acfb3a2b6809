package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.merge.CompanyMerge;
import dev.crmkit.core.merge.CompanyMergeOutcome;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.MergeRecord;
import dev.crmkit.core.merge.SurvivorRule;
import dev.crmkit.core.activity.ActivityId;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code crm merge --companies} and {@code crm unmerge} of a company merge: runs crmkit's company merging and prints
 * what it did in the same shape as the merges of contacts.
 */
final class CompanyMergePrint {

    private CompanyMergePrint() {
    }

    /** Merges the companies written; true when they were merged. */
    static boolean merge(Crm crm, List<String> written, Optional<String> survivor, SurvivorRule rule,
                         OutputFormat format, PrintWriter out) {
        List<CompanyId> ids = written.stream().map(w -> companyId(crm, w)).toList();
        CompanyMergeOutcome outcome = crm.companyMerging().merge(ids, survivor.map(s -> companyId(crm, s)), rule);
        if (outcome instanceof CompanyMergeOutcome.Merged m) {
            CompanyMerge merge = m.merge();
            merged(out, format, merge, m.survivor().name(), merge.mergedIds().size() == 1 ? "company" : "companies");
            return true;
        }
        refused(out, format, Optional.empty(), ((CompanyMergeOutcome.Refused) outcome).reasons());
        return false;
    }

    /** Undoes a merge of companies; true when it was undone. */
    static boolean unmerge(Crm crm, MergeId id, OutputFormat format, PrintWriter out) {
        CompanyMergeOutcome outcome = crm.companyMerging().unmerge(id);
        if (outcome instanceof CompanyMergeOutcome.Unmerged u) {
            unmerged(out, format, id, u.merge(), u.activityId());
            return true;
        }
        refused(out, format, Optional.of(id), ((CompanyMergeOutcome.Refused) outcome).reasons());
        return false;
    }

    /**
     * Prints a merge of companies or leads in the shape of the merges of contacts.
     *
     * @param name  the survivor's name
     * @param nouns what was merged away, e.g. {@code companies}
     */
    static void merged(PrintWriter out, OutputFormat format, MergeRecord<?, ?> merge, String name, String nouns) {
        Map<String, Long> counts = MergeCommand.counts(merge.repointed());
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, JsonOutput.object("merged", true, "merge", merge.id().toString(),
                    "survivor", merge.survivor().toString(), "name", name,
                    "mergedAway", merge.mergedIds().stream().map(Object::toString).toList(),
                    "repointed", counts, "entry", merge.activityId().toString(), "reasons", List.of()));
        } else {
            out.printf("Merged %d %s into %s (%s); merge %s%n", merge.mergedIds().size(), nouns, name,
                    merge.survivor(), merge.id());
            out.printf("  re-pointed: %s%n", counts.isEmpty() ? "nothing" : counts.entrySet().stream()
                    .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining(", ")));
            out.printf("  undo with: crm unmerge %s%n", merge.id());
        }
        out.flush();
    }

    /** Prints an undone merge of companies or leads in the shape of the merges of contacts. */
    static void unmerged(PrintWriter out, OutputFormat format, MergeId id, MergeRecord<?, ?> merge,
                         ActivityId entry) {
        List<String> restored = merge.mergedIds().stream().map(Object::toString).toList();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, JsonOutput.object("unmerged", true, "merge", id.toString(), "survivor",
                    merge.survivor().toString(), "restored", restored, "entry", entry.toString(),
                    "conflicts", List.of()));
        } else {
            out.printf("Undid merge %s: restored %s beside %s%n", id, String.join(", ", restored),
                    merge.survivor());
        }
        out.flush();
    }

    /** Prints a refused merge (no MERGE) or unmerge of companies or leads. */
    static void refused(PrintWriter out, OutputFormat format, Optional<MergeId> unmerge,
                        List<Violation> reasons) {
        if (format == OutputFormat.JSON) {
            List<Object> list = reasons.stream().map(v -> (Object) JsonOutput.object("field", v.field(), "rule",
                    v.rule(), "message", v.message())).toList();
            JsonOutput.print(out, unmerge.isPresent()
                    ? JsonOutput.object("unmerged", false, "merge", unmerge.get().toString(), "conflicts",
                    reasons.stream().map(Violation::message).toList())
                    : JsonOutput.object("merged", false, "reasons", list));
        } else if (unmerge.isPresent()) {
            out.printf("Refused: merge %s stays; it conflicts with what happened since:%n", unmerge.get());
            reasons.forEach(v -> out.println("  - " + v.message()));
        } else {
            out.println("Refused: nothing merged");
            reasons.forEach(v -> out.printf(Locale.ROOT, "  - %s: %s (%s)%n", v.field(), v.message(), v.rule()));
        }
        out.flush();
    }

    /** The company id written, or the id of the company holding the web domain written. */
    static CompanyId companyId(Crm crm, String text) {
        String key = text.strip();
        try {
            return CompanyId.parse(key);
        } catch (IllegalArgumentException notAnId) {
            Optional<WebDomain> domain;
            try {
                domain = Optional.of(WebDomain.parse(key));
            } catch (ValidationException notADomain) {
                domain = Optional.empty();
            }
            return domain.flatMap(crm.store().companies()::findByDomain).map(Company::id)
                    .orElseThrow(() -> ValidationException.of("company", "exists", "'" + key
                            + "' is neither a company id nor the web domain of a company"));
        }
    }
}
