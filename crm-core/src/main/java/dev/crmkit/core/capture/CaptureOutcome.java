package dev.crmkit.core.capture;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Lead;

import java.util.List;
import java.util.Optional;

/** What {@link LeadCapture#capture} did with a submission. */
public sealed interface CaptureOutcome {

    /** The lead the submission ended in, unless it was rejected. */
    Optional<Lead> lead();

    /**
     * A new person: a new lead and a new contact were created.
     *
     * @param capturedLead the new lead
     * @param contact      the new contact
     * @param company      the company found or created, if any
     */
    record NewLeadNewContact(Lead capturedLead, Contact contact, Optional<Company> company) implements CaptureOutcome {
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
     */
    record NewLeadExistingContact(Lead capturedLead, Contact contact, Optional<Company> company)
            implements CaptureOutcome {
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
     * A duplicate rule ({@link dev.crmkit.core.duplicate.DuplicateAction#BLOCK}) refused the new contact because
     * stored contacts look like it; nothing was stored.
     *
     * @param candidates the stored contacts that blocked it, best first, with their scores and reasons
     */
    record Blocked(List<dev.crmkit.core.duplicate.DuplicateCandidate> candidates) implements CaptureOutcome {
        /** Copies the list. */
        public Blocked {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a block needs at least one candidate");
            }
        }

        @Override
        public Optional<Lead> lead() {
            return Optional.empty();
        }

        /** Why, as one line naming the ids and scores. */
        public String reason() {
            return "suspected duplicate of " + dev.crmkit.core.duplicate.DuplicateCandidate.summaries(candidates);
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
