package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.ScopedCrm;
import dev.crmkit.core.access.AccessDecision;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.FieldRef;
import dev.crmkit.core.access.Guarded;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.RoleId;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.User;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Field-level security through {@link Crm#as}, on one store. For generated populations ({@link AccessPopulation}'s
 * teams, roles, users, defaults and shares, with each role given a random {@link FieldAccess} on several fields of
 * each record type, and records that carry a value in each of those fields), every actor sees, through every read
 * path of the view, each field their role hides blank and every other field as stored: 0 leaks, 0 wrongly blanked.
 * The expected values come from {@link AccessPolicy#field} and accessors written out here, not from the redaction.
 * The read paths: {@code contact(id)}, {@code contactByEmail}, {@code contactByPhone}, {@code contacts(page)},
 * {@code contactsOf(company, page)}, {@code company(id)}, {@code companies(page)}, {@code lead(id)},
 * {@code leads(page)}, {@code leadsIn(status, page)}, {@code leadsOf(owner, page)}, {@code task(id)},
 * {@code tasksDueBefore}, {@code tasksAbout(record)}, and what {@code change} returns (for leads, tasks and
 * companies, each locked by the change). Edits: a change through the view
 * that alters a field the role may only read or not see is refused naming the permission, the field and the record,
 * and leaves the record as it was. Extend it with a class that returns a fresh, empty store.
 */
public abstract class ScopedFieldsContract {

    private static final int PAGE = 5;

    /** The fields each role gets a random access on, with how to read each and its blank value. */
    private static final Map<RecordType, Map<String, Function<Object, Object>>> READ = new LinkedHashMap<>();
    private static final Map<String, Object> BLANK = new HashMap<>();

    static {
        Map<String, Function<Object, Object>> contact = new LinkedHashMap<>();
        contact.put("customFields.secret", r -> ((Contact) r).customFields().get("secret"));
        contact.put("birthday", r -> ((Contact) r).birthday());
        contact.put("phones", r -> ((Contact) r).phones());
        contact.put("owner", r -> ((Contact) r).owner());
        READ.put(RecordType.CONTACT, contact);
        Map<String, Function<Object, Object>> company = new LinkedHashMap<>();
        company.put("customFields.secret", r -> ((Company) r).customFields().get("secret"));
        company.put("taxNumber", r -> ((Company) r).taxNumber());
        company.put("industry", r -> ((Company) r).industry());
        READ.put(RecordType.COMPANY, company);
        Map<String, Function<Object, Object>> lead = new LinkedHashMap<>();
        lead.put("customFields.secret", r -> ((Lead) r).customFields().get("secret"));
        lead.put("request", r -> ((Lead) r).request());
        lead.put("companyName", r -> ((Lead) r).companyName());
        lead.put("owner", r -> ((Lead) r).owner());
        READ.put(RecordType.LEAD, lead);
        Map<String, Function<Object, Object>> task = new LinkedHashMap<>();
        task.put("remindAt", r -> ((Task) r).remindAt());
        task.put("relatedTo", r -> ((Task) r).relatedTo());
        READ.put(RecordType.TASK, task);
        BLANK.put("customFields.secret", Optional.empty());
        BLANK.put("birthday", Optional.empty());
        BLANK.put("phones", List.of());
        BLANK.put("owner", Optional.empty());
        BLANK.put("taxNumber", "");
        BLANK.put("industry", "");
        BLANK.put("request", "");
        BLANK.put("companyName", "");
        BLANK.put("remindAt", Optional.empty());
        BLANK.put("relatedTo", Optional.empty());
    }

    /** Each record with the fields above blanked, whoever looks: what must be equal to the stored record. */
    private static final Map<RecordType, UnaryOperator<Object>> REST = Map.of(
            RecordType.CONTACT, r -> {
                Contact c = (Contact) r;
                return new Contact(c.id(), c.version(), c.name(), c.emails(), List.of(), c.addresses(), c.language(),
                        Optional.empty(), c.consent(), c.affiliations(), c.customFields().without("secret"),
                        Optional.empty(), c.createdAt(), c.updatedAt());
            },
            RecordType.COMPANY, r -> {
                Company c = (Company) r;
                return new Company(c.id(), c.version(), c.name(), c.legalName(), c.registrationNumber(), "",
                        c.legalAddress(), c.webDomain(), "", c.size(), c.customFields().without("secret"),
                        c.createdAt(), c.updatedAt());
            },
            RecordType.LEAD, r -> {
                Lead l = (Lead) r;
                return new Lead(l.id(), l.version(), l.contactId(), l.companyId(), l.source(), l.externalIds(),
                        l.fingerprints(), "", l.name(), l.email(), l.phone(), "", Optional.empty(), l.status(),
                        l.disqualificationReason(), l.submissions(), l.customFields().without("secret"),
                        l.createdAt(), l.updatedAt());
            },
            RecordType.TASK, r -> {
                Task t = (Task) r;
                return new Task(t.id(), t.version(), t.title(), t.due(), Optional.empty(), t.assignee(),
                        Optional.empty(), t.status(), t.closedAt(), t.createdAt());
            });

    /** A fresh, empty store; called once per population. */
    protected abstract CrmStore newStore();

    /** The seeds of the populations; a store that is slow to fill may run fewer. */
    protected long[] seeds() {
        return new long[] {11, 12};
    }

    @Test
    void everyReadPath_blanksExactlyTheFieldsTheRoleHides() {
        int[] counts = new int[3]; // hidden, shown, lookups and filters refused
        for (long seed : seeds()) {
            Population p = Population.store(newStore(), seed);
            Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
            AccessPolicy policy = AccessPolicy.of(p.org);
            for (Actor actor : p.actors) {
                ScopedCrm view = crm.as(actor);
                Checker check = new Checker(policy, actor, p.stored, "seed " + seed + ", " + actor, counts);
                for (Contact c : p.contacts) {
                    view.contact(c.id()).ifPresent(shown -> check.record("contact(id)", RecordType.CONTACT, shown));
                    if (!check.refusedIfHidden(RecordType.CONTACT, "emails", "email",
                            () -> view.contactByEmail(c.emails().get(0)))) {
                        view.contactByEmail(c.emails().get(0)).ifPresent(shown -> check.record("contactByEmail",
                                RecordType.CONTACT, shown));
                    }
                    if (!check.refusedIfHidden(RecordType.CONTACT, "phones", "phone",
                            () -> view.contactByPhone(c.phones().get(0)))) {
                        view.contactByPhone(c.phones().get(0)).ifPresent(shown -> check.record("contactByPhone",
                                RecordType.CONTACT, shown));
                    }
                }
                readAll(view::contacts, PAGE).forEach(c -> check.record("contacts(page)", RecordType.CONTACT, c));
                for (Company company : p.companies) {
                    view.company(company.id()).ifPresent(c -> check.record("company(id)", RecordType.COMPANY, c));
                    if (!check.refusedIfHidden(RecordType.CONTACT, "affiliations", "company",
                            () -> view.contactsOf(company.id(), PageRequest.first(PAGE)))) {
                        readAll(r -> view.contactsOf(company.id(), r), PAGE).forEach(c -> check.record("contactsOf",
                                RecordType.CONTACT, c));
                    }
                }
                readAll(view::companies, PAGE).forEach(c -> check.record("companies(page)", RecordType.COMPANY, c));
                for (Lead lead : p.leads) {
                    view.lead(lead.id()).ifPresent(l -> check.record("lead(id)", RecordType.LEAD, l));
                }
                readAll(view::leads, PAGE).forEach(l -> check.record("leads(page)", RecordType.LEAD, l));
                for (LeadStatus status : LeadStatus.values()) {
                    readAll(r -> view.leadsIn(status, r), PAGE).forEach(l -> check.record("leadsIn", RecordType.LEAD,
                            l));
                }
                for (User user : p.org.users()) {
                    if (!check.refusedIfHidden(RecordType.LEAD, "owner", "owner",
                            () -> view.leadsOf(user.id(), PageRequest.first(PAGE)))) {
                        readAll(r -> view.leadsOf(user.id(), r), PAGE).forEach(l -> check.record("leadsOf",
                                RecordType.LEAD, l));
                    }
                    view.tasksDueBefore(user.id(), at(100_000), 1_000).forEach(t -> check.record("tasksDueBefore",
                            RecordType.TASK, t));
                }
                for (Task task : p.tasks) {
                    view.task(task.id()).ifPresent(t -> check.record("task(id)", RecordType.TASK, t));
                    if (!check.refusedIfHidden(RecordType.TASK, "relatedTo", "record",
                            () -> view.tasksAbout(task.relatedTo().orElseThrow()))) {
                        task.relatedTo().flatMap(view::tasksAbout).ifPresent(ts -> ts.forEach(t -> check.record(
                                "tasksAbout", RecordType.TASK, t)));
                    }
                }
                for (Lead lead : p.leads.subList(0, 4)) {
                    Guarded<Lead> same = view.change(Permission.VIEW, ref(lead), () -> p.store.leads()
                            .findById(lead.id()).orElseThrow());
                    same.value().ifPresent(l -> check.record("change(...) value", RecordType.LEAD, l));
                }
                for (Task task : p.tasks.subList(0, 4)) { // locks the task (Tasks.lockById) before deciding
                    view.change(Permission.VIEW, new RecordRef(RecordType.TASK, task.id().value()),
                            () -> p.store.tasks().findById(task.id()).orElseThrow()).value()
                            .ifPresent(t -> check.record("change(...) value", RecordType.TASK, t));
                }
                for (Company company : p.companies.subList(0, 2)) { // locks the company before deciding
                    view.change(Permission.VIEW, new RecordRef(RecordType.COMPANY, company.id().value()),
                            () -> p.store.companies().findById(company.id()).orElseThrow()).value()
                            .ifPresent(c -> check.record("change(...) value", RecordType.COMPANY, c));
                }
            }
        }
        assertTrue(counts[0] > 0 && counts[1] > 0, "fields were both hidden and shown: " + counts[0] + ", "
                + counts[1]);
        assertTrue(counts[2] > 0, "lookups and filters on hidden fields were refused");
    }

    @Test
    void lookupsAndFilters_onAFieldTheRoleHides_areRefusedNamingTheField_whetherOrNotAnythingMatches() {
        CrmStore store = newStore();
        Crm crm = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        saveBenAs(store, Role.builder("rep", "Rep").everywhere(Scope.EVERYTHING)
                .field(RecordType.CONTACT, "emails", FieldAccess.HIDDEN)
                .field(RecordType.CONTACT, "phones", FieldAccess.HIDDEN)
                .field(RecordType.LEAD, "owner", FieldAccess.HIDDEN).build());
        Fixtures fx = new Fixtures(31);
        Contact stored = store.contacts().insertOrGet(fx.contact().owner(UserId.of("dana")).build());
        store.leads().insertOrGet(fx.lead().owner(UserId.of("dana")).build());
        ScopedCrm ben = crm.as(Actor.user("ben"));
        assertTrue(ben.contact(stored.id()).isPresent(), "ben sees the contact");
        assertTrue(ben.contact(stored.id()).orElseThrow().emails().isEmpty(), "but not its e-mails");

        for (dev.crmkit.core.kernel.EmailAddress email : List.of(stored.emails().get(0),
                dev.crmkit.core.kernel.EmailAddress.parse("nobody@example.org"))) {
            assertHiddenField("email", "user:ben may not read field contact.emails: role rep has HIDDEN on "
                    + "contact.emails", () -> ben.contactByEmail(email));
            // the personal-data export by e-mail would answer the same question: found (refused) or not (empty)
            assertHiddenField("email", "user:ben may not read field contact.emails", () -> ben.exportPersonalData(
                    new dev.crmkit.core.privacy.PersonKey.ByEmail(email)));
        }
        for (PhoneNumber phone : List.of(stored.phones().get(0), PhoneNumber.parse("+49 30 5550000", "DE"))) {
            assertHiddenField("phone", "user:ben may not read field contact.phones", () -> ben.contactByPhone(phone));
            assertHiddenField("phone", "user:ben may not read field contact.phones", () -> ben.exportPersonalData(
                    new dev.crmkit.core.privacy.PersonKey.ByPhone(phone)));
        }
        for (String owner : List.of("dana", "nobody")) {
            assertHiddenField("owner", "user:ben may not read field lead.owner", () -> ben.leadsOf(UserId.of(owner),
                    PageRequest.first(5)));
        }
        assertEquals(1, ben.leads(PageRequest.first(5)).items().size(), "the leads are listed without the filter");
        ScopedCrm system = crm.as(Actor.system("import"));
        assertEquals(Optional.of(stored), system.contactByEmail(stored.emails().get(0)), "a system looks up freely");
    }

    /** Saves the role {@code rep} given and the user ben who holds it, in one transaction. */
    private static void saveBenAs(CrmStore store, Role rep) {
        store.transactions().run(() -> {
            store.accessDirectory().save(rep);
            store.accessDirectory().save(new User(UserId.of("ben"), "Ben", Optional.empty(), Optional.empty(),
                    RoleId.of("rep")));
        });
    }

    private static void assertHiddenField(String parameter, String message,
                                          org.junit.jupiter.api.function.Executable read) {
        dev.crmkit.core.kernel.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.crmkit.core.kernel.ValidationException.class, read);
        assertEquals(parameter, e.violations().get(0).field());
        assertEquals("hidden-field", e.violations().get(0).rule());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void change_ofAFieldTheRoleMayNotEdit_isRefusedNamingPermissionFieldAndRecord_andChangesNothing() {
        int refusedForField = 0;
        int made = 0;
        for (long seed : seeds()) {
            Population p = Population.store(newStore(), seed);
            Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
            AccessPolicy policy = AccessPolicy.of(p.org);
            int n = 0;
            for (Actor actor : p.actors) {
                ScopedCrm view = crm.as(actor);
                for (Lead l : p.leads.subList(0, 6)) {
                    Lead before = p.store.leads().findById(l.id()).orElseThrow();
                    AccessRecord record = AccessRecord.of(before);
                    boolean mayEdit = policy.decide(actor, Permission.VIEW, record, p.store.shares().of(ref(l)))
                            .allowed() && policy.decide(actor, Permission.EDIT, record, p.store.shares()
                            .of(ref(l))).allowed();
                    FieldAccess access = policy.field(actor, new FieldRef(RecordType.LEAD, "customFields.secret"));
                    String value = "changed " + n++;
                    Guarded<Lead> outcome = view.change(Permission.EDIT, ref(l), () -> p.store.leads().update(
                            before.withCustomFields(before.customFields().with("secret", new FieldValue.Text(value)),
                                    at(50))));
                    Lead after = p.store.leads().findById(l.id()).orElseThrow();
                    String who = "seed " + seed + ", " + actor + ", " + l.id();
                    if (mayEdit && access == FieldAccess.EDIT) {
                        assertTrue(outcome.allowed(), who + ": " + outcome);
                        assertEquals(Optional.of(new FieldValue.Text(value)), after.customFields().get("secret"), who);
                        made++;
                        continue;
                    }
                    assertFalse(outcome.allowed(), who);
                    assertEquals(before, after, "a refused change leaves the lead as it was: " + who);
                    if (mayEdit) {
                        String role = p.org.user(((Actor.Person) actor).user()).orElseThrow().role().value();
                        assertEquals(actor + " may not edit field lead.customFields.secret of " + ref(l) + ": role "
                                + role + " has " + access + " on lead.customFields.secret",
                                outcome.decision().explain(), who);
                        refusedForField++;
                    }
                }
            }
        }
        assertTrue(refusedForField > 0 && made > 0, "edits were made and refused for the field: " + made + ", "
                + refusedForField);
    }

    @Test
    void addPhone_whenTheRoleMayOnlyReadPhones_isRefused_andLeavesContactAndAuditTrailAsTheyWere() {
        CrmStore store = newStore();
        Crm crm = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        saveBenAs(store, Role.builder("rep", "Rep")
                .scope(RecordType.CONTACT, Scope.OWN, Permission.VIEW, Permission.EDIT)
                .field(RecordType.CONTACT, "phones", FieldAccess.READ)
                .field(RecordType.CONTACT, "birthday", FieldAccess.HIDDEN).build());
        Contact own = store.contacts().insertOrGet(new Fixtures(21).contact().owner(UserId.of("ben"))
                .birthday(LocalDate.of(1980, 5, 1)).build());
        ScopedCrm ben = crm.as(Actor.user("ben"));
        RecordRef ref = new RecordRef(RecordType.CONTACT, own.id().value());

        Guarded<Contact> refused = ben.change(Permission.EDIT, ref, () -> crm.customers().addPhone(own.id(),
                "+49 30 1234567", false));

        assertEquals("user:ben may not edit field contact.phones of " + ref + ": role rep has READ on contact.phones",
                refused.decision().explain());
        assertEquals(own, store.contacts().findById(own.id()).orElseThrow(), "the phone was not added");
        assertTrue(store.auditTrail().forRecord(ref, PageRequest.first(10)).items().isEmpty(),
                "the undone change left no audit entry");

        Guarded<Contact> done = ben.addEmail(own.id(), "ben.own@example.org", false);
        assertTrue(done.allowed(), done.toString());
        assertEquals(Optional.empty(), done.value().orElseThrow().birthday(), "the returned contact hides birthday");
        assertEquals(Optional.of(LocalDate.of(1980, 5, 1)), store.contacts().findById(own.id()).orElseThrow()
                .birthday());
    }

    @Test
    void mergeContacts_thatWouldChangeAFieldTheRoleMayOnlyRead_isRefused_andMergesNothing_elseShowsAsTheActorSees() {
        CrmStore store = newStore();
        Crm crm = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        saveBenAs(store, Role.builder("rep", "Rep")
                .scope(RecordType.CONTACT, Scope.OWN, Permission.VIEW, Permission.EDIT, Permission.MERGE)
                .field(RecordType.CONTACT, "customFields.secret", FieldAccess.READ)
                .field(RecordType.CONTACT, "birthday", FieldAccess.HIDDEN).build());
        Fixtures f = new Fixtures(23);
        Contact keep = store.contacts().insertOrGet(f.contact().owner(UserId.of("ben")).build());
        Contact other = store.contacts().insertOrGet(f.contact().owner(UserId.of("ben"))
                .customFields(CustomFields.empty().with("secret", new FieldValue.Text("from the other"))).build());
        ScopedCrm ben = crm.as(Actor.user("ben"));
        RecordRef keepRef = new RecordRef(RecordType.CONTACT, keep.id().value());

        Guarded<dev.crmkit.core.merge.MergeOutcome> refused = ben.mergeContacts(
                dev.crmkit.core.merge.MergeContacts.into(keep.id(), List.of(keep.id(), other.id())));

        assertFalse(refused.allowed(), refused.toString());
        assertEquals("user:ben may not edit field contact.customFields.secret of " + keepRef
                + ": role rep has READ on contact.customFields.secret", refused.decision().explain());
        assertEquals(keep, store.contacts().findById(keep.id()).orElseThrow(), "nothing merged");
        assertEquals(other, store.contacts().findById(other.id()).orElseThrow(), "nothing merged");

        // without a READ field to fill, the merge is made; what it returns hides the birthday
        Contact born = store.contacts().insertOrGet(f.contact().owner(UserId.of("ben"))
                .birthday(LocalDate.of(1980, 5, 1)).build());
        Contact twin = store.contacts().insertOrGet(f.contact().owner(UserId.of("ben")).build());
        Guarded<dev.crmkit.core.merge.MergeOutcome> done = ben.mergeContacts(
                dev.crmkit.core.merge.MergeContacts.into(born.id(), List.of(born.id(), twin.id())));
        assertTrue(done.allowed(), done.toString());
        dev.crmkit.core.merge.MergeOutcome.Merged merged = (dev.crmkit.core.merge.MergeOutcome.Merged)
                done.value().orElseThrow();
        assertEquals(Optional.empty(), merged.survivor().birthday(), "the survivor returned hides birthday");
        assertEquals(Optional.empty(), merged.merge().survivorBefore().birthday(), "so does its snapshot");
        assertEquals(Optional.of(LocalDate.of(1980, 5, 1)), store.contacts().findById(born.id()).orElseThrow()
                .birthday(), "stored as it was");

        // a change through the merged-away id follows the merge and is decided on the survivor
        RecordRef gone = new RecordRef(RecordType.CONTACT, twin.id().value());
        Guarded<Contact> viaGone = ben.change(Permission.EDIT, gone, () -> crm.customers().addEmail(born.id(),
                "ben.merged@example.org", false));
        assertTrue(viaGone.allowed(), viaGone.toString());
        assertTrue(store.contacts().findById(born.id()).orElseThrow().emails().toString()
                .contains("ben.merged@example.org"));
        Guarded<Contact> lockedViaGone = ben.change(Permission.EDIT, gone, () -> store.contacts().update(
                store.contacts().findById(born.id()).orElseThrow().withCustomFields(
                        CustomFields.empty().with("secret", new FieldValue.Text("new")), Fixtures.CLOCK.instant())));
        assertEquals("user:ben may not edit field contact.customFields.secret of "
                + new RecordRef(RecordType.CONTACT, born.id().value())
                + ": role rep has READ on contact.customFields.secret", lockedViaGone.decision().explain());
    }

    @Test
    void editCompany_returnsTheCompanyAsTheActorSeesIt_andNoValueOfACandidateTheActorMayNotView() {
        CrmStore store = newStore();
        Crm setup = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        saveBenAs(store, Role.builder("rep", "Rep")
                .scope(RecordType.COMPANY, Scope.OWN, Permission.VIEW, Permission.EDIT)
                .field(RecordType.COMPANY, "customFields.credit", FieldAccess.HIDDEN).build());
        Company nordwind = ((dev.crmkit.core.customer.CompanyOutcome.Saved) setup.customers().createCompanyUnderRules(
                dev.crmkit.core.customer.NewCompany.of("Nordwind Logistik GmbH", "nordwind-logistik.de"))).saved();
        Company acme = ((dev.crmkit.core.customer.CompanyOutcome.Saved) setup.customers().createCompanyUnderRules(
                dev.crmkit.core.customer.NewCompany.of("Acme Tools GmbH", "acme-tools.example"))).saved();
        acme = store.companies().update(acme.withCustomFields(CustomFields.empty().with("credit",
                new FieldValue.Text("50000")), Fixtures.CLOCK.instant()));
        RecordRef acmeRef = new RecordRef(RecordType.COMPANY, acme.id().value());
        store.transactions().run(() -> store.shares().grant(new dev.crmkit.core.access.Share(acmeRef,
                dev.crmkit.core.access.Grantee.user("ben"), dev.crmkit.core.access.ShareLevel.READ_WRITE)));
        CompanyId acmeId = acme.id();

        Crm blocking = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK)
                .duplicateRules(dev.crmkit.core.duplicate.DuplicateRules.allowAll().withRule(RecordType.COMPANY,
                        dev.crmkit.core.duplicate.DuplicateAction.BLOCK)).build();
        Guarded<dev.crmkit.core.customer.CompanyOutcome> blocked = blocking.as(Actor.user("ben")).change(
                Permission.EDIT, acmeRef, () -> blocking.customers().editCompany(acmeId,
                        dev.crmkit.core.customer.CompanyEdit.rename("Nordwind Logistik AG")));
        dev.crmkit.core.customer.CompanyOutcome.Blocked refused = (dev.crmkit.core.customer.CompanyOutcome.Blocked)
                blocked.value().orElseThrow();
        assertEquals(List.of(nordwind.id()), refused.candidates().stream()
                .map(dev.crmkit.core.duplicate.CompanyCandidate::companyId).toList(), "refused for it, by id");
        assertTrue(refused.candidates().get(0).reasons().isEmpty(), refused.toString());
        assertFalse(refused.toString().contains("Nordwind Logistik GmbH"), refused.toString());
        assertFalse(refused.toString().contains("nordwind-logistik.de"), refused.toString());
        assertEquals("Acme Tools GmbH", store.companies().findById(acmeId).orElseThrow().name(), "not renamed");

        Crm alerting = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK)
                .duplicateRules(dev.crmkit.core.duplicate.DuplicateRules.allowAll().withRule(RecordType.COMPANY,
                        dev.crmkit.core.duplicate.DuplicateAction.ALERT)).build();
        Guarded<dev.crmkit.core.customer.CompanyOutcome> saved = alerting.as(Actor.user("ben")).change(
                Permission.EDIT, acmeRef, () -> alerting.customers().editCompany(acmeId,
                        dev.crmkit.core.customer.CompanyEdit.rename("Nordwind Logistik AG")));
        assertTrue(saved.allowed(), saved.toString());
        dev.crmkit.core.customer.CompanyOutcome.Saved shown = (dev.crmkit.core.customer.CompanyOutcome.Saved)
                saved.value().orElseThrow(); // the alert's only candidate is a company ben may not view
        assertEquals("Nordwind Logistik AG", shown.saved().name());
        assertEquals(Optional.empty(), shown.saved().customFields().get("credit"), "credit is hidden");
        assertEquals(Optional.of(new FieldValue.Text("50000")), store.companies().findById(acmeId).orElseThrow()
                .customFields().get("credit"), "stored as it was");
    }

    /**
     * A company or contact edit through a view returns its suspected duplicates without the match reasons that
     * compare a field the actor's role hides (such a reason quotes both records' values), as a lead edit does; a
     * contact edit's outcome is shown like a company's (the contact's hidden fields blank, a candidate the actor
     * may not view left out of an alert).
     */
    @Test
    void editCompanyAndContact_outcomesLeaveOutTheReasonsThatCompareAFieldTheRoleHides() {
        CrmStore store = newStore();
        Crm setup = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        store.transactions().run(() -> {
            store.accessDirectory().save(Role.builder("rep", "Rep")
                    .scope(RecordType.COMPANY, Scope.EVERYTHING, Permission.VIEW, Permission.EDIT)
                    .scope(RecordType.CONTACT, Scope.OWN, Permission.VIEW, Permission.EDIT)
                    .field(RecordType.COMPANY, "taxNumber", FieldAccess.HIDDEN)
                    .field(RecordType.CONTACT, "phones", FieldAccess.HIDDEN).build());
            store.accessDirectory().save(new User(UserId.of("ben"), "Ben", Optional.empty(), Optional.empty(),
                    RoleId.of("rep")));
        });
        String tax = "DE811907980";
        Company nordwind = ((dev.crmkit.core.customer.CompanyOutcome.Saved) setup.customers().createCompanyUnderRules(
                new dev.crmkit.core.customer.NewCompany("Nordwind Logistik GmbH", "", "", tax, Optional.empty(),
                        "nordwind-logistik.de", "", dev.crmkit.core.company.CompanySize.UNKNOWN, Map.of())))
                .saved();
        Company acme = ((dev.crmkit.core.customer.CompanyOutcome.Saved) setup.customers().createCompanyUnderRules(
                new dev.crmkit.core.customer.NewCompany("Acme Tools GmbH", "", "", tax, Optional.empty(),
                        "acme-tools.example", "", dev.crmkit.core.company.CompanySize.UNKNOWN, Map.of()))).saved();
        RecordRef acmeRef = new RecordRef(RecordType.COMPANY, acme.id().value());
        for (dev.crmkit.core.duplicate.DuplicateAction action : List.of(dev.crmkit.core.duplicate.DuplicateAction.BLOCK,
                dev.crmkit.core.duplicate.DuplicateAction.ALERT)) {
            Crm ruled = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK)
                    .duplicateRules(dev.crmkit.core.duplicate.DuplicateRules.allowAll().withRule(RecordType.COMPANY,
                            action)).build();
            Crm admin = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK)
                    .duplicateRules(dev.crmkit.core.duplicate.DuplicateRules.allowAll().withRule(RecordType.COMPANY,
                            dev.crmkit.core.duplicate.DuplicateAction.BLOCK)).build();
            dev.crmkit.core.customer.CompanyOutcome unscoped = admin.customers().editCompany(acme.id(),
                    dev.crmkit.core.customer.CompanyEdit.rename("Nordwind Logistik AG"));
            assertTrue(unscoped.toString().contains("811907980") && unscoped.toString().contains("identifier"),
                    "without a view the reasons compare the tax numbers: " + unscoped);
            Guarded<dev.crmkit.core.customer.CompanyOutcome> edited = ruled.as(Actor.user("ben")).change(
                    Permission.EDIT, acmeRef, () -> ruled.customers().editCompany(acme.id(),
                            dev.crmkit.core.customer.CompanyEdit.rename("Nordwind Logistik AG")));
            List<dev.crmkit.core.duplicate.CompanyCandidate> candidates = edited.value().orElseThrow()
                    instanceof dev.crmkit.core.customer.CompanyOutcome.Blocked b ? b.candidates()
                    : ((dev.crmkit.core.customer.CompanyOutcome.Alerted) edited.value().orElseThrow()).candidates();
            assertEquals(List.of(nordwind.id()), candidates.stream()
                    .map(dev.crmkit.core.duplicate.CompanyCandidate::companyId).toList(), action.toString());
            List<dev.crmkit.core.duplicate.Field> compared = candidates.get(0).reasons().stream()
                    .map(dev.crmkit.core.duplicate.Reason::field).toList();
            assertTrue(compared.contains(dev.crmkit.core.duplicate.Field.COMPANY_NAME), action + ": " + compared);
            assertFalse(compared.contains(dev.crmkit.core.duplicate.Field.IDENTIFIER), action + ": " + compared);
            assertFalse(edited.toString().contains("811907980"), action + ": the hidden tax number in " + edited);
        }

        // phones one digit apart: a typo, which the phone reason quotes
        Contact smith = setup.customers().createContact(new dev.crmkit.core.customer.NewContact("Kathy", "Smith",
                List.of(), List.of("040 7654321"), "", Optional.of(UserId.of("ben")), Map.of()));
        Contact jones = setup.customers().createContact(new dev.crmkit.core.customer.NewContact("Kathy", "Jones",
                List.of(), List.of("040 7654322"), "", Optional.of(UserId.of("ben")), Map.of()));
        Contact others = setup.customers().createContact(new dev.crmkit.core.customer.NewContact("Kathy", "Smith",
                List.of(), List.of("040 7654323"), "", Optional.of(UserId.of("dana")), Map.of()));
        Crm alerting = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK)
                .duplicateRules(dev.crmkit.core.duplicate.DuplicateRules.allowAll().withRule(RecordType.CONTACT,
                        dev.crmkit.core.duplicate.DuplicateAction.ALERT)).build();
        Guarded<dev.crmkit.core.customer.ContactOutcome> edited = alerting.as(Actor.user("ben")).change(
                Permission.EDIT, new RecordRef(RecordType.CONTACT, jones.id().value()), () -> alerting.customers()
                        .editContact(jones.id(), dev.crmkit.core.customer.ContactEdit.rename("Kathy", "Smith")));
        dev.crmkit.core.customer.ContactOutcome.Alerted alerted = (dev.crmkit.core.customer.ContactOutcome.Alerted)
                edited.value().orElseThrow();
        assertEquals(List.of(smith.id()), alerted.candidates().stream()
                .map(dev.crmkit.core.duplicate.DuplicateCandidate::contactId).toList(), "not dana's " + others.id());
        List<dev.crmkit.core.duplicate.Field> compared = alerted.candidates().get(0).reasons().stream()
                .map(dev.crmkit.core.duplicate.Reason::field).toList();
        assertTrue(compared.contains(dev.crmkit.core.duplicate.Field.LAST_NAME), compared.toString());
        assertFalse(compared.contains(dev.crmkit.core.duplicate.Field.PHONE), compared.toString());
        assertEquals(List.of(), alerted.saved().phones(), "phones are hidden");
        assertFalse(alerted.toString().contains("765432"), alerted.toString());
        assertEquals(1, store.contacts().findById(jones.id()).orElseThrow().phones().size(), "stored as it was");
    }

    /**
     * An entry about a contact and a company quotes no value of a company field the role hides, on the contact's
     * timeline and in the person's export made through the view (whose refusal covers contacts, leads, deals and
     * tasks, not companies); the unscoped export keeps it.
     */
    @Test
    void timelineAndPersonalExport_withholdTheHiddenValuesOfEveryRecordAnEntryIsAbout() {
        CrmStore store = newStore();
        Crm crm = Crm.builder().store(store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
        store.transactions().run(() -> {
            store.accessDirectory().save(Role.builder("clerk", "Clerk")
                    .scope(RecordType.CONTACT, Scope.EVERYTHING, Permission.VIEW, Permission.EXPORT)
                    .scope(RecordType.COMPANY, Scope.EVERYTHING, Permission.VIEW)
                    .field(RecordType.COMPANY, "taxNumber", FieldAccess.HIDDEN).build());
            store.accessDirectory().save(new User(UserId.of("erik"), "Erik", Optional.empty(), Optional.empty(),
                    RoleId.of("clerk")));
        });
        Company company = crm.customers().createCompany(new dev.crmkit.core.customer.NewCompany("Acme Tools GmbH",
                "", "", "DE811907980", Optional.empty(), "acme-tools.example", "",
                dev.crmkit.core.company.CompanySize.UNKNOWN, Map.of()));
        Contact contact = crm.customers().createContact(new dev.crmkit.core.customer.NewContact("Bea", "Benson",
                List.of("bea@kunde.example"), List.of(), "", Optional.empty(), Map.of()));
        RecordRef contactRef = new RecordRef(RecordType.CONTACT, contact.id().value());
        crm.timeline().record(dev.crmkit.core.activity.Activity.system(new dev.crmkit.core.activity.ActivityId(
                new UUID(15, 15)), "Checked tax number DE811907980", "for Bea: DE811907980",
                java.util.Set.of(contactRef, new RecordRef(RecordType.COMPANY, company.id().value())),
                Fixtures.CLOCK.instant()));

        ScopedCrm erik = crm.as(Actor.user("erik"));
        List<String> timeline = readAll(r -> erik.timeline(contactRef, r).orElseThrow(), 2).stream()
                .map(a -> a.subject() + " | " + a.body()).toList();
        assertTrue(timeline.contains("Checked tax number [hidden] | for Bea: [hidden]"), timeline.toString());
        dev.crmkit.core.privacy.PersonalRecords exported = erik.exportPersonalData(
                new dev.crmkit.core.privacy.PersonKey.ByContact(contact.id())).orElseThrow().value().orElseThrow();
        assertFalse(exported.timeline().isEmpty());
        assertFalse(exported.timeline().toString().contains("811907980"), exported.timeline().toString());
        assertTrue(exported.timeline().stream().anyMatch(a -> a.subject().equals("Checked tax number [hidden]")),
                exported.timeline().toString());
        assertTrue(crm.personalData().export(new dev.crmkit.core.privacy.PersonKey.ByContact(contact.id()))
                .orElseThrow().timeline().toString().contains("Checked tax number DE811907980"), "as stored");
    }

    private static RecordRef ref(Lead lead) {
        return new RecordRef(RecordType.LEAD, lead.id().value());
    }

    /** Checks records shown to one actor against the stored ones, field by field. */
    /**
     * The scan of the contacts the actor may view ({@code duplicateRecords}, {@code suspectedDuplicates}) sees each
     * contact as the actor does: a hidden birthday or phone is blank in its record, so it neither scores a pair nor is
     * quoted in a reason; a shown one is as stored.
     */
    @Test
    void duplicateScan_neitherComparesNorQuotesAHiddenField() {
        int[] counts = new int[2]; // hidden, shown
        for (long seed : seeds()) {
            Population p = Population.store(newStore(), seed);
            Crm crm = Crm.builder().store(p.store).defaultRegion("DE").clock(Fixtures.CLOCK).build();
            AccessPolicy policy = AccessPolicy.of(p.org);
            for (Actor actor : p.actors) {
                ScopedCrm view = crm.as(actor);
                boolean birthdayHidden = policy.field(actor, new FieldRef(RecordType.CONTACT, "birthday"))
                        == FieldAccess.HIDDEN;
                boolean phonesHidden = policy.field(actor, new FieldRef(RecordType.CONTACT, "phones"))
                        == FieldAccess.HIDDEN;
                List<String> hiddenValues = new ArrayList<>();
                for (dev.crmkit.core.duplicate.DuplicateRecord r : view.duplicateRecords()) {
                    Contact c = (Contact) p.stored.get(UUID.fromString(r.id()));
                    String birthday = c.birthday().orElseThrow().toString();
                    String phone = c.phones().get(0).toString();
                    String who = "seed " + seed + ", " + actor + ", " + r.id();
                    assertEquals(birthdayHidden ? "" : birthday, r.birthday(), who + ", birthday");
                    assertEquals(phonesHidden ? "" : phone, r.phone(), who + ", phone");
                    if (birthdayHidden) {
                        hiddenValues.add(birthday);
                    }
                    if (phonesHidden) {
                        hiddenValues.add(phone);
                    }
                    counts[birthdayHidden ? 0 : 1]++;
                    counts[phonesHidden ? 0 : 1]++;
                }
                dev.crmkit.core.duplicate.ScanResult scan = view.suspectedDuplicates(
                        dev.crmkit.core.duplicate.DuplicateScan.withDefaults().threshold(0.01));
                for (dev.crmkit.core.duplicate.ScoredPair pair : scan.pairs()) {
                    String reasons = pair.reasons().toString();
                    hiddenValues.forEach(v -> assertFalse(reasons.contains(v), actor + " sees hidden " + v + " in "
                            + reasons));
                }
            }
        }
        assertTrue(counts[0] > 0 && counts[1] > 0, "fields were both hidden and shown: " + counts[0] + ", "
                + counts[1]);
    }

    private static final class Checker {
        private final AccessPolicy policy;
        private final Actor actor;
        private final Map<UUID, Object> stored;
        private final String who;
        private final int[] counts;

        Checker(AccessPolicy policy, Actor actor, Map<UUID, Object> stored, String who, int[] counts) {
            this.policy = policy;
            this.actor = actor;
            this.stored = stored;
            this.who = who;
            this.counts = counts;
        }

        /**
         * Whether the actor's role hides the field: then the lookup or filter on it is refused naming the field (and
         * counted), whatever it would have found.
         */
        boolean refusedIfHidden(RecordType type, String field, String parameter,
                                org.junit.jupiter.api.function.Executable read) {
            if (policy.field(actor, new FieldRef(type, field)) != FieldAccess.HIDDEN) {
                return false;
            }
            assertHiddenField(parameter, actor + " may not read field " + new FieldRef(type, field), read);
            counts[2]++;
            return true;
        }

        void record(String path, RecordType type, Object shown) {
            Object original = stored.get(id(shown));
            String context = who + ", " + path + ", " + type + " " + id(shown);
            for (Map.Entry<String, Function<Object, Object>> field : READ.get(type).entrySet()) {
                boolean hidden = policy.field(actor, new FieldRef(type, field.getKey())) == FieldAccess.HIDDEN;
                Object expected = hidden ? BLANK.get(field.getKey()) : field.getValue().apply(original);
                assertEquals(expected, field.getValue().apply(shown), context + ", field " + field.getKey());
                if (!hidden) {
                    assertFalse(expected.equals(BLANK.get(field.getKey())), "the population sets " + field.getKey());
                }
                counts[hidden ? 0 : 1]++;
            }
            assertEquals(REST.get(type).apply(original), REST.get(type).apply(shown), context + ", other fields");
        }

        private static UUID id(Object record) {
            if (record instanceof Contact c) {
                return c.id().value();
            } else if (record instanceof Company c) {
                return c.id().value();
            } else if (record instanceof Lead l) {
                return l.id().value();
            }
            return ((Task) record).id().value();
        }
    }

    /** A generated population stored, every field the roles restrict given a value. */
    private static final class Population {
        final CrmStore store;
        final Organization org;
        final List<Actor> actors;
        final List<Contact> contacts = new ArrayList<>();
        final List<Company> companies = new ArrayList<>();
        final List<Lead> leads = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();
        final Map<UUID, Object> stored = new HashMap<>();

        private Population(CrmStore store, Organization org, List<Actor> actors) {
            this.store = store;
            this.org = org;
            this.actors = actors;
        }

        static Population store(CrmStore store, long seed) {
            AccessPopulation pop = AccessPopulation.generate(seed, 40, RecordType.CONTACT, RecordType.COMPANY,
                    RecordType.LEAD);
            Random random = new Random(seed * 31);
            List<Role> roles = new ArrayList<>();
            for (Role r : pop.organization().roles()) {
                Map<FieldRef, FieldAccess> fields = new LinkedHashMap<>();
                READ.forEach((type, byName) -> byName.keySet().forEach(f -> fields.put(new FieldRef(type, f),
                        FieldAccess.values()[random.nextInt(3)])));
                roles.add(new Role(r.id(), r.name(), r.reportsTo(), r.scopes(), fields, r.admin()));
            }
            Organization org = Organization.of(pop.organization().users(), pop.organization().teams(), roles,
                    pop.organization().defaults());
            Population p = new Population(store, org, pop.actors());
            Fixtures fx = new Fixtures(seed);
            List<UserId> owners = new ArrayList<>(org.users().stream().map(User::id).toList());
            store.transactions().run(() -> {
                org.teams().forEach(store.accessDirectory()::save);
                org.roles().forEach(store.accessDirectory()::save);
                org.users().forEach(store.accessDirectory()::save);
                org.defaults().forEach(store.accessDirectory()::setDefault);
                pop.shares().forEach(store.shares()::grant);
                int i = 0;
                for (dev.crmkit.core.access.AccessRecord r : pop.records()) {
                    CustomFields secret = CustomFields.empty().with("secret", new FieldValue.Text("s" + i));
                    UserId owner = r.owner().orElse(owners.get(i % owners.size()));
                    switch (r.ref().type()) {
                        case COMPANY -> p.companies.add(store.companies().insertOrGet(fx.company()
                                .id(new CompanyId(r.ref().id())).createdAt(at(i))
                                .legalIdentity("Legal " + i, "HRB " + i, "DE" + (100_000 + i),
                                        new Address("billing", "Street " + i, "10115", "Berlin", "", "DE"))
                                .profile("Industry " + i, CompanySize.values()[i % CompanySize.values().length])
                                .customFields(secret).build()));
                        case CONTACT -> {
                            Fixtures.ContactBuilder b = fx.contact().id(new ContactId(r.ref().id())).createdAt(at(i))
                                    .birthday(LocalDate.of(1970 + i, 1, 1)).customFields(secret).owner(owner);
                            if (!p.companies.isEmpty()) {
                                b.worksFor(p.companies.get(i % p.companies.size()).id());
                            }
                            p.contacts.add(store.contacts().insertOrGet(b.build()));
                        }
                        default -> p.leads.add(store.leads().insertOrGet(fx.lead().id(new LeadId(r.ref().id()))
                                .createdAt(at(i)).companyName("Company " + i).request("Request " + i)
                                .status(LeadStatus.values()[i % LeadStatus.values().length]).owner(owner)
                                .phone(PhoneNumber.parse("+49 30 9" + (100_000 + i), "DE"))
                                .customFields(secret).build()));
                    }
                    i++;
                }
                List<AccessRecord> about = pop.records();
                for (int t = 0; t < 24; t++) {
                    p.tasks.add(store.tasks().insert(fx.task().assignee(owners.get(t % owners.size()))
                            .due(at(5_000 + t)).remindAt(at(4_000 + t)).about(about.get(t % about.size()).ref())
                            .build()));
                }
            });
            p.contacts.forEach(c -> p.stored.put(c.id().value(), c));
            p.companies.forEach(c -> p.stored.put(c.id().value(), c));
            p.leads.forEach(l -> p.stored.put(l.id().value(), l));
            p.tasks.forEach(t -> p.stored.put(t.id().value(), t));
            return p;
        }
    }
}
