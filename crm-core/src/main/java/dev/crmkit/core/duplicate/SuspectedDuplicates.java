package dev.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.List;

/**
 * What the duplicate rules found when a lead was captured: the stored contacts that look like the new contact (rules
 * for {@link dev.crmkit.core.kernel.RecordType#CONTACT}) and the stored open leads that look like the new lead (rules
 * for {@link dev.crmkit.core.kernel.RecordType#LEAD}), each best first with its score and per-field reasons, and
 * whether a candidate query met its bound ({@link DuplicateRules#candidateLimit()}), in which case more stored records
 * may look alike. A list is empty where its record type's rule is {@link DuplicateAction#ALLOW} (nothing was looked
 * up) or nothing scored at or above the threshold. Immutable and thread-safe.
 *
 * @param contacts     the stored contacts that look like the new contact, best first
 * @param leads        the stored open leads that look like the new lead, best first
 * @param limitReached whether a candidate query returned as many records as it was allowed to
 */
public record SuspectedDuplicates(List<DuplicateCandidate> contacts, List<LeadCandidate> leads,
                                  boolean limitReached) {

    private static final SuspectedDuplicates NONE = new SuspectedDuplicates(List.of(), List.of(), false);

    /** Copies the lists. */
    public SuspectedDuplicates {
        contacts = List.copyOf(contacts);
        leads = List.copyOf(leads);
    }

    /** Nothing found, nothing looked up. */
    public static SuspectedDuplicates none() {
        return NONE;
    }

    /** Whether no stored contact and no stored lead looks alike (the limit may still have been reached). */
    public boolean isEmpty() {
        return contacts.isEmpty() && leads.isEmpty();
    }

    /**
     * The findings as one line: {@code contact <id> (0.93), lead <id> (0.88)}, and a note when the candidate limit
     * was reached; empty when nothing was found and the limit was not reached.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!contacts.isEmpty()) {
            parts.add("contact " + DuplicateCandidate.summaries(contacts));
        }
        if (!leads.isEmpty()) {
            parts.add("lead " + LeadCandidate.summaries(leads));
        }
        String found = String.join("; ", parts);
        if (!limitReached) {
            return found;
        }
        return found + (found.isEmpty() ? "" : " ") + "(candidate limit reached: more may exist)";
    }
}
