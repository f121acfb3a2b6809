package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyEvent;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactEvent;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customer.CustomerBase;
import dev.crmkit.core.customer.NewCompany;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemaChanged;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The behaviour of the customer base against a real store: contacts and companies created and changed by people,
 * every refused command listing all its problems by field and rule and leaving the store as it was. An adapter runs
 * it by extending this class and returning an empty store from {@link #newStore()}.
 */
public abstract class CustomerBaseContract {

    protected static final Instant MONDAY_9_BERLIN = Instant.parse("2026-03-02T08:00:00Z");
    protected static final UserId ANNA = UserId.of("anna.sales");

    protected CrmStore store;
    protected TestClock clock;
    protected Crm crm;
    protected CustomerBase customers;
    protected final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    /** An empty store of the adapter under test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        store = newStore();
        clock = TestClock.at(MONDAY_9_BERLIN, ZoneId.of("Europe/Berlin"));
        crm = Crm.builder().store(store).clock(clock).ids(IdGenerator.seeded(42))
                .defaultRegion("DE").events(events::add).build();
        customers = crm.customers();
    }

    // ------------------------------------------------------------------------------------------- createContact

    @Test
    void createContact_valid_storesNormalizedContactAndPublishesContactCreated() {
        Contact created = customers.createContact(new NewContact("  Jane ", " Doe  ",
                List.of(" Jane.Doe@Nordwind-Logistik.DE ", "jane@home.org"), List.of("030 1234567", "+44 20 7183 8750"),
                "", Optional.of(ANNA), Map.of()));

        assertAll(
                () -> assertEquals("Jane", created.name().first()),
                () -> assertEquals("Doe", created.name().last()),
                () -> assertEquals(List.of(new EmailAddress("jane.doe@nordwind-logistik.de"),
                        new EmailAddress("jane@home.org")), created.emails()),
                () -> assertEquals(List.of(PhoneNumber.of("+49301234567"), PhoneNumber.of("+442071838750")),
                        created.phones()),
                () -> assertEquals(Optional.of(ANNA), created.owner()),
                () -> assertEquals(1, created.version()),
                () -> assertEquals(MONDAY_9_BERLIN, created.createdAt()),
                () -> assertEquals(Optional.of(created), customers.contact(created.id())),
                () -> assertEquals(Optional.of(created), customers.contactByEmail("JANE@home.org ")),
                () -> assertEquals(Optional.of(created), store.contacts().findByPhone(PhoneNumber.of("+49301234567"))),
                () -> assertEquals(1, store.contacts().count()),
                () -> assertEquals(List.of(new ContactEvent.ContactCreated(created.id(), false, MONDAY_9_BERLIN)),
                        events));
    }

    @Test
    void createContact_nationalNumberWithRegionOfTheCommand_isReadInThatRegion() {
        Contact created = customers.createContact(new NewContact("Tom", "Smith", List.of(), List.of("020 7183 8750"),
                "GB", Optional.empty(), Map.of()));

        assertEquals(List.of(PhoneNumber.of("+442071838750")), created.phones());
    }

    @Test
    void createContact_sameAddressTwiceInOtherSpellings_keepsItOnce() {
        Contact created = customers.createContact(new NewContact("Jane", "Doe",
                List.of("jane@home.org", " JANE@HOME.ORG"), List.of("030 1234567", "+49 30 1234567"), "",
                Optional.empty(), Map.of()));

        assertEquals(List.of(new EmailAddress("jane@home.org")), created.emails());
        assertEquals(List.of(PhoneNumber.of("+49301234567")), created.phones());
    }

    @Test
    void createContact_twoBadEmails_listsEmails0AndEmails1() {
        List<String> problems = refused(() -> customers.createContact(new NewContact("Jane", "Doe",
                List.of("jane@", "a b@c.de"), List.of(), "", Optional.empty(), Map.of())));

        assertEquals(List.of("emails[0]/format", "emails[1]/format"), problems);
    }

    @Test
    void createContact_badEmailsPhonesAndCustomValues_listsEveryProblem() {
        defineContactFields();
        List<String> problems = refused(() -> customers.createContact(new NewContact("Jane", "Doe",
                List.of("jane.doe@gmail.com", "jane@"), List.of("030 1234567", "12-ab", "+49 30 1"), "",
                Optional.empty(), Map.of("budget", "abc", "tier", "bronze", "shoe_size", "42"))));

        assertEquals(List.of("customFields.budget/type", "customFields.shoe_size/unknown-field",
                "customFields.tier/allowed-values", "emails[1]/format", "phones[1]/format", "phones[2]/format"),
                problems);
    }

    /** Every problem, also when one of them is found by the edge validation of the command's sizes. */
    @Test
    void createContact_overlongNameAndBadEmail_listsBoth() {
        List<String> problems = refused(() -> customers.createContact(new NewContact("J".repeat(201), "Doe",
                List.of("jane@"), List.of(), "", Optional.empty(), Map.of())));

        assertEquals(List.of("emails[0]", "firstName"), problems.stream().map(p -> p.substring(0, p.indexOf('/')))
                .distinct().sorted().toList(), problems::toString);
    }

    /** The field of a too long list element is named like its format violation would be: {@code emails[0]}. */
    @Test
    void createContact_overlongEmail_namesTheListElement() {
        List<String> problems = refused(() -> customers.createContact(new NewContact("Jane", "Doe",
                List.of("j".repeat(330) + "@gmail.com"), List.of(), "", Optional.empty(), Map.of())));

        assertEquals(List.of("emails[0]"), problems.stream().map(p -> p.substring(0, p.indexOf('/'))).distinct()
                .toList(), problems::toString);
    }

    @Test
    void createContact_emailOfAnotherContactInOtherSpelling_isRefusedAsUnique() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane.doe@gmail.com"));
        events.clear();

        List<String> problems = refused(() -> customers.createContact(NewContact.of("J.", "Doe",
                " JANE.DOE@gmail.com")));

        assertEquals(List.of("emails[0]/unique"), problems);
        assertEquals(Optional.of(jane), customers.contact(jane.id()));
    }

    @Test
    void createContact_emailAndPhoneOfOtherContacts_listsBothUniqueViolations() {
        customers.createContact(NewContact.of("Jane", "Doe", "jane.doe@gmail.com"));
        customers.createContact(new NewContact("Bob", "Stein", List.of(), List.of("030 1234567"), "",
                Optional.empty(), Map.of()));
        events.clear();

        List<String> problems = refused(() -> customers.createContact(new NewContact("Eve", "Copy",
                List.of("eve@gmail.com", "Jane.Doe@gmail.com"), List.of("+49 30 1234567"), "", Optional.empty(),
                Map.of())));

        assertEquals(List.of("emails[1]/unique", "phones[0]/unique"), problems);
    }

    /** The index names the command's list element, also when an earlier element was a repeat of another. */
    @Test
    void createContact_takenEmailAfterARepeatedOne_namesTheIndexAsGiven() {
        customers.createContact(NewContact.of("Jane", "Doe", "jane.doe@gmail.com"));
        events.clear();

        List<String> problems = refused(() -> customers.createContact(new NewContact("Eve", "Copy",
                List.of("eve@gmail.com", "EVE@gmail.com", "jane.doe@gmail.com"), List.of(), "", Optional.empty(),
                Map.of())));

        assertEquals(List.of("emails[2]/unique"), problems);
    }

    @Test
    void createContact_requiredCustomFieldMissing_isRefused() {
        customers.defineCustomFields(CustomFieldSchema.of(RecordType.CONTACT,
                FieldDefinition.required("segment", FieldType.TEXT)));
        events.clear();

        assertEquals(List.of("customFields.segment/required"),
                refused(() -> customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"))));
    }

    @Test
    void createContact_customFieldsWithoutSchema_areUnknown() {
        assertEquals(List.of("customFields.budget/unknown-field"), refused(() -> customers.createContact(
                new NewContact("Jane", "Doe", List.of("jane@gmail.com"), List.of(), "", Optional.empty(),
                        Map.of("budget", "EUR 10.00")))));
    }

    @Test
    void createContact_validCustomValues_areStoredTyped() {
        defineContactFields();

        Contact created = customers.createContact(new NewContact("Jane", "Doe", List.of("jane@gmail.com"),
                List.of(), "", Optional.empty(), Map.of("budget", "EUR 1200.00", "tier", "gold")));

        assertEquals(Optional.of(new FieldValue.Amount(Money.of("1200.00", "EUR"))),
                created.customFields().get("budget"));
        assertEquals(Optional.of(new FieldValue.Choice("gold")), created.customFields().get("tier"));
    }

    // ------------------------------------------------------------------------------------------- createCompany

    @Test
    void createCompany_valid_normalizesDomainAndPublishesCompanyCreated() {
        Company company = customers.createCompany(NewCompany.of("  Nordwind   Logistik GmbH ",
                "https://www.Nordwind-Logistik.de/about"));

        assertAll(
                () -> assertEquals("Nordwind Logistik GmbH", company.name()),
                () -> assertEquals(Optional.of(new WebDomain("nordwind-logistik.de")), company.webDomain()),
                () -> assertEquals(1, company.version()),
                () -> assertEquals(Optional.of(company), customers.company(company.id())),
                () -> assertEquals(Optional.of(company), store.companies().findByName("NORDWIND LOGISTIK")),
                () -> assertEquals(List.of(new CompanyEvent.CompanyCreated(company.id(), false, MONDAY_9_BERLIN)),
                        events));
    }

    @Test
    void createCompany_withLegalIdentityAndProfile_storesThem() {
        Company company = customers.createCompany(new NewCompany("Nordwind", "Nordwind Logistik GmbH", "HRB 12345",
                "DE123456789", Optional.empty(), "", "Logistics", CompanySize.MEDIUM, Map.of()));

        Company stored = customers.company(company.id()).orElseThrow();
        assertEquals("Nordwind Logistik GmbH", stored.legalName());
        assertEquals("HRB 12345", stored.registrationNumber());
        assertEquals("DE123456789", stored.taxNumber());
        assertEquals("Logistics", stored.industry());
        assertEquals(CompanySize.MEDIUM, stored.size());
        assertEquals(Optional.empty(), stored.webDomain());
    }

    @Test
    void createCompany_domainOfAnotherCompany_isRefusedAsUnique() {
        customers.createCompany(NewCompany.of("Nordwind", "nordwind-logistik.de"));
        events.clear();

        assertEquals(List.of("webDomain/unique"), refused(() -> customers.createCompany(
                NewCompany.of("Nordwind Logistik", "http://WWW.nordwind-logistik.de"))));
    }

    @Test
    void createCompany_badDomainAndBadCustomValue_listsBoth() {
        customers.defineCustomFields(CustomFieldSchema.of(RecordType.COMPANY,
                FieldDefinition.optional("founded", FieldType.DATE)));
        events.clear();

        assertEquals(List.of("customFields.founded/type", "webDomain/format"), refused(() -> customers.createCompany(
                new NewCompany("Nordwind", "", "", "", Optional.empty(), "not a domain", "", CompanySize.UNKNOWN,
                        Map.of("founded", "last year")))));
    }

    /** Every problem, also when one of them is found by the edge validation of the command. */
    @Test
    void createCompany_blankNameAndBadDomain_listsBoth() {
        List<String> problems = refused(() -> customers.createCompany(NewCompany.of("  ", "not a domain")));

        assertEquals(List.of("name", "webDomain"), problems.stream().map(p -> p.substring(0, p.indexOf('/')))
                .distinct().sorted().toList(), problems::toString);
    }

    /** A violation names the command's field: {@code name}, not the aggregate's internal name for it. */
    @Test
    void createCompany_nameWithControlCharacter_namesTheNameField() {
        assertEquals(List.of("name/no-control-characters"),
                refused(() -> customers.createCompany(NewCompany.of("Nordwind\u0007", ""))));
    }

    // ------------------------------------------------------------------------------------------------ affiliate

    @Test
    void affiliate_contactWithCompany_linksWithRolesAndPublishesContactAffiliated() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        Company nordwind = customers.createCompany(NewCompany.of("Nordwind", "nordwind-logistik.de"));
        clock.advance(Duration.ofHours(1));
        events.clear();

        Contact linked = customers.affiliate(jane.id(), nordwind.id(),
                Set.of(CompanyRole.DECISION_MAKER, CompanyRole.PAYER), "");

        assertAll(
                () -> assertEquals(Optional.of(Set.of(CompanyRole.DECISION_MAKER, CompanyRole.PAYER)),
                        linked.affiliationWith(nordwind.id()).map(Affiliation::roles)),
                () -> assertEquals(2, linked.version()),
                () -> assertEquals(Optional.of(linked), customers.contact(jane.id())),
                () -> assertEquals(List.of(jane.id()), ids(customers.contactsOf(nordwind.id(), PageRequest.first(10)))),
                () -> assertEquals(List.of(new ContactEvent.ContactAffiliated(jane.id(), nordwind.id(),
                        Set.of(CompanyRole.DECISION_MAKER, CompanyRole.PAYER), clock.instant())), events));
    }

    @Test
    void affiliate_again_replacesTheRolesOfTheLink() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        Company nordwind = customers.createCompany(NewCompany.of("Nordwind", "nordwind-logistik.de"));
        customers.affiliate(jane.id(), nordwind.id(), Set.of(CompanyRole.EMPLOYEE), "");

        Contact relinked = customers.affiliate(jane.id(), nordwind.id(), Set.of(CompanyRole.SITE_CONTACT),
                " Plant Leipzig ");

        assertEquals(List.of(new Affiliation(nordwind.id(), Set.of(CompanyRole.SITE_CONTACT), "Plant Leipzig")),
                relinked.affiliations());
        assertEquals(List.of(jane.id()), ids(customers.contactsOf(nordwind.id(), PageRequest.first(10))));
    }

    @Test
    void affiliate_unknownCompany_isRefusedAndNothingChanges() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        events.clear();

        assertEquals(List.of("companyId/exists"), refused(() -> customers.affiliate(jane.id(),
                new CompanyId(UUID.fromString("00000000-0000-4000-8000-000000000001")),
                Set.of(CompanyRole.EMPLOYEE), "")));
    }

    @Test
    void affiliate_unknownContact_isRefused() {
        Company nordwind = customers.createCompany(NewCompany.of("Nordwind", "nordwind-logistik.de"));
        events.clear();

        assertEquals(List.of("contactId/exists"), refused(() -> customers.affiliate(
                new ContactId(UUID.fromString("00000000-0000-4000-8000-000000000002")), nordwind.id(),
                Set.of(CompanyRole.EMPLOYEE), "")));
    }

    @Test
    void affiliate_withoutRole_isRefused() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        Company nordwind = customers.createCompany(NewCompany.of("Nordwind", "nordwind-logistik.de"));
        events.clear();

        assertEquals(List.of("roles/required"),
                refused(() -> customers.affiliate(jane.id(), nordwind.id(), Set.of(), "")));
    }

    // ------------------------------------------------------------------------------------------ addEmail/Phone

    @Test
    void addEmail_newAddress_isAddedNormalizedAndPublished() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        clock.advance(Duration.ofMinutes(1));
        events.clear();

        Contact changed = customers.addEmail(jane.id(), " Jane.Doe@Nordwind-Logistik.de ", false);

        assertEquals(List.of(new EmailAddress("jane@gmail.com"), new EmailAddress("jane.doe@nordwind-logistik.de")),
                changed.emails());
        assertEquals(2, changed.version());
        assertEquals(Optional.of(changed), customers.contactByEmail("jane.doe@nordwind-logistik.de"));
        assertEquals(List.of(new ContactEvent.ContactChanged(jane.id(), 2, clock.instant())), events);
    }

    @Test
    void addEmail_asPrimary_becomesThePrimaryAddress() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        customers.addEmail(jane.id(), "jane.doe@nordwind-logistik.de", false);

        Contact changed = customers.addEmail(jane.id(), "JANE.DOE@nordwind-logistik.de", true);

        assertEquals(Optional.of(new EmailAddress("jane.doe@nordwind-logistik.de")), changed.primaryEmail());
        assertEquals(2, changed.emails().size());
    }

    @Test
    void addEmail_addressOfAnotherContact_isRefusedAsUnique() {
        customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        Contact bob = customers.createContact(NewContact.of("Bob", "Stein", "bob@gmail.com"));
        events.clear();

        assertEquals(List.of("email/unique"), refused(() -> customers.addEmail(bob.id(), "JANE@gmail.com", false)));
    }

    @Test
    void addEmail_malformed_isRefusedWithFormat() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        events.clear();

        assertEquals(List.of("email/format"), refused(() -> customers.addEmail(jane.id(), "jane@home", false)));
    }

    @Test
    void addEmail_unknownContact_isRefused() {
        assertEquals(List.of("contactId/exists"), refused(() -> customers.addEmail(
                new ContactId(UUID.fromString("00000000-0000-4000-8000-000000000003")), "x@gmail.com",
                false)));
    }

    @Test
    void addPhone_nationalNumber_isStoredInE164() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));

        Contact changed = customers.addPhone(jane.id(), "(030) 123 45 67", true);

        assertEquals(List.of(PhoneNumber.of("+49301234567")), changed.phones());
        assertEquals(Optional.of(changed), store.contacts().findByPhone(PhoneNumber.of("+49301234567")));
    }

    @Test
    void addPhone_numberOfAnotherContactInOtherSpelling_isRefusedAsUnique() {
        customers.createContact(new NewContact("Jane", "Doe", List.of(), List.of("030 1234567"), "", Optional.empty(),
                Map.of()));
        Contact bob = customers.createContact(NewContact.of("Bob", "Stein", "bob@gmail.com"));
        events.clear();

        assertEquals(List.of("phone/unique"), refused(() -> customers.addPhone(bob.id(), "0049 30 1234567", false)));
    }

    @Test
    void addPhone_unparseable_isRefusedWithFormat() {
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        events.clear();

        assertEquals(List.of("phone/format"), refused(() -> customers.addPhone(jane.id(), "call me maybe", false)));
    }

    // -------------------------------------------------------------------------------------------- custom fields

    @Test
    void defineCustomFields_schema_isStoredAndPublished() {
        CustomFieldSchema schema = contactSchema();

        customers.defineCustomFields(schema);

        assertEquals(schema, store.customFieldSchemas().schemaFor(RecordType.CONTACT));
        assertEquals(CustomFieldSchema.empty(RecordType.LEAD), store.customFieldSchemas().schemaFor(RecordType.LEAD));
        assertEquals(List.of(new CustomFieldSchemaChanged(RecordType.CONTACT, List.of("budget", "tier", "since"),
                MONDAY_9_BERLIN)), events);
    }

    @Test
    void defineCustomFields_again_replacesThePreviousDefinition() {
        defineContactFields();
        customers.defineCustomFields(CustomFieldSchema.of(RecordType.CONTACT,
                FieldDefinition.optional("nickname", FieldType.TEXT)));

        assertEquals(List.of("customFields.budget/unknown-field"), refused(() -> customers.createContact(
                new NewContact("Jane", "Doe", List.of("jane@gmail.com"), List.of(), "", Optional.empty(),
                        Map.of("budget", "EUR 10.00")))));
    }

    @Test
    void setCustomFields_validValues_areParsedStoredAndPublished() {
        defineContactFields();
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        clock.advance(Duration.ofMinutes(1));
        events.clear();

        Contact changed = customers.setCustomFields(jane.id(), Map.of("budget", "EUR 1200.00", "since", "2024-05-01"));

        assertEquals(Optional.of(new FieldValue.Amount(Money.of("1200.00", "EUR"))),
                changed.customFields().get("budget"));
        assertEquals(Optional.of(new FieldValue.Date(LocalDate.of(2024, 5, 1))), changed.customFields().get("since"));
        assertEquals(2, changed.version());
        assertEquals(Optional.of(changed), customers.contact(jane.id()));
        assertEquals(List.of(new ContactEvent.ContactChanged(jane.id(), 2, clock.instant())), events);
    }

    @Test
    void setCustomFields_valuesNotNamed_stayAsTheyAre() {
        defineContactFields();
        Contact jane = customers.createContact(new NewContact("Jane", "Doe", List.of("jane@gmail.com"), List.of(), "",
                Optional.empty(), Map.of("tier", "gold")));

        Contact changed = customers.setCustomFields(jane.id(), Map.of("budget", "EUR 5.00"));

        assertEquals(Optional.of(new FieldValue.Choice("gold")), changed.customFields().get("tier"));
        assertEquals(Optional.of(new FieldValue.Amount(Money.of("5.00", "EUR"))), changed.customFields().get("budget"));
    }

    @Test
    void setCustomFields_twoBadValuesAndAnUnknownKey_listsAllAndChangesNothing() {
        defineContactFields();
        Contact jane = customers.createContact(NewContact.of("Jane", "Doe", "jane@gmail.com"));
        events.clear();

        List<String> problems = refused(() -> customers.setCustomFields(jane.id(),
                Map.of("budget", "abc", "tier", "bronze", "shoe_size", "42")));

        assertEquals(List.of("customFields.budget/type", "customFields.shoe_size/unknown-field",
                "customFields.tier/allowed-values"), problems);
        assertEquals(1, customers.contact(jane.id()).orElseThrow().version());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Contact fields: a budget (money), a tier (gold or silver) and a customer-since date. */
    protected static CustomFieldSchema contactSchema() {
        return CustomFieldSchema.of(RecordType.CONTACT,
                FieldDefinition.optional("budget", FieldType.MONEY),
                FieldDefinition.choice("tier", FieldType.SINGLE_CHOICE, false, "gold", "silver"),
                FieldDefinition.optional("since", FieldType.DATE));
    }

    protected void defineContactFields() {
        customers.defineCustomFields(contactSchema());
        events.clear();
    }

    /**
     * Runs a command that must be refused with a {@link ValidationException}, checks that the store and the events
     * are as they were, and returns the violations as sorted {@code field/rule}.
     */
    protected List<String> refused(Executable command) {
        Snapshot before = snapshot();
        events.clear();
        ValidationException e = assertThrows(ValidationException.class, command);
        assertFalse(e.violations().isEmpty());
        assertEquals(before, snapshot(), "a refused command leaves the store as it was");
        assertEquals(List.of(), events, "a refused command publishes nothing");
        return e.violations().stream().map(v -> v.field() + "/" + v.rule()).sorted().toList();
    }

    private static List<ContactId> ids(Page<Contact> page) {
        return page.items().stream().map(Contact::id).toList();
    }

    protected Snapshot snapshot() {
        Map<RecordType, CustomFieldSchema> schemas = new EnumMap<>(RecordType.class);
        Arrays.stream(RecordType.values()).forEach(t -> schemas.put(t, store.customFieldSchemas().schemaFor(t)));
        return new Snapshot(store.contacts().count(), store.companies().count(), Fixtures.all(store.contacts()::findAll),
                Fixtures.all(store.companies()::findAll), schemas);
    }

    /**
     * What the customer base held at one moment.
     *
     * @param contacts     how many contacts
     * @param companies    how many companies
     * @param allContacts  every contact, with its version
     * @param allCompanies every company, with its version
     * @param schemas      the custom field schema of every record type
     */
    protected record Snapshot(long contacts, long companies, List<Contact> allContacts, List<Company> allCompanies,
                              Map<RecordType, CustomFieldSchema> schemas) {
    }
}
