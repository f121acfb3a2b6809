package dev.crmkit.core.customer;

import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditLog;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.audit.ContactChanges;
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
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemaChanged;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.duplicate.CompanyCandidate;
import dev.crmkit.core.duplicate.CompanyDuplicates;
import dev.crmkit.core.duplicate.ContactDuplicates;
import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.duplicate.DuplicateAlert;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateCheck;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.task.TaskPlanner;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Text;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The customer base use case: contacts and companies created and changed by people (lead capture creates them
 * automatically). Every command is validated as a whole: a {@link ValidationException} lists every problem and
 * nothing is stored. Thread-safe.
 *
 * <p>Contacts created and edited here are under the duplicate rules for contacts by hand
 * ({@link DuplicateRules#forRecord} with record type {@link RecordType#CONTACT} and no channel; default allow, which
 * looks nothing up): {@link #createContactUnderRules} and {@link #editContact} report the outcome
 * ({@link ContactOutcome}); {@link #createContact}, {@link #addEmail} and {@link #addPhone} keep their signatures and
 * refuse a blocked change with a {@link ValidationException} of rule {@code duplicate} naming the ids and scores. Exact
 * e-mail and phone uniqueness is checked first, as before. Companies created here are under the rules for companies
 * by hand in the same way ({@link #createCompanyUnderRules}, {@link CompanyOutcome}; {@link #createCompany} refuses a
 * block as rule {@code duplicate}), and so are company edits ({@link #editCompany}).
 */
public final class CustomerBase {

    private final Contacts contacts;
    private final Companies companies;
    private final CustomFieldSchemas schemas;
    private final String defaultRegion;
    private final Context context;
    private final AuditLog audit;
    private final Timeline timeline;
    private final TaskPlanner tasks;
    private final DuplicateRules rules;
    private final ContactDuplicates duplicates;
    private final CompanyDuplicates companyDuplicates;
    private final dev.crmkit.core.privacy.Suppressions suppressions;
    /** Which contacts were erased: their edits are refused (rule {@code erased}). */
    private final dev.crmkit.core.privacy.PersonalData erasures;

    /** Wires the use case without an audit trail; {@link dev.crmkit.core.Crm} wires one. */
    public CustomerBase(Contacts contacts, Companies companies, CustomFieldSchemas schemas, String defaultRegion,
                        Context context) {
        this(contacts, companies, schemas, defaultRegion, context,
                new AuditLog(AuditTrail.none(), CurrentActor.unnamedHost(), context));
    }

    /**
     * Wires the use case; every change of a contact appends an audit entry with its field changes to the log, in the
     * change's unit of work. {@link dev.crmkit.core.Crm} does this for you.
     */
    public CustomerBase(Contacts contacts, Companies companies, CustomFieldSchemas schemas, String defaultRegion,
                        Context context, AuditLog audit) {
        this(contacts, companies, schemas, defaultRegion, context, audit, null, null, DuplicateRules.allowAll(),
                dev.crmkit.core.privacy.Suppressions.off());
    }

    /**
     * Wires the use case under duplicate rules; an alert is written to the timeline and, for the contact's owner, as a
     * task.
     */
    public CustomerBase(Contacts contacts, Companies companies, CustomFieldSchemas schemas, String defaultRegion,
                        Context context, AuditLog audit, Timeline timeline, TaskPlanner tasks,
                        DuplicateRules rules) {
        this(contacts, companies, schemas, defaultRegion, context, audit, timeline, tasks, rules,
                dev.crmkit.core.privacy.Suppressions.off());
    }

    /**
     * Wires the use case with the suppression list: a new contact, or an e-mail or phone added to one, whose e-mail
     * or phone is on the list (an erased person's) is refused with the rule {@code suppressed}, so an erased person is
     * not re-created unnoticed.
     */
    public CustomerBase(Contacts contacts, Companies companies, CustomFieldSchemas schemas, String defaultRegion,
                        Context context, AuditLog audit, dev.crmkit.core.privacy.Suppressions suppressions) {
        this(contacts, companies, schemas, defaultRegion, context, audit, null, null, DuplicateRules.allowAll(),
                suppressions);
    }

    /**
     * Wires the use case under duplicate rules (an alert is written to the timeline and, for the contact's owner, as
     * a task) and with the suppression list (an erased person's e-mail or phone is refused with the rule
     * {@code suppressed}). {@link dev.crmkit.core.Crm} does this for you with the rules of
     * {@link dev.crmkit.core.Crm.Builder#duplicateRules} and its suppression list.
     */
    public CustomerBase(Contacts contacts, Companies companies, CustomFieldSchemas schemas, String defaultRegion,
                        Context context, AuditLog audit, Timeline timeline, TaskPlanner tasks,
                        DuplicateRules rules, dev.crmkit.core.privacy.Suppressions suppressions) {
        this(contacts, companies, schemas, defaultRegion, context, audit, timeline, tasks, rules, suppressions,
                dev.crmkit.core.privacy.PersonalData.unsupported());
    }

    /**
     * Wires the use case as {@link #CustomerBase(Contacts, Companies, CustomFieldSchemas, String, Context, AuditLog,
     * Timeline, TaskPlanner, DuplicateRules, dev.crmkit.core.privacy.Suppressions)} and with the store's erasure
     * marks: an edit of a contact whose data was erased ({@link dev.crmkit.core.privacy.PersonalData#isErased}, asked
     * under the contact's row lock) is refused with the rule {@code erased}. {@link dev.crmkit.core.Crm} does this for
     * you with its store's {@link dev.crmkit.core.CrmStore#personalData()}.
     */
    public CustomerBase(Contacts contacts, Companies companies, CustomFieldSchemas schemas, String defaultRegion,
                        Context context, AuditLog audit, Timeline timeline, TaskPlanner tasks,
                        DuplicateRules rules, dev.crmkit.core.privacy.Suppressions suppressions,
                        dev.crmkit.core.privacy.PersonalData erasures) {
        this.erasures = Objects.requireNonNull(erasures, "erasures");
        this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
        this.rules = Objects.requireNonNull(rules, "rules");
        if (rules != DuplicateRules.allowAll()) {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(tasks, "tasks");
        }
        this.timeline = timeline;
        this.tasks = tasks;
        this.duplicates = new ContactDuplicates(contacts, defaultRegion);
        this.companyDuplicates = new CompanyDuplicates(companies, defaultRegion);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Creates a contact under the duplicate rules for contacts by hand.
     *
     * @throws ValidationException listing every problem: sizes, e-mail and phone formats, an e-mail on the reserved
     *                             domain of erased leads ({@code reserved}, {@link
     *                             dev.crmkit.core.privacy.Anonymized#inputEmail}), an e-mail or phone that
     *                             belongs to another contact ({@code unique}), custom values; or, when a
     *                             {@link DuplicateAction#BLOCK} rule refused it, rule {@code duplicate} on field
     *                             {@code name} naming the stored contacts and their scores (nothing is stored)
     */
    public Contact createContact(NewContact command) {
        return savedOrRefused(createContactUnderRules(command));
    }

    /**
     * Creates a contact under the duplicate rules for contacts by hand, in one unit of work: exact e-mail and phone
     * uniqueness first, then, unless the rule allows duplicates, the stored contacts that look like it are scored.
     * A block stores nothing and publishes nothing; an alert saves it and writes a timeline entry about it and every
     * candidate, and a task for its owner.
     *
     * @throws ValidationException listing every problem, as {@link #createContact} (but never rule {@code duplicate})
     */
    public ContactOutcome createContactUnderRules(NewContact command) {
        List<Violation> problems = edgeViolations(command);
        Set<String> flagged = EdgeValidation.fieldsOf(problems);
        PersonName name = flagged.contains("firstName") || flagged.contains("lastName") ? null
                : collect(problems, () -> PersonName.of(command.firstName(), command.lastName()));
        Map<EmailAddress, Integer> emails = new LinkedHashMap<>();
        for (int i = 0; i < command.emails().size(); i++) {
            String raw = command.emails().get(i);
            String field = "emails[" + i + "]";
            EmailAddress e = flagged.contains(field) ? null : collect(problems, field,
                    () -> dev.crmkit.core.privacy.Anonymized.inputEmail(raw));
            if (e != null) {
                emails.putIfAbsent(e, i);
            }
        }
        String region = command.defaultRegion().isBlank() ? defaultRegion : command.defaultRegion();
        Map<PhoneNumber, Integer> phones = new LinkedHashMap<>();
        for (int i = 0; i < command.phones().size(); i++) {
            String raw = command.phones().get(i);
            String field = "phones[" + i + "]";
            PhoneNumber p = flagged.contains(field) ? null
                    : collect(problems, field, () -> PhoneNumber.parse(raw, region));
            if (p != null) {
                phones.putIfAbsent(p, i);
            }
        }
        CustomFields fields = parseFields(RecordType.CONTACT, command.customFields(), problems, flagged, true);
        ValidationException.throwIfAny(problems);
        Instant now = context.clock().instant();
        Contact candidate = Contact.create(new ContactId(context.ids().next()), name, List.copyOf(emails.keySet()),
                List.copyOf(phones.keySet()), now).withOwner(command.owner(), now).withCustomFields(fields, now);
        return context.transactions().inTransaction(() -> {
            List<Violation> taken = new ArrayList<>();
            emails.forEach((email, index) -> contacts.findByEmail(email).ifPresent(other -> taken.add(new Violation(
                    "emails[" + index + "]", "unique", email + " already belongs to contact " + other.id()))));
            phones.forEach((phone, index) -> contacts.findByPhone(phone).ifPresent(other -> taken.add(new Violation(
                    "phones[" + index + "]", "unique", phone + " already belongs to contact " + other.id()))));
            emails.forEach((email, index) -> suppressed("emails[" + index + "]", Optional.of(email), Optional.empty())
                    .ifPresent(taken::add));
            phones.forEach((phone, index) -> suppressed("phones[" + index + "]", Optional.empty(), Optional.of(phone))
                    .ifPresent(taken::add));
            ValidationException.throwIfAny(taken);
            DuplicateAction action = rules.forRecord(RecordType.CONTACT, Optional.empty());
            DuplicateCheck check = action == DuplicateAction.ALLOW ? DuplicateCheck.none()
                    : duplicates.check(candidate, rules.threshold(), rules.candidateLimit());
            if (action == DuplicateAction.BLOCK && !check.candidates().isEmpty()) {
                return new ContactOutcome.Blocked(check.candidates(), check.limitReached()); // nothing written
            }
            Contact stored = contacts.insertOrGet(candidate);
            if (!stored.id().equals(candidate.id())) {
                throw ValidationException.of("emails", "unique",
                        "an e-mail or phone already belongs to contact " + stored.id());
            }
            context.events().publish(new ContactEvent.ContactCreated(stored.id(), false, now));
            audit.record(AuditAction.CREATE, Optional.of(refOf(stored)), List.of(), "");
            return alerted(stored, check.candidates(), check.limitReached(), now);
        });
    }

    /**
     * Creates a company under the duplicate rules for companies by hand (default allow: no rule for companies unless
     * one names them, see {@link DuplicateRules#forRecord}).
     *
     * @throws ValidationException listing every problem, including a web domain that belongs to another company; or,
     *                             when a {@link DuplicateAction#BLOCK} rule refused it, rule {@code duplicate} on
     *                             field {@code name} naming the stored companies and their scores (nothing stored)
     */
    public Company createCompany(NewCompany command) {
        CompanyOutcome outcome = createCompanyUnderRules(command);
        if (outcome instanceof CompanyOutcome.Blocked blocked) {
            throw ValidationException.of("name", "duplicate", blocked.reason());
        }
        return outcome.company().orElseThrow();
    }

    /**
     * Creates a company under the duplicate rules for companies by hand, in one unit of work: unless the rule allows
     * duplicates, the stored companies of the same name or legal name (legal forms, case and punctuation aside) are
     * scored ({@link CompanyDuplicates}). A block stores nothing and publishes nothing; an alert saves it and writes a
     * timeline entry about it and every candidate.
     *
     * @throws ValidationException listing every problem, including a web domain that belongs to another company
     */
    public CompanyOutcome createCompanyUnderRules(NewCompany command) {
        List<Violation> problems = edgeViolations(command);
        Set<String> flagged = EdgeValidation.fieldsOf(problems);
        if (!flagged.contains("name")) {
            collect(problems, "name", () -> Text.clean(command.name(), "name"));
        }
        Optional<WebDomain> domain = command.webDomain().isBlank() || flagged.contains("webDomain") ? Optional.empty()
                : Optional.ofNullable(collect(problems, () -> WebDomain.parse(command.webDomain())));
        CustomFields fields = parseFields(RecordType.COMPANY, command.customFields(), problems, flagged, true);
        ValidationException.throwIfAny(problems);
        Instant now = context.clock().instant();
        Company candidate = Company.create(new CompanyId(context.ids().next()), command.name(), domain, now)
                .withLegalIdentity(command.legalName(), command.registrationNumber(), command.taxNumber(),
                        command.legalAddress(), now)
                .withProfile(command.industry(), command.size(), now)
                .withCustomFields(fields, now);
        return context.transactions().inTransaction(() -> {
            DuplicateAction action = rules.forRecord(RecordType.COMPANY, Optional.empty());
            List<CompanyCandidate> suspected = action == DuplicateAction.ALLOW ? List.of()
                    : companyDuplicates.candidatesFor(candidate, rules.threshold());
            if (action == DuplicateAction.BLOCK && !suspected.isEmpty()) {
                return new CompanyOutcome.Blocked(suspected); // nothing written
            }
            Company stored = companies.insertOrGet(candidate);
            if (!stored.id().equals(candidate.id())) {
                throw ValidationException.of("webDomain", "unique", "web domain " + domain.orElseThrow()
                        + " already belongs to company " + stored.id());
            }
            context.events().publish(new CompanyEvent.CompanyCreated(stored.id(), false, now));
            if (suspected.isEmpty()) {
                return new CompanyOutcome.Saved(stored);
            }
            DuplicateAlert.record(timeline, context, stored, suspected, now);
            return new CompanyOutcome.Alerted(stored, suspected);
        });
    }

    /**
     * Edits a company's name, legal name and web domain under the duplicate rules for companies by hand, in one unit
     * of work, as {@link #editContact} does for contacts: only a stored company the edit makes the company look like
     * counts (below the threshold against the company before the edit, at or above it after). The company itself
     * and the companies merged into it (no longer stored) are never candidates, and a company that already looked
     * like another is not refused every later edit for it. A block writes nothing and publishes nothing; an alert
     * saves the edit and writes a timeline entry about it and every candidate. An edit that changes nothing saves
     * nothing and is {@link CompanyOutcome.Saved} with the company as it is.
     *
     * @param companyId the company, or a company merged into it (then the survivor is edited)
     * @throws ValidationException listing every problem: the company does not exist, a blank name, sizes, a web
     *                             domain that is malformed or belongs to another company ({@code unique})
     */
    public CompanyOutcome editCompany(CompanyId companyId, CompanyEdit edit) {
        List<Violation> problems = edgeViolations(Objects.requireNonNull(edit, "edit"));
        Set<String> flagged = EdgeValidation.fieldsOf(problems);
        Optional<String> name = flagged.contains("name") ? Optional.empty()
                : edit.name().map(n -> collect(problems, "name", () -> Text.clean(n, "name")));
        if (name.isPresent() && name.get().isEmpty()) {
            problems.add(new Violation("name", "required", "a company needs a name"));
        }
        Optional<String> legalName = flagged.contains("legalName") ? Optional.empty()
                : edit.legalName().map(n -> collect(problems, "legalName", () -> Text.clean(n, "legalName")));
        Optional<Optional<WebDomain>> domain = flagged.contains("webDomain") ? Optional.empty()
                : edit.webDomain().map(d -> d.isBlank() ? Optional.<WebDomain>empty()
                        : Optional.ofNullable(collect(problems, "webDomain", () -> WebDomain.parse(d))));
        ValidationException.throwIfAny(problems);
        CompanyId id = Objects.requireNonNull(companyId, "companyId");
        return context.transactions().inTransaction(() -> {
            Company company = companies.findById(id).orElseThrow(
                    () -> ValidationException.of("companyId", "exists", "there is no company " + id));
            Instant now = context.clock().instant();
            Company changed = company;
            if (name.isPresent() && !name.get().equals(company.name())) {
                changed = changed.withName(name.get(), now);
            }
            if (legalName.isPresent() && !legalName.get().equals(company.legalName())) {
                changed = changed.withLegalIdentity(legalName.get(), company.registrationNumber(),
                        company.taxNumber(), company.legalAddress(), now);
            }
            if (domain.isPresent() && !domain.get().equals(company.webDomain())) {
                Optional<Company> holder = domain.get().flatMap(companies::findByDomain);
                if (holder.isPresent() && !holder.get().id().equals(company.id())) {
                    throw ValidationException.of("webDomain", "unique", "web domain " + domain.get().orElseThrow()
                            + " already belongs to company " + holder.get().id());
                }
                changed = changed.withWebDomain(domain.get(), now);
            }
            if (changed == company) {
                return new CompanyOutcome.Saved(company);
            }
            return saveCompanyUnderRules(company, changed, now);
        });
    }

    /**
     * Saves an edited company under the rules, in the running unit of work: refused or alerted only for stored
     * companies that look like it after the edit and did not before.
     */
    private CompanyOutcome saveCompanyUnderRules(Company before, Company changed, Instant now) {
        DuplicateAction action = rules.forRecord(RecordType.COMPANY, Optional.empty());
        List<CompanyCandidate> fresh = action == DuplicateAction.ALLOW ? List.of()
                : companyDuplicates.candidatesFor(changed, rules.threshold());
        if (!fresh.isEmpty()) {
            Set<CompanyId> already = new java.util.HashSet<>();
            companyDuplicates.candidatesFor(before, rules.threshold()).forEach(c -> already.add(c.companyId()));
            fresh = fresh.stream().filter(c -> !already.contains(c.companyId())).toList();
        }
        if (action == DuplicateAction.BLOCK && !fresh.isEmpty()) {
            return new CompanyOutcome.Blocked(fresh); // nothing written
        }
        Company stored = companies.update(changed);
        RecordRef ref = new RecordRef(RecordType.COMPANY, stored.id().value());
        List<dev.crmkit.core.audit.FieldChange> changes = new ArrayList<>();
        if (!before.name().equals(stored.name())) {
            changes.add(dev.crmkit.core.audit.FieldChange.of("name", before.name(), stored.name()));
        }
        if (!before.legalName().equals(stored.legalName())) {
            changes.add(dev.crmkit.core.audit.FieldChange.of("legalName", before.legalName(), stored.legalName()));
        }
        if (!before.webDomain().equals(stored.webDomain())) {
            changes.add(dev.crmkit.core.audit.FieldChange.of("webDomain",
                    before.webDomain().map(Object::toString).orElse(""),
                    stored.webDomain().map(Object::toString).orElse("")));
        }
        audit.changed(ref, changes);
        context.events().publish(new CompanyEvent.CompanyChanged(stored.id(), stored.version(), now));
        if (fresh.isEmpty()) {
            return new CompanyOutcome.Saved(stored);
        }
        DuplicateAlert.record(timeline, context, stored, fresh, now);
        return new CompanyOutcome.Alerted(stored, fresh);
    }

    /**
     * Links a contact to a company with roles, or replaces the roles of an existing link.
     *
     * @param site for a site contact, the site; otherwise may be empty
     * @throws ValidationException if the contact or the company does not exist, or no role is given
     */
    public Contact affiliate(ContactId contactId, CompanyId companyId, Set<CompanyRole> roles, String site) {
        Affiliation affiliation = new Affiliation(companyId, roles, site);
        return context.transactions().inTransaction(() -> {
            Contact contact = requireContact(contactId);
            if (companies.findById(companyId).isEmpty()) {
                throw ValidationException.of("companyId", "exists", "there is no company " + companyId);
            }
            Instant now = context.clock().instant();
            Contact stored = contacts.update(contact.withAffiliation(affiliation, now));
            audit.changed(refOf(stored), ContactChanges.between(contact, stored));
            context.events().publish(
                    new ContactEvent.ContactAffiliated(contactId, companyId, affiliation.roles(), now));
            return stored;
        });
    }

    /**
     * Adds an e-mail address to a contact, as primary if asked, under the duplicate rules (see {@link #editContact}).
     *
     * @throws ValidationException if the address is malformed, on the reserved domain of erased leads (rule
     *                             {@code reserved}) or belongs to another contact, or rule {@code duplicate} if a {@link DuplicateAction#BLOCK} rule refused the change, or
     *                             rule {@code erased} if the contact's data was erased (see {@link #editContact})
     */
    public Contact addEmail(ContactId contactId, String email, boolean primary) {
        EmailAddress address = dev.crmkit.core.privacy.Anonymized.inputEmail(email);
        return savedOrRefused(context.transactions().inTransaction(() -> {
            Contact contact = requireEditable(contactId);
            contacts.findByEmail(address).filter(other -> !other.id().equals(contact.id())).ifPresent(other -> {
                throw ValidationException.of("email", "unique", address + " already belongs to contact " + other.id());
            });
            suppressed("email", Optional.of(address), Optional.empty()).ifPresent(v -> {
                throw ValidationException.of(v.field(), v.rule(), v.message());
            });
            return saveUnderRules(contact, contact.withEmail(address, primary, context.clock().instant()));
        }));
    }

    /**
     * Adds a phone number to a contact, as primary if asked, under the duplicate rules (see {@link #editContact}).
     *
     * @throws ValidationException if the number is invalid or belongs to another contact, or rule {@code duplicate}
     *                             if a {@link DuplicateAction#BLOCK} rule refused the change, or rule {@code erased}
     *                             if the contact's data was erased (see {@link #editContact})
     */
    public Contact addPhone(ContactId contactId, String phone, boolean primary) {
        PhoneNumber number = PhoneNumber.parse(phone, defaultRegion);
        return savedOrRefused(context.transactions().inTransaction(() -> {
            Contact contact = requireEditable(contactId);
            contacts.findByPhone(number).filter(other -> !other.id().equals(contact.id())).ifPresent(other -> {
                throw ValidationException.of("phone", "unique", number + " already belongs to contact " + other.id());
            });
            suppressed("phone", Optional.empty(), Optional.of(number)).ifPresent(v -> {
                throw ValidationException.of(v.field(), v.rule(), v.message());
            });
            return saveUnderRules(contact, contact.withPhone(number, primary, context.clock().instant()));
        }));
    }

    /**
     * Edits a contact's name, e-mails and phones under the duplicate rules for contacts by hand, in one unit of work.
     * Only a stored contact the edit makes the contact look like counts: one that scored below the threshold against
     * the contact before the edit and at or above it after. The contact itself and the contacts merged into it are
     * never candidates, and a contact that already looked like another is not refused every later edit for it. A
     * block writes nothing and publishes nothing; an alert saves the edit and writes a timeline entry and a task for
     * the owner, as {@link #createContactUnderRules} does. An edit that changes nothing saves nothing and is
     * {@link ContactOutcome.Saved} with the contact as it is.
     *
     * @param contactId the contact, or a contact merged into it (then the survivor is edited)
     * @throws ValidationException listing every problem: the contact does not exist, sizes, formats, an e-mail on
     *                             the reserved domain of erased leads ({@code reserved}), an e-mail or phone that
     *                             belongs to another contact ({@code unique}); or rule {@code erased} on
     *                             {@code contactId} when the contact's data was erased (an erasure or retention
     *                             anonymized it): asked after the contact's row lock, so an edit that waited for an
     *                             erasure writes nothing and publishes nothing either; reads still work
     */
    public ContactOutcome editContact(ContactId contactId, ContactEdit edit) {
        List<Violation> problems = edgeViolations(Objects.requireNonNull(edit, "edit"));
        Set<String> flagged = EdgeValidation.fieldsOf(problems);
        String region = edit.defaultRegion().isBlank() ? defaultRegion : edit.defaultRegion();
        Map<EmailAddress, Integer> emails = new LinkedHashMap<>();
        for (int i = 0; i < edit.addEmails().size(); i++) {
            String field = "addEmails[" + i + "]";
            String raw = edit.addEmails().get(i);
            EmailAddress e = flagged.contains(field) ? null : collect(problems, field,
                    () -> dev.crmkit.core.privacy.Anonymized.inputEmail(raw));
            if (e != null) {
                emails.putIfAbsent(e, i);
            }
        }
        Map<PhoneNumber, Integer> phones = new LinkedHashMap<>();
        for (int i = 0; i < edit.addPhones().size(); i++) {
            String field = "addPhones[" + i + "]";
            String raw = edit.addPhones().get(i);
            PhoneNumber p = flagged.contains(field) ? null
                    : collect(problems, field, () -> PhoneNumber.parse(raw, region));
            if (p != null) {
                phones.putIfAbsent(p, i);
            }
        }
        ValidationException.throwIfAny(problems);
        return context.transactions().inTransaction(() -> {
            Contact contact = requireEditable(contactId);
            Instant now = context.clock().instant();
            List<Violation> invalid = new ArrayList<>();
            Contact changed = contact;
            if (edit.firstName().isPresent() || edit.lastName().isPresent()) {
                PersonName name = collect(invalid, () -> PersonName.of(
                        edit.firstName().orElse(contact.name().first()),
                        edit.lastName().orElse(contact.name().last())));
                if (name != null && !name.equals(contact.name())) {
                    changed = changed.withName(name, now);
                }
            }
            for (Map.Entry<EmailAddress, Integer> e : emails.entrySet()) {
                Optional<Contact> holder = contacts.findByEmail(e.getKey());
                if (holder.isPresent() && !holder.get().id().equals(contact.id())) {
                    invalid.add(new Violation("addEmails[" + e.getValue() + "]", "unique",
                            e.getKey() + " already belongs to contact " + holder.get().id()));
                } else if (suppressed("addEmails[" + e.getValue() + "]", Optional.of(e.getKey()), Optional.empty())
                        .map(invalid::add).orElse(false)) {
                    continue; // an erased person's address: refused below
                } else if (!changed.emails().contains(e.getKey())) {
                    changed = changed.withEmail(e.getKey(), changed.emails().isEmpty(), now);
                }
            }
            for (Map.Entry<PhoneNumber, Integer> p : phones.entrySet()) {
                Optional<Contact> holder = contacts.findByPhone(p.getKey());
                if (holder.isPresent() && !holder.get().id().equals(contact.id())) {
                    invalid.add(new Violation("addPhones[" + p.getValue() + "]", "unique",
                            p.getKey() + " already belongs to contact " + holder.get().id()));
                } else if (suppressed("addPhones[" + p.getValue() + "]", Optional.empty(), Optional.of(p.getKey()))
                        .map(invalid::add).orElse(false)) {
                    continue; // an erased person's number: refused below
                } else if (!changed.phones().contains(p.getKey())) {
                    changed = changed.withPhone(p.getKey(), changed.phones().isEmpty(), now);
                }
            }
            ValidationException.throwIfAny(invalid);
            if (changed.equals(contact)) {
                return new ContactOutcome.Saved(contact);
            }
            return saveUnderRules(contact, changed);
        });
    }

    /**
     * Sets custom values of a contact from text; values not named stay as they are.
     *
     * @throws ValidationException listing every value that breaks the contact schema, or rule {@code erased} if the
     *                             contact's data was erased (see {@link #editContact})
     */
    public Contact setCustomFields(ContactId contactId, Map<String, String> values) {
        List<Violation> problems = new ArrayList<>();
        CustomFields parsed = parseFields(RecordType.CONTACT, values, problems, Set.of(), false);
        ValidationException.throwIfAny(problems);
        return context.transactions().inTransaction(() -> {
            Contact contact = requireEditable(contactId);
            CustomFields merged = parsed.fillEmptyFrom(contact.customFields());
            ValidationException.throwIfAny(schemas.schemaFor(RecordType.CONTACT).validate(merged));
            return saveContact(contact, contact.withCustomFields(merged, context.clock().instant()));
        });
    }

    /** Defines the custom fields of a record type, replacing the previous definition. */
    public void defineCustomFields(CustomFieldSchema schema) {
        Objects.requireNonNull(schema, "schema");
        context.transactions().run(() -> {
            schemas.save(schema);
            context.events().publish(new CustomFieldSchemaChanged(schema.recordType(),
                    schema.fields().stream().map(FieldDefinition::key).toList(), context.clock().instant()));
        });
    }

    /** The contact with this id. */
    public Optional<Contact> contact(ContactId id) {
        return contacts.findById(id);
    }

    /** The contact holding this e-mail address, as typed (it is normalized first). */
    public Optional<Contact> contactByEmail(String email) {
        return EmailAddress.tryParse(email).flatMap(contacts::findByEmail);
    }

    /** The company with this id. */
    public Optional<Company> company(CompanyId id) {
        return companies.findById(id);
    }

    /** The contacts linked to a company. */
    public Page<Contact> contactsOf(CompanyId companyId, PageRequest page) {
        return contacts.findByCompany(companyId, page);
    }

    /** The refusal of a value on the suppression list (an erased person's), read in the running unit of work. */
    private Optional<Violation> suppressed(String field, Optional<EmailAddress> email, Optional<PhoneNumber> phone) {
        return suppressions.matches(email, phone).isEmpty() ? Optional.empty() : Optional.of(new Violation(field,
                "suppressed", "belongs to an erased person (suppression list): not stored again"));
    }

    /**
     * The contact, held for the running unit of work ({@link Contacts#lockById}), whose personal values an edit is
     * about to change: refused (rule {@code erased}, nothing written) when its data was erased, read after the lock,
     * so an edit that waited for an erasure meets the anonymous contact here and writes nothing onto it.
     */
    private Contact requireEditable(ContactId id) {
        Contact contact = contacts.lockById(Objects.requireNonNull(id, "contactId")).orElseThrow(
                () -> ValidationException.of("contactId", "exists", "there is no contact " + id));
        if (erasures.isErased(contact.id())) {
            throw ValidationException.of("contactId", "erased", "contact " + contact.id() + " belongs to a person "
                    + "whose data was erased: an anonymized record is not edited");
        }
        return contact;
    }

    private Contact requireContact(ContactId id) {
        return contacts.findById(Objects.requireNonNull(id, "contactId")).orElseThrow(
                () -> ValidationException.of("contactId", "exists", "there is no contact " + id));
    }

    /**
     * Saves an edited contact under the rules, in the running unit of work: refused or alerted only for stored
     * contacts that look like it after the edit and did not before.
     */
    private ContactOutcome saveUnderRules(Contact before, Contact changed) {
        DuplicateAction action = rules.forRecord(RecordType.CONTACT, Optional.empty());
        DuplicateCheck after = action == DuplicateAction.ALLOW ? DuplicateCheck.none()
                : duplicates.check(changed, rules.threshold(), rules.candidateLimit());
        List<DuplicateCandidate> fresh = after.candidates();
        if (!fresh.isEmpty()) {
            Set<ContactId> already = new java.util.HashSet<>();
            duplicates.check(before, rules.threshold(), rules.candidateLimit()).candidates()
                    .forEach(c -> already.add(c.contactId()));
            fresh = fresh.stream().filter(c -> !already.contains(c.contactId())).toList();
        }
        if (action == DuplicateAction.BLOCK && !fresh.isEmpty()) {
            return new ContactOutcome.Blocked(fresh, after.limitReached()); // nothing written
        }
        Contact stored = saveContact(before, changed);
        return alerted(stored, fresh, after.limitReached(), context.clock().instant());
    }

    /** Saved, or, with suspected duplicates (only found under an alert rule here), alerted and recorded. */
    private ContactOutcome alerted(Contact stored, List<DuplicateCandidate> suspected, boolean limitReached,
                                   Instant now) {
        if (suspected.isEmpty()) {
            return new ContactOutcome.Saved(stored);
        }
        DuplicateAlert.record(timeline, tasks, context, stored, suspected, now);
        return new ContactOutcome.Alerted(stored, suspected, limitReached);
    }

    /** The saved contact, or a blocked change as a validation error (for the methods that return a contact). */
    private static Contact savedOrRefused(ContactOutcome outcome) {
        if (outcome instanceof ContactOutcome.Blocked blocked) {
            throw ValidationException.of("name", "duplicate", blocked.reason());
        }
        return outcome.contact().orElseThrow();
    }

    private Contact saveContact(Contact before, Contact changed) {
        Contact stored = contacts.update(changed);
        audit.changed(refOf(stored), ContactChanges.between(before, stored));
        context.events().publish(
                new ContactEvent.ContactChanged(stored.id(), stored.version(), context.clock().instant()));
        return stored;
    }

    private static RecordRef refOf(Contact contact) {
        return new RecordRef(RecordType.CONTACT, contact.id().value());
    }

    /** The command's annotation violations; a missing (null) part makes the command unreadable, so that throws. */
    private List<Violation> edgeViolations(Object command) {
        List<Violation> problems = new ArrayList<>(context.validation().violationsOf(command));
        if (problems.stream().anyMatch(v -> v.rule().equals("not-null"))) {
            throw new ValidationException(problems);
        }
        return problems;
    }

    private CustomFields parseFields(RecordType type, Map<String, String> raw, List<Violation> problems,
                                     Set<String> flagged, boolean complete) {
        CustomFieldSchema schema = schemas.schemaFor(type);
        CustomFieldSchema.ParsedFields parsed = schema.parse(raw);
        for (Violation v : parsed.violations()) {
            boolean partialUpdateMissing = !complete && v.rule().equals("required")
                    && !raw.containsKey(v.field().substring("customFields.".length()));
            if (!partialUpdateMissing && !flagged.contains(v.field())) {
                problems.add(v);
            }
        }
        for (String unknown : parsed.unknownKeys()) {
            problems.add(new Violation("customFields." + unknown, "unknown-field", "'" + unknown
                    + "' is not a custom field of " + type.name().toLowerCase(java.util.Locale.ROOT) + " records"));
        }
        return parsed.values();
    }

    private static <T> T collect(List<Violation> problems, Supplier<T> step) {
        try {
            return step.get();
        } catch (ValidationException e) {
            problems.addAll(e.violations());
            return null;
        }
    }

    private static <T> T collect(List<Violation> problems, String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (ValidationException e) {
            e.violations().forEach(v -> problems.add(new Violation(field, v.rule(), v.message())));
            return null;
        }
    }
}
