package dev.crmkit.core.contract;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.LeadStatusChange;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskChange;
import dev.crmkit.core.task.TaskId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Valid records for the repository contract suite, built from a fixed clock instant and a seeded id generator so
 * every run stores the same data. Each builder starts from a record that every store must accept and gives each new
 * record its own id, e-mail address and phone number, so tests set only what they are about.
 *
 * <p>Every instant here is a whole number of milliseconds: a store must keep at least that precision.
 *
 * <p>One instance per test; the counters are thread-safe, so concurrent tests may share one.
 */
public final class Fixtures {

    /** The fixed "now" of every fixture. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock fixed at {@link #T0}. */
    public static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    /** A user. */
    public static final UserId ALICE = UserId.of("alice");

    /** Another user. */
    public static final UserId BOB = UserId.of("bob");

    /** Text that breaks naive storage: 4-byte emoji, accents, both quote kinds, an SQL injection attempt. */
    public static final String TRICKY_TEXT = "Zoë \"Z\" O'Brien 😀🚀 '; DROP TABLE contacts; --";

    private final IdGenerator ids;
    private final AtomicInteger serial = new AtomicInteger();

    /** Fixtures with the default seed. */
    public Fixtures() {
        this(20_260_302L);
    }

    /** Fixtures whose ids come from a generator seeded with {@code seed}. */
    public Fixtures(long seed) {
        this.ids = IdGenerator.seeded(seed);
    }

    /** {@link #T0} plus some seconds. */
    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    /** The next seeded id. */
    public UUID nextId() {
        return ids.next();
    }

    /**
     * Fresh ids from largest to smallest (as unsigned numbers and as text): records stored with them in this order are
     * inserted against the order of their ids, so a list that comes back in insertion order did not sort by id.
     */
    public List<UUID> idsDescending(int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(nextId());
        }
        out.sort(Comparator.comparing(UUID::toString).reversed());
        return out;
    }

    /** An e-mail address no other fixture of this instance uses. */
    public EmailAddress email() {
        return EmailAddress.parse("person" + serial.incrementAndGet() + "@example.com");
    }

    /** A phone number no other fixture of this instance uses. */
    public PhoneNumber phone() {
        return PhoneNumber.of(String.format(Locale.ROOT, "+49151%08d", serial.incrementAndGet()));
    }

    /** A web domain no other fixture of this instance uses. */
    public WebDomain domain() {
        return new WebDomain("company" + serial.incrementAndGet() + ".example");
    }

    /** An external submission id no other fixture of this instance uses. */
    public String externalId() {
        return "form-" + serial.incrementAndGet();
    }

    /** A reference to a record of the type that does not exist anywhere. */
    public RecordRef ref(RecordType type) {
        return new RecordRef(type, nextId());
    }

    /** The reference to a contact. */
    public static RecordRef ref(Contact contact) {
        return new RecordRef(RecordType.CONTACT, contact.id().value());
    }

    /** The reference to a lead. */
    public static RecordRef ref(Lead lead) {
        return new RecordRef(RecordType.LEAD, lead.id().value());
    }

    /** Custom field values of every {@link FieldValue} type, with text that breaks naive storage. */
    public static CustomFields everyFieldValue() {
        return new CustomFields(Map.of(
                "notes", new FieldValue.Text(TRICKY_TEXT + "\nsecond line\ttab"),
                "budget", new FieldValue.Number(new BigDecimal("-1234567.8900")),
                "vip", new FieldValue.Bool(true),
                "renewal", new FieldValue.Date(LocalDate.of(2026, 11, 23)),
                "deal_size", new FieldValue.Amount(Money.of("12.50", "EUR")),
                "tier", new FieldValue.Choice("gold 🥇"),
                "interests", new FieldValue.Choices(Set.of("support", "crm", "ümlaut"))));
    }

    /** A schema with a field of every type, labels and allowed values in text that breaks naive storage. */
    public static CustomFieldSchema schemaWithEveryFieldType(RecordType type) {
        return new CustomFieldSchema(type, List.of(
                new FieldDefinition("notes", TRICKY_TEXT, FieldType.TEXT, false, List.of()),
                FieldDefinition.required("budget", FieldType.NUMBER),
                FieldDefinition.optional("vip", FieldType.BOOLEAN),
                FieldDefinition.optional("renewal", FieldType.DATE),
                new FieldDefinition("deal_size", "Deal size (€)", FieldType.MONEY, true, List.of()),
                FieldDefinition.choice("tier", FieldType.SINGLE_CHOICE, false, "gold 🥇", "silver", "it's \"bronze\""),
                FieldDefinition.choice("interests", FieldType.MULTIPLE_CHOICE, true, "support", "crm", "ümlaut")));
    }

    /** A lead moved to another status through the domain's own rules, as a use case would. */
    public static Lead moved(Lead lead, LeadStatus target) {
        LeadStatusChange change = lead.changeStatus(target, "no budget", Optional.empty(), lead.updatedAt());
        if (change instanceof LeadStatusChange.Changed changed) {
            return changed.lead();
        }
        throw new AssertionError("fixture cannot move a " + lead.status() + " lead to " + target + ": " + change);
    }

    /** A task closed as done. */
    public static Task completed(Task task, Instant at) {
        return ((TaskChange.Changed) task.complete(at)).task();
    }

    /** A task closed as cancelled. */
    public static Task cancelled(Task task, Instant at) {
        return ((TaskChange.Changed) task.cancel(at)).task();
    }

    /** A task moved to another due time. */
    public static Task rescheduled(Task task, Instant due) {
        return ((TaskChange.Changed) task.reschedule(due, task.createdAt())).task();
    }

    /**
     * The order of every store's lists: by a time (creation, occurrence, due), then in the order the records were
     * inserted, whatever their ids. Sort a list of records in insertion order with it: {@link List#sort} is stable,
     * so records with equal times keep their insertion order.
     */
    public static <T> Comparator<T> byTime(Function<T, Instant> time) {
        return Comparator.comparing(time);
    }

    /**
     * Reads a paged list to its end with pages of {@code size}, checking the paging rules on the way: every page that
     * has a next cursor is full, the last page has no cursor and is empty only when the whole list is.
     */
    public static <T> List<T> readAll(Function<PageRequest, Page<T>> finder, int size) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        for (int pages = 1; ; pages++) {
            Page<T> page = finder.apply(request);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                assertTrue(page.items().size() <= size, "page " + pages + " is larger than " + size);
                assertFalse(page.items().isEmpty() && pages > 1, "the last page is empty: a full page before it "
                        + "should not have had a next cursor");
                return all;
            }
            assertEquals(size, page.items().size(), "page " + pages + " has a next cursor but is not full");
            request = PageRequest.after(page.next().get(), size);
            if (pages > 100_000) {
                fail("paging does not end");
            }
        }
    }

    /** Asserts that the items are pairwise distinct. */
    public static void assertNoDuplicates(List<?> items) {
        assertEquals(items.size(), new HashSet<>(items).size(), "a paged walk returned an item twice");
    }

    /** Asserts that the exception reports a violation of the rule. */
    public static void assertRule(ValidationException e, String rule) {
        assertTrue(e.violations().stream().anyMatch(v -> v.rule().equals(rule)),
                "a violation names the rule '" + rule + "': " + e.violations());
    }

    /** The page sizes a list of {@code n} items is walked with: 1, a divisor, a non-divisor, n and n + 1. */
    public static List<Integer> pageSizes(int n) {
        return List.of(1, 3, 5, n, n + 1);
    }

    /** A contact builder with a name, one fresh e-mail and one fresh phone, created at {@link #T0}. */
    public ContactBuilder contact() {
        return new ContactBuilder();
    }

    /**
     * A contact with every field set: two e-mails and phones, addresses, language, birthday, granted consent, an
     * affiliation, custom values of every type, an owner and Unicode text that breaks naive storage.
     */
    public Contact fullContact() {
        return contact()
                .name(PersonName.of("Zoë 😀", TRICKY_TEXT))
                .emails(email(), email())
                .phones(phone(), phone())
                .addresses(new Address("billing", "Königstraße 1 \"Hof\" 🏠", "70173", "Stuttgart", "BW", "DE"),
                        new Address("home", "'; DROP TABLE addresses; --", "", "Zürich", "", "CH"))
                .language(Locale.forLanguageTag("de-CH"))
                .birthday(LocalDate.of(1990, 2, 28))
                .consent(MarketingConsent.granted(at(-3600), "newsletter box ✓"))
                .affiliations(new Affiliation(new CompanyId(nextId()),
                        Set.of(CompanyRole.EMPLOYEE, CompanyRole.SITE_CONTACT), "Hamburg plant 🏭"))
                .customFields(everyFieldValue())
                .owner(ALICE)
                .updatedAt(at(5))
                .build();
    }

    /** A company builder with a fresh name and web domain, created at {@link #T0}. */
    public CompanyBuilder company() {
        return new CompanyBuilder();
    }

    /** A lead builder: a new web-form lead with a fresh e-mail, created at {@link #T0}. */
    public LeadBuilder lead() {
        return new LeadBuilder();
    }

    /** An activity builder: a public note that occurred at {@link #T0}, about the given records. */
    public ActivityBuilder activity(RecordRef first, RecordRef... more) {
        return new ActivityBuilder(first, more);
    }

    /** A task builder: an open task of {@link #ALICE}, due an hour after {@link #T0}, about nothing. */
    public TaskBuilder task() {
        return new TaskBuilder();
    }

    /** Builds contacts. */
    public final class ContactBuilder {
        private ContactId id = new ContactId(nextId());
        private PersonName name = PersonName.of("Jane", "Doe");
        private List<EmailAddress> emails = List.of(email());
        private List<PhoneNumber> phones = List.of(phone());
        private List<Address> addresses = List.of();
        private Optional<Locale> language = Optional.empty();
        private Optional<LocalDate> birthday = Optional.empty();
        private MarketingConsent consent = MarketingConsent.unknown();
        private List<Affiliation> affiliations = List.of();
        private CustomFields customFields = CustomFields.empty();
        private Optional<UserId> owner = Optional.empty();
        private Instant createdAt = T0;
        private Instant updatedAt;

        private ContactBuilder() {
        }

        public ContactBuilder id(ContactId value) {
            id = value;
            return this;
        }

        public ContactBuilder name(PersonName value) {
            name = value;
            return this;
        }

        public ContactBuilder emails(EmailAddress... values) {
            emails = List.of(values);
            return this;
        }

        public ContactBuilder phones(PhoneNumber... values) {
            phones = List.of(values);
            return this;
        }

        public ContactBuilder addresses(Address... values) {
            addresses = List.of(values);
            return this;
        }

        public ContactBuilder language(Locale value) {
            language = Optional.of(value);
            return this;
        }

        public ContactBuilder birthday(LocalDate value) {
            birthday = Optional.of(value);
            return this;
        }

        public ContactBuilder consent(MarketingConsent value) {
            consent = value;
            return this;
        }

        public ContactBuilder affiliations(Affiliation... values) {
            affiliations = List.of(values);
            return this;
        }

        /** An affiliation as employee with each company. */
        public ContactBuilder worksFor(CompanyId... companies) {
            affiliations = Arrays.stream(companies).map(c -> Affiliation.of(c, CompanyRole.EMPLOYEE)).toList();
            return this;
        }

        public ContactBuilder customFields(CustomFields value) {
            customFields = value;
            return this;
        }

        public ContactBuilder owner(UserId value) {
            owner = Optional.of(value);
            return this;
        }

        public ContactBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public ContactBuilder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** The contact at version 0. */
        public Contact build() {
            return new Contact(id, 0, name, emails, phones, addresses, language, birthday, consent, affiliations,
                    customFields, owner, createdAt, updatedAt == null ? createdAt : updatedAt);
        }
    }

    /** Builds companies. */
    public final class CompanyBuilder {
        private CompanyId id = new CompanyId(nextId());
        private String name = "Company " + serial.incrementAndGet();
        private String legalName = "";
        private String registrationNumber = "";
        private String taxNumber = "";
        private Optional<Address> legalAddress = Optional.empty();
        private Optional<WebDomain> webDomain = Optional.of(domain());
        private String industry = "";
        private CompanySize size = CompanySize.UNKNOWN;
        private CustomFields customFields = CustomFields.empty();
        private Instant createdAt = T0;
        private Instant updatedAt;

        private CompanyBuilder() {
        }

        public CompanyBuilder id(CompanyId value) {
            id = value;
            return this;
        }

        public CompanyBuilder name(String value) {
            name = value;
            return this;
        }

        public CompanyBuilder legalIdentity(String legal, String registration, String tax, Address address) {
            legalName = legal;
            registrationNumber = registration;
            taxNumber = tax;
            legalAddress = Optional.of(address);
            return this;
        }

        public CompanyBuilder webDomain(WebDomain value) {
            webDomain = Optional.of(value);
            return this;
        }

        public CompanyBuilder noWebDomain() {
            webDomain = Optional.empty();
            return this;
        }

        public CompanyBuilder profile(String newIndustry, CompanySize newSize) {
            industry = newIndustry;
            size = newSize;
            return this;
        }

        public CompanyBuilder customFields(CustomFields value) {
            customFields = value;
            return this;
        }

        public CompanyBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public CompanyBuilder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** The company at version 0. */
        public Company build() {
            return new Company(id, 0, name, legalName, registrationNumber, taxNumber, legalAddress, webDomain,
                    industry, size, customFields, createdAt, updatedAt == null ? createdAt : updatedAt);
        }
    }

    /** Builds leads. */
    public final class LeadBuilder {
        private LeadId id = new LeadId(nextId());
        private ContactId contactId = new ContactId(nextId());
        private Optional<CompanyId> companyId = Optional.empty();
        private LeadSource source = LeadSource.of(Channel.WEB_FORM);
        private List<String> externalIds = List.of();
        private Map<String, String> fingerprints = Map.of();
        private String request = "Please call me back";
        private PersonName name = PersonName.of("Jane", "Doe");
        private Optional<EmailAddress> email = Optional.of(Fixtures.this.email());
        private Optional<PhoneNumber> phone = Optional.empty();
        private String companyName = "";
        private Optional<UserId> owner = Optional.empty();
        private LeadStatus status = LeadStatus.NEW;
        private int submissions = 1;
        private CustomFields customFields = CustomFields.empty();
        private Instant createdAt = T0;
        private Instant updatedAt;

        private LeadBuilder() {
        }

        public LeadBuilder id(LeadId value) {
            id = value;
            return this;
        }

        public LeadBuilder contactId(ContactId value) {
            contactId = value;
            return this;
        }

        public LeadBuilder companyId(CompanyId value) {
            companyId = Optional.of(value);
            return this;
        }

        public LeadBuilder source(LeadSource value) {
            source = value;
            return this;
        }

        public LeadBuilder externalIds(String... values) {
            externalIds = List.of(values);
            return this;
        }

        public LeadBuilder request(String value) {
            request = value;
            return this;
        }

        public LeadBuilder name(PersonName value) {
            name = value;
            return this;
        }

        public LeadBuilder email(EmailAddress value) {
            email = Optional.of(value);
            return this;
        }

        public LeadBuilder noEmail() {
            email = Optional.empty();
            return this;
        }

        public LeadBuilder phone(PhoneNumber value) {
            phone = Optional.of(value);
            return this;
        }

        public LeadBuilder companyName(String value) {
            companyName = value;
            return this;
        }

        public LeadBuilder owner(UserId value) {
            owner = Optional.of(value);
            return this;
        }

        /** The status; a disqualified lead gets a reason. */
        public LeadBuilder status(LeadStatus value) {
            status = value;
            return this;
        }

        public LeadBuilder submissions(int value) {
            submissions = value;
            return this;
        }

        public LeadBuilder customFields(CustomFields value) {
            customFields = value;
            return this;
        }

        /** Submission fingerprints by external id (the ids must be among the lead's). */
        public LeadBuilder fingerprints(Map<String, String> value) {
            fingerprints = value;
            return this;
        }

        public LeadBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public LeadBuilder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** The lead at version 0. */
        public Lead build() {
            Optional<String> reason = status == LeadStatus.DISQUALIFIED ? Optional.of("no budget") : Optional.empty();
            return new Lead(id, 0, contactId, companyId, source, externalIds, fingerprints, request, name, email, phone,
                    companyName, owner, status, reason, submissions, customFields, createdAt,
                    updatedAt == null ? createdAt : updatedAt);
        }
    }

    /** Builds activities. */
    public final class ActivityBuilder {
        private ActivityId id = new ActivityId(nextId());
        private ActivityType type = ActivityType.NOTE;
        private String subject = "Talked about the quote";
        private String body = "";
        private Direction direction = Direction.OUTBOUND;
        private Instant occurredAt = T0;
        private List<String> participants = List.of();
        private final Set<RecordRef> about;
        private Optional<UserId> owner = Optional.empty();
        private Visibility visibility = Visibility.PUBLIC;
        private Instant recordedAt;
        private Optional<ActivityOutcome> outcome = Optional.empty();
        private Optional<Duration> duration = Optional.empty();

        private ActivityBuilder(RecordRef first, RecordRef... more) {
            Set<RecordRef> refs = new LinkedHashSet<>();
            refs.add(first);
            refs.addAll(List.of(more));
            about = refs;
        }

        public ActivityBuilder id(ActivityId value) {
            id = value;
            return this;
        }

        public ActivityBuilder type(ActivityType value) {
            type = value;
            return this;
        }

        public ActivityBuilder subject(String value) {
            subject = value;
            return this;
        }

        public ActivityBuilder body(String value) {
            body = value;
            return this;
        }

        public ActivityBuilder direction(Direction value) {
            direction = value;
            return this;
        }

        public ActivityBuilder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        public ActivityBuilder participants(String... values) {
            participants = List.of(values);
            return this;
        }

        /** Recorded by a user, visible to everybody. */
        public ActivityBuilder ownedBy(UserId value) {
            owner = Optional.of(value);
            return this;
        }

        /** Recorded by a user and visible to that user only. */
        public ActivityBuilder privateTo(UserId value) {
            owner = Optional.of(value);
            visibility = Visibility.PRIVATE;
            return this;
        }

        public ActivityBuilder recordedAt(Instant value) {
            recordedAt = value;
            return this;
        }

        /** How the call or meeting ended. */
        public ActivityBuilder outcome(ActivityOutcome value) {
            outcome = Optional.of(value);
            return this;
        }

        /** How long the call or meeting lasted. */
        public ActivityBuilder duration(Duration value) {
            duration = Optional.of(value);
            return this;
        }

        /** The activity. */
        public Activity build() {
            return new Activity(id, type, subject, body, direction, occurredAt, participants, about, owner,
                    visibility, recordedAt == null ? occurredAt : recordedAt, outcome, duration);
        }
    }

    /** Builds open tasks. */
    public final class TaskBuilder {
        private TaskId id = new TaskId(nextId());
        private String title = "Call back about the quote";
        private Instant due = at(3600);
        private Optional<Instant> remindAt = Optional.empty();
        private UserId assignee = ALICE;
        private Optional<RecordRef> relatedTo = Optional.empty();
        private Instant createdAt = T0;

        private TaskBuilder() {
        }

        public TaskBuilder id(TaskId value) {
            id = value;
            return this;
        }

        public TaskBuilder title(String value) {
            title = value;
            return this;
        }

        public TaskBuilder due(Instant value) {
            due = value;
            return this;
        }

        public TaskBuilder remindAt(Instant value) {
            remindAt = Optional.of(value);
            return this;
        }

        public TaskBuilder assignee(UserId value) {
            assignee = value;
            return this;
        }

        public TaskBuilder about(RecordRef value) {
            relatedTo = Optional.of(value);
            return this;
        }

        public TaskBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /** The open task at version 0. */
        public Task build() {
            return Task.open(id, title, due, remindAt, assignee, relatedTo, createdAt);
        }
    }

    /**
     * A domain event for the publishing tests.
     *
     * @param aggregateId the id it is about
     * @param occurredAt  when
     */
    public record Ping(String aggregateId, Instant occurredAt) implements DomainEvent {

        /** A ping with a name, at {@link #T0}. */
        public static Ping of(String name) {
            return new Ping(name, T0);
        }
    }

    /**
     * Throws a checked exception from code that does not declare it, as Kotlin, Groovy or Lombok's
     * {@code @SneakyThrows} do, so tests can show that a store treats it like any other failure.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    /** Every item of a paged list, read page by page through its cursors. */
    public static <T> List<T> all(Function<PageRequest, Page<T>> reader) {
        List<T> out = new ArrayList<>();
        PageRequest request = PageRequest.first(500);
        while (true) {
            Page<T> page = reader.apply(request);
            out.addAll(page.items());
            Optional<PageRequest> next = request.next(page);
            if (next.isEmpty()) {
                return out;
            }
            request = next.get();
        }
    }
}
