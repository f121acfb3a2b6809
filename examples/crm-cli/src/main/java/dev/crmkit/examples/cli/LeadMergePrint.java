package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.SurvivorRule;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code crm merge --leads} and {@code crm unmerge} of a lead merge: runs crmkit's lead merging and prints what it did
 * in the same shape as the merges of contacts and companies.
 */
final class LeadMergePrint {

    private LeadMergePrint() {
    }

    /** Merges the leads written; true when they were merged. */
    static boolean merge(Crm crm, List<String> written, Optional<String> survivor, SurvivorRule rule,
                         OutputFormat format, PrintWriter out) {
        List<LeadId> ids = written.stream().map(LeadMergePrint::leadId).toList();
        LeadMergeOutcome outcome = crm.leadMerging().merge(ids, survivor.map(LeadMergePrint::leadId), rule);
        if (outcome instanceof LeadMergeOutcome.Merged m) {
            CompanyMergePrint.merged(out, format, m.merge(), m.survivor().name().full(),
                    m.merge().mergedIds().size() == 1 ? "lead" : "leads");
            return true;
        }
        CompanyMergePrint.refused(out, format, Optional.empty(), ((LeadMergeOutcome.Refused) outcome).reasons());
        return false;
    }

    /** Undoes a merge of leads; true when it was undone. */
    static boolean unmerge(Crm crm, MergeId id, OutputFormat format, PrintWriter out) {
        LeadMergeOutcome outcome = crm.leadMerging().unmerge(id);
        if (outcome instanceof LeadMergeOutcome.Unmerged u) {
            CompanyMergePrint.unmerged(out, format, id, u.merge(), u.activityId());
            return true;
        }
        CompanyMergePrint.refused(out, format, Optional.of(id), ((LeadMergeOutcome.Refused) outcome).reasons());
        return false;
    }

    /** The lead id written. */
    static LeadId leadId(String text) {
        String key = text.strip();
        try {
            return LeadId.parse(key);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("lead", "format", "'" + key + "' is not a lead id");
        }
    }
}
