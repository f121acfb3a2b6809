package dev.crmkit.core.customer;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.audit.AuditLog;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.duplicate.DuplicateAlert;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.LeadCandidate;
import dev.crmkit.core.duplicate.LeadCheck;
import dev.crmkit.core.duplicate.LeadDuplicates;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Text;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.privacy.Suppressions;
import dev.crmkit.core.task.TaskPlanner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Editing the data a lead was submitted with (name, e-mail, phone, company name) by hand, under the duplicate rules
 * for leads as capture runs them ({@link DuplicateRules#forRecord} with {@link RecordType#LEAD} and no channel: an
 * edit by hand, as contacts and companies are edited by {@link CustomerBase}). Thread-safe.
 */
public final class LeadEditing {

    private final Leads leads;
    private final LeadDuplicates duplicates;
    private final Timeline timeline;
    private final TaskPlanner tasks;
    private final AuditLog audit;
    private final Context context;
    private final DuplicateRules rules;
    private final String defaultRegion;
    private final Suppressions suppressions;

    /**
     * Wires the use case; {@link dev.crmkit.core.Crm#leadEditing()} does this for you.
     *
     * @param defaultRegion the region for phone numbers without a country code
     */
    public LeadEditing(Leads leads, Contacts contacts, Timeline timeline, TaskPlanner tasks, AuditLog audit,
                       Context context, DuplicateRules rules, String defaultRegion, Suppressions suppressions) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.duplicates = new LeadDuplicates(contacts, leads, defaultRegion);
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.context = Objects.requireNonNull(context, "context");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
    }

    /**
     * Edits a lead's submitted data in one unit of work, holding the lead ({@link Leads#lockById}) and writing it at
     * the version read (a change another node made meanwhile is a
     * {@link dev.crmkit.core.kernel.StaleVersionException} and nothing is written). Only an open lead of another
     * person that the edit makes the lead look like counts: one that scored below the threshold against the lead
     * before the edit and at or above it after ({@link LeadDuplicates}: through the contacts' and the leads' own name
     * keys; the leads of the lead's own contact are never candidates), so a lead that already looked like another is
     * not refused every later edit for it. A block writes nothing and publishes nothing; otherwise the edit is saved
     * with an audit entry naming every changed field with its values, a timeline entry on the lead and its contact
     * naming the fields, and a {@link LeadEvent.LeadEdited} event; an alert also writes the timeline entry about the
     * lead and every candidate and a task for the owner, as capture does. An edit that changes nothing saves nothing
     * and is {@link LeadOutcome.Saved} with the lead as it is.
     *
     * @param leadId the lead, or a lead merged into it (then the survivor is edited)
     * @throws ValidationException listing every problem: the lead does not exist ({@code leadId}), sizes, a malformed
     *                             e-mail or phone, an e-mail on the reserved domain of erased leads ({@code reserved},
     *                             {@link dev.crmkit.core.privacy.Anonymized#inputEmail}), a blank name part, no e-mail and no phone left ({@code required}),
     *                             an erased person's e-mail or phone ({@code suppressed}); or, alone, rule
     *                             {@code erased} on {@code leadId} when the lead was erased (anonymized), read under
     *                             the lead's lock, so an edit that waited for an erasure writes nothing either
     */
    public LeadOutcome edit(LeadId leadId, LeadEdit edit) {
        Objects.requireNonNull(leadId, "leadId");
        List<Violation> problems = new ArrayList<>(context.validation().violationsOf(Objects.requireNonNull(edit,
                "edit")));
        if (problems.stream().anyMatch(v -> v.rule().equals("not-null"))) {
            throw new ValidationException(problems);
        }
        Set<String> flagged = EdgeValidation.fieldsOf(problems);
        String region = edit.defaultRegion().isBlank() ? defaultRegion : edit.defaultRegion();
        Optional<Optional<EmailAddress>> email = parse(problems, flagged, "email", edit.email(),
                dev.crmkit.core.privacy.Anonymized::inputEmail);
        Optional<Optional<PhoneNumber>> phone = parse(problems, flagged, "phone", edit.phone(),
                raw -> PhoneNumber.parse(raw, region));
        Optional<String> companyName = flagged.contains("companyName") ? Optional.empty()
                : edit.companyName().map(n -> collect(problems, "companyName", () -> Text.clean(n, "companyName")));
        ValidationException.throwIfAny(problems);
        return context.transactions().inTransaction(() -> {
            Lead lead = leads.lockById(leadId).orElseThrow(
                    () -> ValidationException.of("leadId", "exists", "there is no lead " + leadId));
            if (dev.crmkit.core.privacy.Anonymized.isErased(lead)) {
                // read under the lead's lock: an edit that waited for an erasure meets the anonymous lead here
                throw erased(lead);
            }
            List<Violation> invalid = new ArrayList<>();
            PersonName name = lead.name();
            if (edit.firstName().isPresent() || edit.lastName().isPresent()) {
                name = collect(invalid, null, () -> PersonName.of(edit.firstName().orElse(lead.name().first()),
                        edit.lastName().orElse(lead.name().last())));
            }
            Optional<EmailAddress> newEmail = email.orElse(lead.email());
            Optional<PhoneNumber> newPhone = phone.orElse(lead.phone());
            if (newEmail.isEmpty() && newPhone.isEmpty()) {
                invalid.add(new Violation(edit.email().isPresent() ? "email" : "phone", "required",
                        "a lead needs an e-mail or a phone"));
            }
            if (!newEmail.equals(lead.email()) && newEmail.isPresent()
                    && !suppressions.matches(newEmail, Optional.empty()).isEmpty()) {
                invalid.add(suppressed("email"));
            }
            if (!newPhone.equals(lead.phone()) && newPhone.isPresent()
                    && !suppressions.matches(Optional.empty(), newPhone).isEmpty()) {
                invalid.add(suppressed("phone"));
            }
            ValidationException.throwIfAny(invalid);
            Instant now = context.clock().instant();
            Lead changed = lead.withSubmittedData(name, newEmail, newPhone, companyName.orElse(lead.companyName()),
                    now);
            List<FieldChange> changes = changes(lead, changed);
            if (changes.isEmpty()) {
                return new LeadOutcome.Saved(lead);
            }
            return saveUnderRules(lead, changed, changes, now);
        });
    }

    /**
     * Saves an edited lead under the rules, in the running unit of work: refused or alerted only for stored open
     * leads that look like it after the edit and did not before.
     */
    private LeadOutcome saveUnderRules(Lead before, Lead changed, List<FieldChange> changes, Instant now) {
        DuplicateAction action = rules.forRecord(RecordType.LEAD, Optional.empty());
        LeadCheck after = action == DuplicateAction.ALLOW ? LeadCheck.none() : check(changed);
        List<LeadCandidate> fresh = after.candidates();
        if (!fresh.isEmpty()) {
            Set<LeadId> already = new HashSet<>();
            check(before).candidates().forEach(c -> already.add(c.leadId()));
            fresh = fresh.stream().filter(c -> !already.contains(c.leadId())).toList();
        }
        if (action == DuplicateAction.BLOCK && !fresh.isEmpty()) {
            return new LeadOutcome.Blocked(fresh, after.limitReached()); // nothing written
        }
        Lead stored = leads.update(changed);
        RecordRef ref = new RecordRef(RecordType.LEAD, stored.id().value());
        audit.changed(ref, changes);
        List<String> fields = changes.stream().map(FieldChange::field).toList();
        timeline.record(Activity.system(new ActivityId(context.ids().next()),
                "Lead edited: " + String.join(", ", fields), "",
                Set.of(ref, new RecordRef(RecordType.CONTACT, stored.contactId().value())), now));
        context.events().publish(new LeadEvent.LeadEdited(stored.id(), stored.version(), fields, now));
        if (fresh.isEmpty()) {
            return new LeadOutcome.Saved(stored);
        }
        DuplicateAlert.record(timeline, tasks, context, stored, fresh, now);
        return new LeadOutcome.Alerted(stored, fresh, after.limitReached());
    }

    private LeadCheck check(Lead lead) {
        return duplicates.check(lead.name(), lead.email(), lead.phone(), lead.companyName(),
                Optional.of(lead.contactId()), rules.threshold(), rules.candidateLimit());
    }

    /** The submitted fields that differ, with their values before and after. */
    private static List<FieldChange> changes(Lead before, Lead after) {
        List<FieldChange> out = new ArrayList<>();
        compare(out, "firstName", before, after, l -> l.name().first());
        compare(out, "lastName", before, after, l -> l.name().last());
        compare(out, "email", before, after, l -> l.email().map(EmailAddress::value).orElse(""));
        compare(out, "phone", before, after, l -> l.phone().map(PhoneNumber::toString).orElse(""));
        compare(out, "companyName", before, after, Lead::companyName);
        return out;
    }

    private static void compare(List<FieldChange> out, String field, Lead before, Lead after,
                                Function<Lead, String> value) {
        String old = value.apply(before);
        String now = value.apply(after);
        if (!old.equals(now)) {
            out.add(new FieldChange(field, Optional.of(old).filter(s -> !s.isEmpty()),
                    Optional.of(now).filter(s -> !s.isEmpty())));
        }
    }

    /** An e-mail or phone part of the edit: absent (unchanged), or present and empty (removed) or parsed. */
    private static <T> Optional<Optional<T>> parse(List<Violation> problems, Set<String> flagged, String field,
                                                   Optional<String> raw, Function<String, T> parser) {
        if (flagged.contains(field) || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.get().isBlank()) {
            return Optional.of(Optional.empty());
        }
        T value = collect(problems, field, () -> parser.apply(raw.get()));
        return value == null ? Optional.empty() : Optional.of(Optional.of(value));
    }

    /** The refusal of an edit of an erased lead: nothing is written, nothing published. */
    private static ValidationException erased(Lead lead) {
        return ValidationException.of("leadId", "erased", "lead " + lead.id() + " belongs to a person whose data was "
                + "erased: an anonymized record is not edited");
    }

    private static Violation suppressed(String field) {
        return new Violation(field, "suppressed", "belongs to an erased person (suppression list): not stored again");
    }

    private static <T> T collect(List<Violation> problems, String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (ValidationException e) {
            // a null field keeps the violations' own fields (firstName, lastName)
            e.violations().forEach(v -> problems.add(field == null ? v : new Violation(field, v.rule(),
                    v.message())));
            return null;
        }
    }
}
