package dev.crmkit.core.capture;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyEvent;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactEvent;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.duplicate.ContactDuplicates;
import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.duplicate.DuplicateAlert;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateCheck;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.LeadCheck;
import dev.crmkit.core.duplicate.LeadDuplicates;
import dev.crmkit.core.duplicate.SuspectedDuplicates;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.idempotency.IdempotencyKeys;
import dev.crmkit.core.idempotency.OnceOnly;
import dev.crmkit.core.kernel.ConflictException;
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
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.TaskPlanner;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Captures leads from every channel: normalizes, validates, de-duplicates, and creates what is missing.
 *
 * <p>For each {@link LeadSubmission}, in one unit of work:
 * <ol>
 *   <li>Validate and normalize: names trimmed and folded, e-mail trimmed and lower-cased, phone to E.164 (with the
 *       submission's or the configured default region), custom values read against the lead schema. Any problem
 *       gives {@link CaptureOutcome.Rejected} with every violation, and nothing is stored.</li>
 *   <li>A submission whose external id was captured before with the same content (its
 *       {@link SubmissionFingerprint}) gives {@link CaptureOutcome.AlreadyCaptured}; the same id with other content is
 *       {@link CaptureOutcome.Rejected} with rule {@code external-id-conflict}, and nothing is stored.</li>
 *   <li>An open lead with the same e-mail, else the same phone, takes the submission as a repeat
 *       ({@link CaptureOutcome.DuplicateFolded}); its timeline records the repeat.</li>
 *   <li>Otherwise a contact with the same e-mail, else the same phone, gets a new lead
 *       ({@link CaptureOutcome.NewLeadExistingContact}); else a new contact is created with the new lead
 *       ({@link CaptureOutcome.NewLeadNewContact}).</li>
 *   <li>Before anything of a new lead is written, the duplicate rules
 *       ({@link CaptureSettings#duplicateRules()}, looked up by record type and the submission's channel) are applied
 *       to what is not an exact match: unless the rule for {@link RecordType#LEAD leads} allows duplicates, the stored
 *       open leads of other people that look like the new lead are scored ({@link LeadDuplicates}); for a new person,
 *       unless the rule for {@link RecordType#CONTACT contacts} allows duplicates, the stored contacts that look like
 *       the new contact ({@link ContactDuplicates}). A block rule with a candidate gives
 *       {@link CaptureOutcome.Blocked} (nothing stored, nothing published); under an alert rule the lead is saved, a
 *       timeline entry names each candidate with its reasons, the owner gets a task, and the outcome carries the
 *       findings ({@link CaptureOutcome#suspected()}).</li>
 *   <li>A company is found or created from the company name, or from the domain of an e-mail address that is not a
 *       free mail provider's, and the contact is linked to it.</li>
 *   <li>When the lead has an owner and no open task about it, a follow-up task is created for the owner, due
 *       within {@link CaptureSettings#followUpWithin()}.</li>
 * </ol>
 * Existing contacts and leads only gain values for fields that are empty; nothing a person entered is overwritten.
 * Thread-safe; de-duplication holds under concurrent capture as far as the store's {@code insertOrGet} guarantees.
 */
public final class LeadCapture {

    /**
     * How often a capture runs in all when a concurrent one still gets in the way although captures of one person
     * queue on the person's contact row (a deadlock over a shared company, a lead whose contact is not the one its
     * e-mail names): each run re-reads everything, so a retry can only find more of the person, never lose them.
     */
    /** How often a unit of work that met a concurrent one runs again (bulk capture's chunks too). */
    static final int CONFLICT_ATTEMPTS = 10;

    private final Contacts contacts;
    private final Companies companies;
    private final Leads leads;
    private final CustomFieldSchemas schemas;
    private final Timeline timeline;
    private final TaskPlanner tasks;
    private final CaptureSettings settings;
    private final Context context;
    private final IdempotencyKeys keys;
    private final CaptureOnce once;
    private final ContactDuplicates duplicates;
    private final LeadDuplicates leadDuplicates;
    private final dev.crmkit.core.privacy.Suppressions suppressions;
    private final dev.crmkit.core.privacy.ConsentHistory consentHistory;
    private final dev.crmkit.core.access.CurrentActor actor;

    /** Wires the use case without idempotency keys (keyed captures then fail); prefer the constructor with keys. */
    public LeadCapture(Contacts contacts, Companies companies, Leads leads, CustomFieldSchemas schemas,
                       Timeline timeline, TaskPlanner tasks, CaptureSettings settings, Context context) {
        this(contacts, companies, leads, schemas, timeline, tasks, settings, context, IdempotencyKeys.unsupported());
    }

    /** Wires the use case without a suppression list (no capture is flagged as of an erased person). */
    public LeadCapture(Contacts contacts, Companies companies, Leads leads, CustomFieldSchemas schemas,
                       Timeline timeline, TaskPlanner tasks, CaptureSettings settings, Context context,
                       IdempotencyKeys keys) {
        this(contacts, companies, leads, schemas, timeline, tasks, settings, context, keys,
                dev.crmkit.core.privacy.Suppressions.off());
    }

    /**
     * Wires the use case; {@link dev.crmkit.core.Crm} does this for you. A submission of a new person whose e-mail
     * or phone is on the suppression list is {@link CaptureOutcome.Suppressed}, not stored.
     */
    public LeadCapture(Contacts contacts, Companies companies, Leads leads, CustomFieldSchemas schemas,
                       Timeline timeline, TaskPlanner tasks, CaptureSettings settings, Context context,
                       IdempotencyKeys keys, dev.crmkit.core.privacy.Suppressions suppressions) {
        this(contacts, companies, leads, schemas, timeline, tasks, settings, context, keys, suppressions,
                dev.crmkit.core.privacy.ConsentHistory.unsupported(), dev.crmkit.core.access.CurrentActor.unnamedHost());
    }

    /**
     * Wires the use case with the consent history: a new contact created with the submission's marketing consent gets
     * an {@link dev.crmkit.core.privacy.ConsentChannel#EMAIL} entry in the history (source = the submission's channel
     * label, actor = the current actor) in the capture's unit of work, so the history's current consent agrees with
     * {@link Contact#consent()}. {@link dev.crmkit.core.Crm} does this for you.
     */
    public LeadCapture(Contacts contacts, Companies companies, Leads leads, CustomFieldSchemas schemas,
                       Timeline timeline, TaskPlanner tasks, CaptureSettings settings, Context context,
                       IdempotencyKeys keys, dev.crmkit.core.privacy.Suppressions suppressions,
                       dev.crmkit.core.privacy.ConsentHistory consentHistory,
                       dev.crmkit.core.access.CurrentActor actor) {
        this.consentHistory = Objects.requireNonNull(consentHistory, "consentHistory");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.leads = Objects.requireNonNull(leads, "leads");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.context = Objects.requireNonNull(context, "context");
        this.duplicates = new ContactDuplicates(contacts, settings.defaultRegion());
        this.leadDuplicates = new LeadDuplicates(contacts, leads, settings.defaultRegion());
        this.once = new CaptureOnce(contacts, companies, leads, timeline, duplicates, leadDuplicates);
    }

    /** The suppression list this capture checks new people against (bulk capture stages its rows with it). */
    dev.crmkit.core.privacy.Suppressions suppressions() {
        return suppressions;
    }

    /** The consent history new contacts' consent is appended to (bulk capture appends to it as well). */
    dev.crmkit.core.privacy.ConsentHistory consentHistory() {
        return consentHistory;
    }

    /** The actor consent entries are recorded as. */
    dev.crmkit.core.access.CurrentActor actor() {
        return actor;
    }

    /** The settings in use. */
    public CaptureSettings settings() {
        return settings;
    }

    /**
     * Normalizes and validates a submission without storing anything.
     *
     * @return the normalized submission, or every violation
     */
    public Normalized normalize(LeadSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        return normalize(submission, schemas.schemaFor(RecordType.LEAD));
    }

    /**
     * As {@link #normalize(LeadSubmission)}, against a lead schema read once by the caller (bulk capture reads it
     * once per chunk instead of once per submission).
     */
    Normalized normalize(LeadSubmission submission, CustomFieldSchema schema) {
        Objects.requireNonNull(submission, "submission");
        List<Violation> problems = context.validation().violationsOf(submission); // a new list of this call's
        if (!problems.isEmpty() && problems.stream().anyMatch(v -> v.rule().equals("not-null"))) {
            return new Normalized(Optional.empty(), problems); // a missing part: nothing further can be read
        }
        Set<String> flagged = problems.isEmpty() ? Set.of() : EdgeValidation.fieldsOf(problems);
        PersonName name = null;
        if (!flagged.contains("firstName") && !flagged.contains("lastName")) {
            name = collect(problems, submission, null, (sub, x) -> PersonName.of(sub.firstName(), sub.lastName()));
        }
        Optional<EmailAddress> email = Optional.empty();
        if (!submission.email().isBlank() && !flagged.contains("email")) {
            email = Optional.ofNullable(collect(problems, submission, null,
                    (sub, x) -> dev.crmkit.core.privacy.Anonymized.inputEmail(sub.email())));
        }
        Optional<PhoneNumber> phone = Optional.empty();
        if (!submission.phone().isBlank() && !flagged.contains("phone") && !flagged.contains("defaultRegion")) {
            String region = submission.defaultRegion().isEmpty() ? settings.defaultRegion()
                    : submission.defaultRegion();
            phone = Optional.ofNullable(collect(problems, submission, region,
                    (sub, r) -> PhoneNumber.parse(sub.phone(), r)));
        }
        if (submission.email().isBlank() && submission.phone().isBlank()) {
            problems.add(new Violation("email", "email-or-phone-required",
                    "a lead needs an e-mail address or a phone number"));
        }
        String companyName = "";
        if (!flagged.contains("companyName")) {
            String cleaned = collect(problems, submission, null,
                    (sub, x) -> Text.clean(sub.companyName(), "companyName"));
            companyName = cleaned == null ? "" : cleaned;
        }
        Optional<String> sourceDetail = Optional.empty();
        if (submission.sourceDetail().isPresent() && !flagged.contains("sourceDetail")) {
            sourceDetail = Optional.ofNullable(collect(problems, submission, null,
                    (sub, x) -> Text.clean(sub.sourceDetail().get(), "sourceDetail")))
                    .filter(d -> !d.isEmpty());
        }
        CustomFieldSchema.ParsedFields fields = schema.parse(submission.customFields());
        List<Violation> fieldProblems = fields.violations();
        for (int i = 0; i < fieldProblems.size(); i++) { // by position: no stream or iterator per capture
            if (!flagged.contains(fieldProblems.get(i).field())) {
                problems.add(fieldProblems.get(i));
            }
        }
        for (String unknown : fields.unknownKeys()) {
            problems.add(new Violation("customFields." + unknown, "unknown-field",
                    "'" + unknown + "' is not a custom field of leads"));
        }
        if (!problems.isEmpty()) {
            return new Normalized(Optional.empty(), problems);
        }
        Optional<Locale> language = submission.language().isEmpty() ? Optional.empty()
                : Optional.of(Locale.forLanguageTag(submission.language()));
        String strippedId = submission.externalId().strip();
        Optional<String> externalId = strippedId.isEmpty() ? Optional.empty() : Optional.of(strippedId);
        LeadSource source = new LeadSource(submission.channel(), sourceDetail, submission.campaign(),
                submission.utm(), submission.referrer());
        return new Normalized(Optional.of(new NormalizedSubmission(submission, source, name, email, phone,
                companyName, language, externalId, fields.values())), List.of());
    }

    /**
     * Captures one submission. Never throws for bad input: that is a {@link CaptureOutcome.Rejected} (an e-mail on the
     * reserved domain of erased leads too: field {@code email}, rule {@code reserved},
     * {@link dev.crmkit.core.privacy.Anonymized#inputEmail}). Called outside a
     * unit of work, a capture that loses a race with a concurrent one on the same person (a stale version, a deadlock
     * victim) runs again, so concurrent captures on several nodes neither fail nor duplicate; inside the caller's unit
     * of work such a {@link dev.crmkit.core.kernel.ConflictException} propagates for the caller to rerun its unit.
     */
    public CaptureOutcome capture(LeadSubmission submission) {
        Normalized normalized = normalize(submission);
        if (normalized.submission().isEmpty()) {
            return new CaptureOutcome.Rejected(normalized.violations());
        }
        NormalizedSubmission s = normalized.submission().get();
        return context.transactions().inTransactionRetrying(CONFLICT_ATTEMPTS, () -> captureValid(s));
    }

    /**
     * Captures one submission at most once per key: a retry with the same key (after a failure, also one whose
     * outcome is unknown because the connection died during the commit) returns the first call's outcome, with the
     * lead and contact as they are stored now, instead of capturing again. The key is recorded in the capture's unit
     * of work. A rejected submission, or one whose external id was captured before, records nothing.
     *
     * @param key the call's key, for example the request id of the form post; see {@link #keyOf} for one derived
     *            from the submission
     * @throws IllegalArgumentException      if the key was used for another command
     * @throws UnsupportedOperationException if the store keeps no idempotency keys
     */
    public CaptureOutcome capture(LeadSubmission submission, IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        Normalized normalized = normalize(submission);
        if (normalized.submission().isEmpty()) {
            return new CaptureOutcome.Rejected(normalized.violations());
        }
        NormalizedSubmission s = normalized.submission().get();
        return new OnceOnly(keys, context.transactions(), context.clock()).run(key, CaptureOnce.COMMAND,
                () -> captureValid(s), once::describe, once::replay);
    }

    /**
     * Captures a submission once per its content: the same as {@code capture(submission, keyOf(submission))}. Two
     * submissions with the same external id, or without one and with exactly the same content, are one call.
     */
    public CaptureOutcome captureOnce(LeadSubmission submission) {
        return capture(submission, keyOf(submission));
    }

    /**
     * The key derived from a submission: from its channel and external id when it has one, else a SHA-256 of all its
     * content (every field, custom fields in key order), the same on every node and across restarts.
     */
    public static IdempotencyKey keyOf(LeadSubmission submission) {
        return CaptureOnce.keyOf(Objects.requireNonNull(submission, "submission"));
    }

    /**
     * Captures a valid submission in the running unit of work: {@link BulkCapture}'s step per submission, with the
     * fingerprint {@link #fingerprintOf} gave it ahead.
     */
    CaptureOutcome captureNormalized(NormalizedSubmission s, String fingerprint) {
        return captureValid(s, fingerprint);
    }

    /**
     * The content fingerprint capture keeps beside an external id (to tell a repeat from a conflict), null without
     * one: a submission without one never reads it, so it is not computed (a SHA-256 over every field).
     */
    static String fingerprintOf(NormalizedSubmission s) {
        return s.externalId().isPresent() ? SubmissionFingerprint.of(s) : null;
    }

    private CaptureOutcome captureValid(NormalizedSubmission s) {
        return captureValid(s, fingerprintOf(s));
    }

    private CaptureOutcome captureValid(NormalizedSubmission s, String fingerprint) {
        Instant now = context.clock().instant();
        if (s.externalId().isPresent()) {
            Optional<Lead> seen = leads.findByExternalId(s.externalId().get());
            if (seen.isPresent()) {
                return seenBefore(seen.get(), s.externalId().get(), fingerprint);
            }
        }
        // Hold the person before deciding: every capture of them queues on their contact row, so a repeat folds into
        // the lead as the capture before left it, instead of failing on a stale version (also inside a host's
        // transaction, where crmkit cannot run the unit again).
        Optional<Contact> held = holdKnownPerson(s);
        // the new-person path refuses an erased person's values below; a known person (found by another key) must not
        // gain them either: they are left out of the contact, the lead and the timeline, and a note says so
        List<String> dropped = held.isEmpty() ? List.of() : suppressions.matches(s.email(), s.phone());
        if (dropped.isEmpty()) {
            return captureHeld(s, held, fingerprint, now);
        }
        NormalizedSubmission kept = withoutValues(s, dropped);
        if (kept.email().isEmpty() && kept.phone().isEmpty()) {
            return new CaptureOutcome.Suppressed(dropped); // nothing of the submission could be stored
        }
        CaptureOutcome outcome = captureHeld(kept, held, fingerprint, now);
        outcome.lead().ifPresent(lead -> timeline.record(Activity.system(new ActivityId(context.ids().next()),
                "Not stored: " + String.join(" and ", dropped) + " of an erased person",
                "the submission's " + String.join(" and ", dropped) + " is on the suppression list (an erased "
                        + "person's): it was left out of the contact and the lead",
                about(lead, lead.contactId(), lead.companyId()), now)));
        return outcome;
    }

    /** The submission without the values named (the fields of {@link dev.crmkit.core.privacy.Suppressions#matches}). */
    private static NormalizedSubmission withoutValues(NormalizedSubmission s, List<String> fields) {
        return new NormalizedSubmission(s.raw(), s.source(), s.name(),
                fields.contains("email") ? Optional.empty() : s.email(),
                fields.contains("phone") ? Optional.empty() : s.phone(), s.companyName(), s.language(),
                s.externalId(), s.customFields());
    }

    private CaptureOutcome captureHeld(NormalizedSubmission s, Optional<Contact> held, String fingerprint,
                                       Instant now) {
        // no one held means holdKnownPerson looked for an open lead too and found none: a new person, so do not ask the
        // store again (two lookups fewer per new person); a concurrent capture of them is met by insertOrGet below
        Optional<Lead> open = held.isEmpty() ? Optional.<Lead>empty() : openLead(s);
        if (open.isPresent()) {
            return fold(open.get(), held, s, fingerprint, now);
        }
        boolean created = false;
        Contact contact;
        DuplicateRules rules = settings.duplicateRules();
        DuplicateCheck contactCheck = DuplicateCheck.none();
        LeadCheck leadCheck = checkLead(s, held);
        boolean leadBlocks = rules.forRecord(RecordType.LEAD, s.raw().channel()) == DuplicateAction.BLOCK
                && !leadCheck.candidates().isEmpty();
        if (held.isPresent()) {
            if (leadBlocks) {
                return new CaptureOutcome.Blocked(List.of(), leadCheck.candidates(), leadCheck.limitReached());
            }
            contact = enrich(held.get(), s, now);
        } else {
            List<String> suppressed = suppressions.matches(s.email(), s.phone());
            if (!suppressed.isEmpty()) {
                return new CaptureOutcome.Suppressed(suppressed); // an erased person: nothing was written
            }
            Contact candidate = newContact(s, now);
            DuplicateAction action = rules.forChannel(s.raw().channel());
            if (action != DuplicateAction.ALLOW) {
                contactCheck = duplicates.check(candidate, rules.threshold(), rules.candidateLimit());
            }
            boolean contactBlocks = action == DuplicateAction.BLOCK && !contactCheck.candidates().isEmpty();
            if (contactBlocks || leadBlocks) { // nothing was written yet
                return new CaptureOutcome.Blocked(contactBlocks ? contactCheck.candidates() : List.of(),
                        leadBlocks ? leadCheck.candidates() : List.of(),
                        contactBlocks && contactCheck.limitReached() || leadBlocks && leadCheck.limitReached());
            }
            contact = contacts.insertOrGet(candidate);
            if (!contact.id().equals(candidate.id())) {
                // a concurrent capture created the person first and committed; the store's insert-or-get waited for
                // that and returned them locked, so their open lead, if any, is visible now
                Optional<Lead> openNow = openLead(s);
                if (openNow.isPresent()) {
                    return fold(openNow.get(), Optional.empty(), s, fingerprint, now);
                }
                contact = enrich(contacts.lockById(contact.id()).orElse(contact), s, now);
            } else {
                created = true;
                context.events().publish(new ContactEvent.ContactCreated(contact.id(), true, now));
                recordConsent(contact);
            }
        }
        Optional<Company> company = resolveCompany(s, now);
        if (company.isPresent()) {
            contact = affiliate(contact, company.get().id(), now);
        }
        Lead.Builder building = Lead.builder(new LeadId(context.ids().next()), contact.id(), s.source(), s.name(), now)
                .company(company.map(Company::id)).request(s.raw().request().strip())
                .reachableAt(s.email(), s.phone()).companyName(s.companyName()).owner(s.raw().owner())
                .customFields(s.customFields());
        s.externalId().ifPresent(x -> building.externalId(x, fingerprint));
        Lead candidate = building.build();
        Lead lead = leads.insertOrGet(candidate);
        if (!lead.id().equals(candidate.id())) {
            // a concurrent capture stored this external id first: the same submission, or a conflict
            return seenBefore(lead, s.externalId().orElseThrow(), fingerprint);
        }
        context.events().publish(new LeadEvent.LeadCaptured(lead.id(), contact.id(), created, s.raw().channel(), now));
        Set<RecordRef> about = about(lead, contact.id(), lead.companyId());
        timeline.record(Activity.system(new ActivityId(context.ids().next()),
                "Lead captured via " + s.source().label(), describe(s), about, now));
        followUp(lead, contact, true, now);
        // the contacts found matter only for a contact this capture created (else it met a person by e-mail or phone)
        List<DuplicateCandidate> likeContact = created ? contactCheck.candidates() : List.of();
        if (!likeContact.isEmpty()) {
            alert(contact, likeContact, now);
        }
        if (!leadCheck.candidates().isEmpty()) {
            DuplicateAlert.record(timeline, tasks, context, lead, leadCheck.candidates(), now);
        }
        SuspectedDuplicates found = new SuspectedDuplicates(likeContact, leadCheck.candidates(),
                created && contactCheck.limitReached() || leadCheck.limitReached());
        return created ? new CaptureOutcome.NewLeadNewContact(lead, contact, company, found)
                : new CaptureOutcome.NewLeadExistingContact(lead, contact, company, found);
    }

    /**
     * Unless the rule for leads through the submission's channel allows duplicates, the stored open leads of other
     * people that look like the lead this submission would create (found through the contacts whose name sounds
     * alike); the leads of the person held, who was matched exactly, are not candidates.
     */
    private LeadCheck checkLead(NormalizedSubmission s, Optional<Contact> held) {
        DuplicateRules rules = settings.duplicateRules();
        if (rules.forRecord(RecordType.LEAD, s.raw().channel()) == DuplicateAction.ALLOW) {
            return LeadCheck.none();
        }
        return leadDuplicates.check(s.name(), s.email(), s.phone(), s.companyName(), held.map(Contact::id),
                rules.threshold(), rules.candidateLimit());
    }

    /**
     * A submission whose external id a lead already holds: a true repeat of the submission captured under it is
     * {@link CaptureOutcome.AlreadyCaptured}; other content under the same id is refused as a conflict, storing
     * nothing. An id stored before fingerprints were kept counts as the same submission.
     */
    private static CaptureOutcome seenBefore(Lead holder, String externalId, String fingerprint) {
        if (holder.isRepeatOf(externalId, fingerprint)) {
            return new CaptureOutcome.AlreadyCaptured(holder);
        }
        return new CaptureOutcome.Rejected(List.of(new Violation("externalId", "external-id-conflict",
                "external id '" + Text.excerpt(externalId) + "' was captured before with other content (lead "
                        + holder.id() + "); a repeat must carry the same content, a new submission a new id")));
    }

    /** The open lead with the submission's e-mail, else its phone. */
    private Optional<Lead> openLead(NormalizedSubmission s) {
        return s.email().flatMap(leads::findOpenByEmail).or(() -> s.phone().flatMap(leads::findOpenByPhone));
    }

    /**
     * The person the submission names, locked for the rest of the unit of work ({@link Contacts#lockById}): the
     * contact with its e-mail, else its phone, else the contact of its open lead; empty for a new person.
     */
    private Optional<Contact> holdKnownPerson(NormalizedSubmission s) {
        for (int attempt = 1; ; attempt++) {
            Optional<Contact> found = s.email().flatMap(contacts::findByEmail)
                    .or(() -> s.phone().flatMap(contacts::findByPhone));
            Optional<ContactId> known = found.map(Contact::id).or(() -> openLead(s).map(Lead::contactId));
            if (known.isEmpty()) {
                return Optional.empty();
            }
            Contact locked = contacts.lockById(known.get()).orElseThrow(() -> new ConflictException(
                    "contact " + known.get() + " disappeared while the capture held it", null));
            // the look-up ran before the lock: an erasure (or an edit) that committed while this capture waited for
            // the row may have taken the e-mail or phone it was found by, on the contact or on their open lead; then
            // look again, so the capture meets the person as it would have after the erasure (a new person, flagged as
            // suppressed), never the anonymized contact filled again with the submission's values
            boolean holds = found.isPresent() ? stillHolds(locked, s)
                    : openLead(s).map(Lead::contactId).equals(known);
            if (holds) {
                return Optional.of(locked);
            }
            if (attempt == HOLD_ATTEMPTS) {
                // the person keeps changing under the capture: meeting the stale contact could refill an erased one
                throw new ConflictException("the person the submission names changed " + HOLD_ATTEMPTS
                        + " times while the capture waited for contact " + locked.id() + "; capture again", null);
            }
        }
    }

    /** How often {@link #holdKnownPerson} looks again when the person it locked no longer holds the key. */
    private static final int HOLD_ATTEMPTS = 3;

    /** Whether the contact still holds the submission's e-mail or phone (one of which found it by contact). */
    private static boolean stillHolds(Contact contact, NormalizedSubmission s) {
        return s.email().filter(contact.emails()::contains).isPresent()
                || s.phone().filter(contact.phones()::contains).isPresent();
    }

    /**
     * Folds the submission into the open lead. {@code held} is the person this unit of work locked, if any: when it is
     * the lead's contact it is that contact as stored now (locked, through the same alias resolution as
     * {@link Contacts#findById}, nothing written since), so it is not read again.
     */
    private CaptureOutcome fold(Lead open, Optional<Contact> held, NormalizedSubmission s, String fingerprint,
                                Instant now) {
        Lead repeat = open.foldRepeat(s.externalId(), fingerprint, s.name(), s.email(), s.phone(), s.companyName(),
                s.raw().request().strip(), s.raw().owner(), s.customFields(), now);
        Contact contact = held.filter(c -> c.id().equals(open.contactId()))
                .or(() -> contacts.findById(open.contactId())).orElseThrow(() -> new IllegalStateException(
                "lead " + open.id() + " refers to contact " + open.contactId() + ", which is not stored"));
        contact = enrich(contact, s, now);
        if (repeat.companyId().isEmpty()) {
            Optional<Company> company = resolveCompany(s, now);
            if (company.isPresent()) {
                repeat = repeat.withCompany(Optional.of(company.get().id()), now);
                contact = affiliate(contact, company.get().id(), now);
            }
        }
        Lead folded = leads.update(repeat);
        context.events().publish(new LeadEvent.DuplicateSubmissionFolded(folded.id(), s.raw().channel(),
                folded.submissions(), now));
        timeline.record(Activity.system(new ActivityId(context.ids().next()),
                "Repeat submission via " + s.source().label() + " (" + folded.submissions() + " in all)",
                describe(s), about(folded, contact.id(), folded.companyId()), now));
        followUp(folded, contact, false, now);
        return new CaptureOutcome.DuplicateFolded(folded, contact);
    }

    /** The records a capture's timeline entry is about: its lead, its contact and its company, if any. */
    private static Set<RecordRef> about(Lead lead, ContactId contactId, Optional<CompanyId> companyId) {
        RecordRef leadRef = new RecordRef(RecordType.LEAD, lead.id().value());
        RecordRef contactRef = new RecordRef(RecordType.CONTACT, contactId.value());
        if (companyId.isEmpty()) {
            return Activity.aboutRecords(leadRef, contactRef);
        }
        return Activity.aboutRecords(leadRef, contactRef, new RecordRef(RecordType.COMPANY, companyId.get().value()));
    }

    /**
     * The timeline text of a capture: the request, the campaign, the e-mail and the phone, each present one on a line.
     * Every capture writes one, so it is one concatenation of the parts (an absent part and its label are empty): the
     * text's bytes are allocated once at their exact size, with no builder's buffer to outgrow or copy.
     */
    static String describe(NormalizedSubmission s) {
        String request = s.raw().request().isBlank() ? "" : s.raw().request().strip();
        String campaign = s.raw().campaign().isBlank() ? "" : s.raw().campaign().strip();
        String email = s.email().isPresent() ? s.email().get().toString() : "";
        String phone = s.phone().isPresent() ? s.phone().get().toString() : "";
        boolean before = !request.isEmpty();
        String campaignLabel = campaign.isEmpty() ? "" : before ? "\ncampaign: " : "campaign: ";
        before |= !campaign.isEmpty();
        String emailLabel = email.isEmpty() ? "" : before ? "\ne-mail: " : "e-mail: ";
        before |= !email.isEmpty();
        String phoneLabel = phone.isEmpty() ? "" : before ? "\nphone: " : "phone: ";
        return request + campaignLabel + campaign + emailLabel + email + phoneLabel + phone;
    }

    private Contact newContact(NormalizedSubmission s, Instant now) {
        MarketingConsent consent = s.raw().marketingConsent()
                ? MarketingConsent.granted(now, s.raw().channel().label()) : MarketingConsent.unknown();
        return Contact.create(new ContactId(context.ids().next()), s.name(), listOf(s.email()), listOf(s.phone()),
                s.language(), consent, s.raw().owner(), now);
    }

    /** None or the one value, without a stream pipeline per new contact ({@code optional.stream().toList()}). */
    private static <T> List<T> listOf(Optional<T> value) {
        return value.isPresent() ? List.of(value.get()) : List.of();
    }

    /** A new contact's consent, granted by the submission, also goes to the consent history (when kept). */
    private void recordConsent(Contact contact) {
        if (contact.consent().status() == MarketingConsent.Status.UNKNOWN || !consentHistory.kept()) {
            return;
        }
        consentHistory.append(new dev.crmkit.core.privacy.ConsentChange(context.ids().next(), contact.id(),
                dev.crmkit.core.privacy.ConsentChannel.EMAIL, contact.consent().status(), contact.consent().source(),
                contact.consent().since().orElse(contact.createdAt()), actor.actor()));
    }

    /** Existing contacts gain a name, an e-mail, a phone or a language only where they have none. */
    private Contact enrich(Contact contact, NormalizedSubmission s, Instant now) {
        Contact enriched = contact;
        if (enriched.name().isEmpty() && !s.name().isEmpty()) {
            enriched = enriched.withName(s.name(), now);
        }
        if (enriched.emails().isEmpty() && s.email().isPresent()
                && contacts.findByEmail(s.email().get()).isEmpty()) {
            enriched = enriched.withEmail(s.email().get(), true, now);
        }
        if (enriched.phones().isEmpty() && s.phone().isPresent()
                && contacts.findByPhone(s.phone().get()).isEmpty()) {
            enriched = enriched.withPhone(s.phone().get(), true, now);
        }
        if (enriched.language().isEmpty() && s.language().isPresent()) {
            enriched = enriched.withPersonalDetails(s.language(), enriched.birthday(), enriched.consent(), now);
        }
        if (enriched.owner().isEmpty() && s.raw().owner().isPresent()) {
            enriched = enriched.withOwner(s.raw().owner(), now);
        }
        return enriched == contact ? contact : saveContact(enriched, now);
    }

    private Contact saveContact(Contact contact, Instant now) {
        // the points were free when enrich looked: a concurrent capture may have claimed one since
        Contact stored = ConflictException.whenKeyTaken(() -> contacts.update(contact), "contact " + contact.id());
        context.events().publish(new ContactEvent.ContactChanged(stored.id(), stored.version(), now));
        return stored;
    }

    private Contact affiliate(Contact contact, CompanyId companyId, Instant now) {
        if (contact.affiliationWith(companyId).isPresent()) {
            return contact;
        }
        Contact linked = contacts.update(contact.withAffiliation(Affiliation.of(companyId, CompanyRole.EMPLOYEE), now));
        context.events().publish(
                new ContactEvent.ContactAffiliated(linked.id(), companyId, Set.of(CompanyRole.EMPLOYEE), now));
        return linked;
    }

    /** The web domain of the submission's e-mail address, unless it is a free mail provider's. */
    Optional<WebDomain> companyDomain(NormalizedSubmission s) {
        if (s.email().isEmpty() || settings.publicEmailDomains().contains(s.email().get().domain())) {
            return Optional.empty();
        }
        return Optional.of(WebDomain.of(s.email().get())); // parse(domain) without parsing the e-mail's domain again
    }

    private Optional<Company> resolveCompany(NormalizedSubmission s, Instant now) {
        Optional<WebDomain> domain = companyDomain(s);
        Optional<Company> found = domain.flatMap(companies::findByDomain);
        if (found.isEmpty() && !s.companyName().isEmpty()) {
            found = companies.findByName(s.companyName());
        }
        if (found.isPresent()) {
            return found;
        }
        if (s.companyName().isEmpty() && domain.isEmpty()) {
            return Optional.empty();
        }
        String name = s.companyName().isEmpty() ? nameFromDomain(domain.get()) : s.companyName();
        Company candidate = Company.create(new CompanyId(context.ids().next()), name, domain, now);
        Company company = companies.insertOrGet(candidate);
        if (company.id().equals(candidate.id())) {
            context.events().publish(new CompanyEvent.CompanyCreated(company.id(), true, now));
        }
        return Optional.of(company);
    }

    /**
     * {@code acme-tools.co.uk} gives {@code Acme-tools}: the first label, capitalized; a punycode label is shown in
     * Unicode ({@code xn--mller-kva.de} gives {@code Müller}).
     */
    static String nameFromDomain(WebDomain domain) {
        String label = java.net.IDN.toUnicode(domain.value().substring(0, domain.value().indexOf('.')));
        return label.substring(0, label.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                + label.substring(label.offsetByCodePoints(0, 1));
    }

    /** The owner sees the suspected duplicates: a timeline entry about all of them and, with an owner, a task. */
    private void alert(Contact contact, List<DuplicateCandidate> suspected, Instant now) {
        DuplicateAlert.record(timeline, tasks, context, contact, suspected, now);
    }

    /**
     * A follow-up task for the lead's owner, unless an open task is about the lead already. {@code inserted}: this unit
     * of work has just inserted the lead under an id it generated, and nothing before this call made a task about it,
     * so the look-up of open tasks about it is skipped (one index read per new lead).
     */
    private void followUp(Lead lead, Contact contact, boolean inserted, Instant now) {
        if (lead.owner().isEmpty() || settings.followUpWithin().isZero()) {
            return;
        }
        RecordRef ref = new RecordRef(RecordType.LEAD, lead.id().value());
        if (!inserted && !tasks.openAbout(ref).isEmpty()) {
            return;
        }
        tasks.create(NewTask.of("Follow up on " + Text.excerpt(contact.displayName()) + " ("
                        + lead.source().label() + ")",
                now.plus(settings.followUpWithin()), lead.owner().get(), Optional.of(ref)));
    }

    /**
     * The step's result, or null with its violations added to the problems. The step takes its inputs as arguments,
     * so each step is a lambda that captures nothing (one instance, not one per capture).
     */
    private static <A, B, T> T collect(List<Violation> problems, A first, B second,
                                       java.util.function.BiFunction<A, B, T> step) {
        try {
            return step.apply(first, second);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
            return null;
        }
    }

    /**
     * A submission after normalization.
     *
     * @param raw          the submission as received
     * @param source       where it came from, with the cleaned source detail
     * @param name         the normalized name
     * @param email        the normalized e-mail, if given
     * @param phone        the phone in E.164, if given
     * @param companyName  the normalized company name, possibly empty
     * @param language     the language, if given
     * @param externalId   the trimmed external id, if given
     * @param customFields the custom values read against the lead schema
     */
    public record NormalizedSubmission(LeadSubmission raw, LeadSource source, PersonName name, Optional<EmailAddress> email,
                                       Optional<PhoneNumber> phone, String companyName, Optional<Locale> language,
                                       Optional<String> externalId, CustomFields customFields) {
    }

    /**
     * The result of {@link #normalize}: the normalized submission, or the violations.
     *
     * @param submission the normalized submission, when valid
     * @param violations every broken rule, empty when valid
     */
    public record Normalized(Optional<NormalizedSubmission> submission, List<Violation> violations) {
        /** Copies the list. */
        public Normalized {
            violations = List.copyOf(violations);
        }
    }
}
