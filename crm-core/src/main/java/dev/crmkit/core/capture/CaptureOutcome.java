package dev.crmkit.core.capture;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.LeadCandidate;
import dev.crmkit.core.duplicate.SuspectedDuplicates;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Lead;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LeadCapture#capture} did with a submission.
 *
 * <p>Duplicate rules ({@link DuplicateRules}, record types contact and lead, per channel) show in the outcome: a new
 * lead saved under an {@link dev.crmkit.core.duplicate.DuplicateAction#ALERT alert} rule carries what was found in
 * {@link #suspected()} ({@link NewLeadNewContact#suspected()}, {@link NewLeadExistingContact#suspected()}); a capture
 * refused by a {@link dev.crmkit.core.duplicate.DuplicateAction#BLOCK block} rule is {@link Blocked}, naming the
 * stored contacts and leads that blocked it. Exact e-mail and phone matches are not duplicates in this sense: they
 * fold into the stored lead or contact as always.
 */
public sealed interface CaptureOutcome {

    /** The lead the submission ended in, unless it was rejected. */
    Optional<Lead> lead();

    /**
     * The stored contacts and open leads the duplicate rules found looking like this capture's new contact and lead,
     * with their scores and reasons, and whether the candidate limit was reached: for a new lead saved under an alert
     * rule, and for {@link Blocked} the records that blocked it; {@link SuspectedDuplicates#none()} for every other
     * outcome and wherever the rules allow duplicates (nothing was looked up).
     */
    default SuspectedDuplicates suspected() {
        return SuspectedDuplicates.none();
    }

    /**
     * A new person: a new lead and a new contact were created.
     *
     * @param capturedLead the new lead
     * @param contact      the new contact
     * @param company      the company found or created, if any
     * @param suspected    under an alert rule, the stored contacts and open leads that look like the new ones (each
     *                     also named on the timeline, with a task for the owner); else none
     */
    record NewLeadNewContact(Lead capturedLead, Contact contact, Optional<Company> company,
                             SuspectedDuplicates suspected) implements CaptureOutcome {
        /** Checks the parts. */
        public NewLeadNewContact {
            Objects.requireNonNull(suspected, "suspected");
        }

        /** A new lead and contact with nothing suspected (no alert rule, or nothing alike). */
        public NewLeadNewContact(Lead capturedLead, Contact contact, Optional<Company> company) {
            this(capturedLead, contact, company, SuspectedDuplicates.none());
        }

        @Override
        public Optional<Lead> lead() {
            return Optional.of(capturedLead);
        }
    }

    /**
     * A known person with no open lead: a new lead linked to the existing contact.
     *
     * @param capturedLead the new lead
     * @param contact      the existing contact (possibly enriched with a missing e-mail or phone)
     * @param company      the company found or created, if any
     * @param suspected    under an alert rule for leads, the stored open leads of other people that look like the new
     *                     lead (each also named on the timeline, with a task for the owner); else none
     */
    record NewLeadExistingContact(Lead capturedLead, Contact contact, Optional<Company> company,
                                  SuspectedDuplicates suspected) implements CaptureOutcome {
        /** Checks the parts. */
        public NewLeadExistingContact {
            Objects.requireNonNull(suspected, "suspected");
        }

        /** A new lead of a known contact with nothing suspected (no alert rule, or nothing alike). */
        public NewLeadExistingContact(Lead capturedLead, Contact contact, Optional<Company> company) {
            this(capturedLead, contact, company, SuspectedDuplicates.none());
        }

        @Override
        public Optional<Lead> lead() {
            return Optional.of(capturedLead);
        }
    }

    /**
     * The person already had an open lead: the submission was folded into it and its timeline records the repeat.
     *
     * @param existingLead the open lead, with its submission count raised
     * @param contact      its contact
     */
    record DuplicateFolded(Lead existingLead, Contact contact) implements CaptureOutcome {
        @Override
        public Optional<Lead> lead() {
            return Optional.of(existingLead);
        }
    }

    /**
     * The same submission (its external id, with the same normalized content) was captured before; nothing changed.
     * An external id reused for other content is {@link Rejected} with rule {@code external-id-conflict} instead.
     *
     * @param existingLead the lead it was captured into
     */
    record AlreadyCaptured(Lead existingLead) implements CaptureOutcome {
        @Override
        public Optional<Lead> lead() {
            return Optional.of(existingLead);
        }
    }

    /**
     * The submission was bad; nothing was stored.
     *
     * @param violations every broken rule, each naming the field
     */
    record Rejected(List<Violation> violations) implements CaptureOutcome {
        /** Copies the list. */
        public Rejected {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one violation");
            }
        }

        @Override
        public Optional<Lead> lead() {
            return Optional.empty();
        }

        /** The violations as one line: {@code email: ... [format]; phone: ... [format]}. */
        public String reason() {
            return violations.stream().map(Violation::toString).collect(java.util.stream.Collectors.joining("; "));
        }
    }

    /**
     * A duplicate rule ({@link dev.crmkit.core.duplicate.DuplicateAction#BLOCK}) refused the capture because stored
     * records look like what it would have created: stored contacts like the new contact (a block rule for contacts)
     * and/or stored open leads like the new lead (a block rule for leads). Nothing was stored and no event published.
     * Only the record types whose rule blocked are named; a type whose rule only alerts is not.
     *
     * <p>Since leads have rules of their own, this record has two more components; the constructor with the contacts
     * alone is kept for source compatibility (no leads, limit not reached).
     *
     * @param candidates     the stored contacts that blocked it, best first, with their scores and reasons (empty when
     *                       only leads blocked it)
     * @param leadCandidates the stored open leads that blocked it, best first, with their scores and reasons (empty
     *                       when only contacts blocked it)
     * @param limitReached   whether a candidate query met its bound ({@link DuplicateRules#candidateLimit()}), so
     *                       that more stored records may look alike
     */
    record Blocked(List<DuplicateCandidate> candidates, List<LeadCandidate> leadCandidates, boolean limitReached)
            implements CaptureOutcome {
        /** Copies the lists. */
        public Blocked {
            candidates = List.copyOf(candidates);
            leadCandidates = List.copyOf(leadCandidates);
            if (candidates.isEmpty() && leadCandidates.isEmpty()) {
                throw new IllegalArgumentException("a block needs at least one candidate");
            }
        }

        /** Blocked by stored contacts only, the candidate limit not reached (as before leads had rules). */
        public Blocked(List<DuplicateCandidate> candidates) {
            this(candidates, List.of(), false);
        }

        @Override
        public Optional<Lead> lead() {
            return Optional.empty();
        }

        @Override
        public SuspectedDuplicates suspected() {
            return new SuspectedDuplicates(candidates, leadCandidates, limitReached);
        }

        /**
         * Why, as one line naming the ids and scores: {@code suspected duplicate of contact <id> (0.93); lead <id>
         * (0.88)}, and a note when the candidate limit was reached.
         */
        public String reason() {
            return "suspected duplicate of " + suspected().summary();
        }
    }

    /**
     * The submission's e-mail or phone belongs to a person whose data was erased (it is on the suppression list as a
     * salted hash): nothing was stored, so the person is not silently re-created. The host decides, for example after
     * the person consented anew, whether to capture them again with a new contact.
     *
     * @param fields which of {@code email} and {@code phone} are suppressed
     */
    record Suppressed(List<String> fields) implements CaptureOutcome {
        /** Copies the list. */
        public Suppressed {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a suppression needs at least one field");
            }
        }

        @Override
        public Optional<Lead> lead() {
            return Optional.empty();
        }

        /** Why, as one line naming the fields, never their values. */
        public String reason() {
            return "suppressed: the " + String.join(" and ", fields) + " of an erased person";
        }
    }
}
