package dev.crmkit.campaigns.segment;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.RoleId;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.access.User;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.Temperature;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.metrics.rfm.CustomerRfm;
import dev.crmkit.metrics.rfm.Segment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@link ContactSegments} counts and pages exactly what {@link ContactFilter#matches} selects over the facts the
 * test seeded itself (contacts, their leads and scores, owners in teams, timeline entries, birthdays, and the host's
 * orders with their RFM segments as of the day), on a seeded population and seeded random filters, with and without
 * the conditions a store checks outside its database; subclasses give an empty store (memory, H2, PostgreSQL,
 * MariaDB) and its segments.
 *
 * <p>The population is seeded once per class (one test instance per class, {@link BeforeAll}): every test here only
 * reads the store through the segments, so all of them see the same seed a per-test seed gave them, at a ninth of
 * the seeding. A test that writes to the store must seed a store of its own; {@link #populationUnchanged} fails a
 * test after which the segments no longer count the seeded population.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContactSegmentsContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The day relative date conditions count from. */
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    private static final List<String> TIERS = List.of("Gold", "gold", "GOLD plus", "silver", "50% off", "a_b!c",
            "gold ", "Grün");
    private static final List<BigDecimal> BUDGETS = List.of(new BigDecimal("-5"), BigDecimal.ZERO,
            new BigDecimal("2.5"), new BigDecimal("2.50"), new BigDecimal("10"), new BigDecimal("1E+40"),
            new BigDecimal("0.0000000000000000000000000000001"), new BigDecimal("99999999999999999999.123456789"));
    private static final List<String> LANGUAGES = List.of("en", "de", "de-AT", "fr");
    /** u1 in t1, u2 in t2, the third in no team, u9 not in the directory at all. */
    private static final List<String> OWNERS = List.of("u1", "u2", "o'brien; DROP TABLE crm_contact --", "u9");
    private static final List<String> TEAMS = List.of("t1", "t2", "t3");

    /** The seeded facts; read only once {@link #seed} is done. */
    private List<ContactFacts> population = new ArrayList<>();
    private ContactSegments segments;
    private ContactSegments withoutOrders;
    private Map<String, CustomerRfm> rfm;

    /** An empty, migrated store. */
    protected abstract CrmStore emptyStore();

    /** The segments over the store and, when given, the host's orders. */
    protected abstract ContactSegments segments(CrmStore store, Optional<OrderSource> orders);

    @BeforeAll
    void seed() {
        CrmStore store = emptyStore();
        store.transactions().run(() -> {
            store.accessDirectory().save(Role.builder("rep", "Rep").build());
            store.accessDirectory().save(Team.of("t1", "One"));
            store.accessDirectory().save(Team.of("t2", "Two"));
            store.accessDirectory().save(Team.below("t3", "Three", "t1"));
            store.accessDirectory().save(User.of("u1", "t1", "rep"));
            store.accessDirectory().save(User.of("u2", "t2", "rep"));
            store.accessDirectory().save(new User(UserId.of(OWNERS.get(2)), "O", Optional.empty(), Optional.empty(),
                    RoleId.of("rep")));
        });
        Random random = new Random(16);
        Map<ContactId, List<Lead>> leadsOf = new HashMap<>();
        for (int i = 0; i < 240; i++) {
            population.add(seedOne(store, random, i, leadsOf));
        }
        // contacts merged away are no members: merge five without leads or timeline into the first contact
        List<ContactFacts> retired = population.stream()
                .filter(f -> f.leads().isEmpty() && f.lastInteraction().isEmpty()).limit(5).toList();
        assertEquals(5, retired.size());
        ContactId survivor = population.stream().filter(f -> !retired.contains(f)).findFirst().orElseThrow()
                .contact().id();
        for (ContactFacts f : retired) {
            store.transactions().run(() -> store.contactMerges().retire(
                    store.contacts().findById(f.contact().id()).orElseThrow(), survivor,
                    new MergeId(new UUID(7, population.indexOf(f)))));
        }
        population.removeAll(retired);
        // leads merged away count for nothing: merge the second lead of five contacts into their first
        List<ContactFacts> twoLeads = population.stream().filter(f -> f.leads().size() == 2).limit(5).toList();
        assertEquals(5, twoLeads.size());
        for (ContactFacts f : twoLeads) {
            List<Lead> leads = leadsOf.get(f.contact().id()); // in the order of f.leads()
            store.transactions().run(() -> store.leadMerges().retire(
                    store.leads().findById(leads.get(1).id()).orElseThrow(), leads.get(0).id(),
                    new MergeId(new UUID(8, population.indexOf(f)))));
            population.set(population.indexOf(f), new ContactFacts(f.contact(),
                    List.of(f.leads().get(0)), f.ownerTeam(),
                    f.lastInteraction()));
        }
        // an edit rewrites the keyed values: every fourth contact gets other fields, some none at all
        for (int i = 0; i < population.size(); i += 4) {
            ContactFacts f = population.get(i);
            CustomFields other = i % 8 == 0 ? CustomFields.empty() : fields(new Random(7_000 + i));
            Contact edited = store.transactions().inTransaction(() -> store.contacts().update(
                    store.contacts().findById(f.contact().id()).orElseThrow().withCustomFields(other,
                            T0.plusSeconds(9_000_000))));
            population.set(i, new ContactFacts(edited, f.leads(), f.ownerTeam(), f.lastInteraction()));
        }
        OrderSource orders = OrderSource.of(orders(population));
        rfm = orders.rfm(AS_OF);
        segments = segments(store, Optional.of(orders));
        withoutOrders = segments(store, Optional.empty());
        population = List.copyOf(population);
    }

    /** The tests share the seed: none may change which contacts it holds. */
    @AfterEach
    void populationUnchanged() {
        assertEquals(population.size(), segments.count(new ContactFilter.AllOf(List.of()), AS_OF),
                "a test changed the shared seed: seed a store of its own instead");
    }

    /**
     * Orders of about two contacts in three (up to six each, over the 40 months before the day and a few after it,
     * which count for nothing), and of a customer the store does not know.
     */
    private static OrderBook orders(List<ContactFacts> population) {
        Random r = new Random(1_616);
        List<Order> out = new ArrayList<>();
        for (ContactFacts f : population) {
            for (int n = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(6); n > 0; n--) {
                out.add(new Order(f.contact().id().value().toString(), AS_OF.minusDays(r.nextInt(1_230) - 30),
                        Money.of(new BigDecimal(r.nextInt(50_000)).movePointLeft(2).toPlainString(), "EUR")));
            }
        }
        out.add(new Order("not-a-contact", AS_OF.minusDays(3), Money.of("12.00", "EUR")));
        return OrderBook.of(out);
    }

    /** A birthday for about two contacts in three, many near the day, some on 29 February. */
    private static Optional<LocalDate> birthday(Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> Optional.empty();
            case 2 -> Optional.of(LocalDate.of(1984 + 4 * r.nextInt(5), 2, 29));
            case 3 -> Optional.of(LocalDate.of(1950 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            default -> Optional.of(AS_OF.plusDays(r.nextInt(90) - 30).withYear(1950 + r.nextInt(60)));
        };
    }

    /** Custom fields of every type, each present about two times in three, some texts longer than an index key. */
    private static CustomFields fields(Random r) {
        CustomFields out = CustomFields.empty();
        if (r.nextInt(3) > 0) {
            String tier = TIERS.get(r.nextInt(TIERS.size()));
            out = out.with("tier", new FieldValue.Text(r.nextInt(6) == 0 ? "x".repeat(200) + tier : tier));
        }
        if (r.nextInt(3) > 0) {
            out = out.with("budget", r.nextInt(8) == 0 ? new FieldValue.Text("10")
                    : new FieldValue.Number(BUDGETS.get(r.nextInt(BUDGETS.size()))));
        }
        if (r.nextInt(3) > 0) {
            out = out.with("renewal", new FieldValue.Date(AS_OF.plusDays(r.nextInt(121) - 60)));
        }
        if (r.nextInt(3) > 0) {
            out = out.with("tags", new FieldValue.Choices(r.nextBoolean() ? Set.of("a", "b") : Set.of("b")));
        }
        if (r.nextInt(3) > 0) {
            out = out.with("vip", new FieldValue.Bool(r.nextBoolean()));
        }
        return out;
    }

    private static ContactFacts seedOne(CrmStore store, Random random, int i, Map<ContactId, List<Lead>> leadsOf) {
        Instant created = T0.plusSeconds(3600L * random.nextInt(1000));
        MarketingConsent consent = switch (random.nextInt(3)) {
            case 0 -> MarketingConsent.granted(created, "form");
            case 1 -> MarketingConsent.withdrawn(created, "link");
            default -> MarketingConsent.unknown();
        };
        int lang = random.nextInt(LANGUAGES.size() + 1);
        int owner = random.nextInt(OWNERS.size() + 1);
        Contact c = Contact.create(new ContactId(new UUID(random.nextLong(), random.nextLong())),
                new PersonName("P" + i, "Seed"), List.of(), List.of(), created);
        Contact contact = new Contact(c.id(), 0, c.name(), c.emails(), c.phones(), c.addresses(),
                lang == LANGUAGES.size() ? Optional.empty()
                        : Optional.of(Locale.forLanguageTag(LANGUAGES.get(lang))),
                birthday(new Random(2_600 + i)), consent, List.of(), fields(new Random(1_600 + i)),
                owner == OWNERS.size() ? Optional.empty() : Optional.of(new UserId(OWNERS.get(owner))),
                created, created);
        List<Lead> leads = new ArrayList<>();
        List<LeadScore> scores = new ArrayList<>();
        List<ContactFacts.LeadFact> leadFacts = new ArrayList<>();
        for (int l = random.nextInt(3); l > 0; l--) {
            LeadStatus status = LeadStatus.values()[random.nextInt(LeadStatus.values().length)];
            Lead lead = new Lead(new LeadId(new UUID(random.nextLong(), random.nextLong())), 0, contact.id(),
                    Optional.empty(), LeadSource.of(Channel.WEB_FORM), List.of(), "", contact.name(),
                    Optional.of(EmailAddress.parse("p" + i + "x" + l + "@example.com")), Optional.empty(), "",
                    Optional.empty(), status,
                    status == LeadStatus.DISQUALIFIED ? Optional.of("no budget") : Optional.empty(), 1,
                    CustomFields.empty(), created, created);
            leads.add(lead);
            Optional<LeadScore> score = Optional.empty();
            if (random.nextInt(3) > 0) {
                score = Optional.of(new LeadScore(lead.id(), random.nextInt(101),
                        Temperature.values()[random.nextInt(Temperature.values().length)],
                        LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)], created));
                scores.add(score.get());
            }
            leadFacts.add(new ContactFacts.LeadFact(status, score));
        }
        List<Activity> activities = new ArrayList<>();
        Optional<Instant> last = Optional.empty();
        for (int a = random.nextInt(4); a > 0; a--) {
            Instant at = T0.plusSeconds(3600L * random.nextInt(1000));
            int where = random.nextInt(4);
            boolean aboutContact = where != 3 || leads.isEmpty();
            boolean isPrivate = where == 2;
            RecordRef about = aboutContact ? new RecordRef(RecordType.CONTACT, contact.id().value())
                    : new RecordRef(RecordType.LEAD, leads.get(0).id().value());
            activities.add(new Activity(new ActivityId(new UUID(random.nextLong(), random.nextLong())),
                    ActivityType.CALL, "call", "", Direction.OUTBOUND, at, List.of(), Set.of(about),
                    Optional.of(UserId.of("u1")), isPrivate ? Visibility.PRIVATE : Visibility.PUBLIC, at));
            if (aboutContact && !isPrivate && last.map(at::isAfter).orElse(true)) {
                last = Optional.of(at);
            }
        }
        Optional<TeamId> team = switch (owner) {
            case 0 -> Optional.of(TeamId.of("t1"));
            case 1 -> Optional.of(TeamId.of("t2"));
            default -> Optional.empty();
        };
        store.transactions().run(() -> {
            store.contacts().insertOrGet(contact);
            leads.forEach(store.leads()::insertOrGet);
            store.leadScores().saveAll(scores);
            activities.forEach(store.activities()::append);
        });
        leadsOf.put(contact.id(), leads);
        return new ContactFacts(contact, leadFacts, team, last);
    }

    private List<ContactId> expected(ContactFilter f) {
        return population.stream().map(x -> x.withOrders(Optional.of(new ContactFacts.Orders(AS_OF,
                        Optional.ofNullable(rfm.get(x.contact().id().value().toString()))))))
                .filter(f::matches).map(x -> x.contact().id())
                .sorted(Comparator.comparing(id -> id.value().toString())).toList();
    }

    private List<ContactId> paged(ContactFilter f, int size) {
        List<ContactId> all = new ArrayList<>();
        Optional<ContactId> after = Optional.empty();
        while (true) {
            List<ContactId> page = segments.page(f, AS_OF, after, size);
            assertTrue(page.size() <= size);
            all.addAll(page);
            if (page.size() < size) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    private void assertAgrees(ContactFilter f) {
        List<ContactId> expected = expected(ContactFilter.asOf(f, AS_OF));
        assertEquals(expected.size(), segments.count(f, AS_OF), () -> "count of " + f);
        assertEquals(expected, paged(f, 7), () -> "pages of " + f);
    }

    @Test
    void namedFilters_countAndPageAsInMemory() {
        var granted = new ContactFilter.ConsentIs(MarketingConsent.Status.GRANTED);
        var german = new ContactFilter.AnyOf(List.of(new ContactFilter.LanguageIs("de"),
                new ContactFilter.LanguageIs("de-AT")));
        var hot = new ContactFilter.TemperatureIs(Temperature.HOT);
        var quiet = new ContactFilter.Not(new ContactFilter.InteractedSince(T0.plusSeconds(3600L * 700)));
        List<ContactFilter> filters = List.of(granted, german, new ContactFilter.Not(german),
                new ContactFilter.OwnerIs("u1"), new ContactFilter.Not(new ContactFilter.OwnerIs("u1")),
                new ContactFilter.OwnerIs(OWNERS.get(2)), new ContactFilter.NoOwner(),
                new ContactFilter.CreatedBefore(T0.plusSeconds(3600L * 500)),
                new ContactFilter.AllOf(List.of(granted, german, new ContactFilter.NoOwner())),
                new ContactFilter.AllOf(List.of()), new ContactFilter.AnyOf(List.of()),
                new ContactFilter.Not(new ContactFilter.AllOf(List.of(granted, new ContactFilter.Not(german)))),
                hot, new ContactFilter.Not(hot), new ContactFilter.ScoreAtLeast(70),
                new ContactFilter.ScoreAtLeast(0), new ContactFilter.Not(new ContactFilter.ScoreAtLeast(0)),
                new ContactFilter.StageIs(LifecycleStage.SALES_QUALIFIED),
                new ContactFilter.LeadStatusIn(EnumSet.of(LeadStatus.NEW, LeadStatus.WORKING)),
                new ContactFilter.LeadStatusIn(Set.of()),
                new ContactFilter.Not(new ContactFilter.LeadStatusIn(EnumSet.allOf(LeadStatus.class))),
                new ContactFilter.OwnerTeamIs("t1"), new ContactFilter.OwnerTeamIs("t3"),
                new ContactFilter.Not(new ContactFilter.OwnerTeamIs("t2")),
                quiet, new ContactFilter.InteractedSince(T0),
                new ContactFilter.AllOf(List.of(granted, hot, quiet)));
        for (ContactFilter f : filters) {
            assertAgrees(f);
        }
        assertTrue(expected(granted).size() > 40, "the population has matches to compare");
        assertTrue(expected(hot).size() > 20, "hot leads to compare");
        assertTrue(expected(new ContactFilter.OwnerTeamIs("t1")).size() > 20, "a team to compare");
        assertTrue(expected(quiet).size() > 40 && expected(quiet).size() < 200, "quiet and active contacts");
        assertEquals(0, expected(new ContactFilter.AnyOf(List.of())).size());
        assertEquals(0, expected(new ContactFilter.OwnerTeamIs("t3")).size(), "the team itself, not its parent");
    }

    @Test
    void customFieldFilters_countAndPageAsInMemory() {
        var cmp = ContactFilter.Comparison.values();
        List<ContactFilter> filters = new ArrayList<>(List.of(
                new ContactFilter.FieldPresent("tier"), new ContactFilter.Not(new ContactFilter.FieldPresent("tier")),
                new ContactFilter.FieldPresent("nowhere"), new ContactFilter.FieldTextIs("tier", "gold"),
                new ContactFilter.FieldTextIs("tier", "GOLD "), new ContactFilter.FieldTextIs("tier", "grün"),
                new ContactFilter.FieldTextIs("tier", "x".repeat(200) + "gold"),
                new ContactFilter.FieldTextIs("tier", "x".repeat(200)),
                new ContactFilter.FieldTextContains("tier", "gold"), new ContactFilter.FieldTextContains("tier", "%"),
                new ContactFilter.FieldTextContains("tier", "_b!"), new ContactFilter.FieldTextContains("tier", ""),
                new ContactFilter.Not(new ContactFilter.FieldTextContains("tier", "old")),
                new ContactFilter.FieldTextIs("tags", "a|b"), new ContactFilter.FieldTextContains("tags", "b"),
                new ContactFilter.FieldTextIs("vip", "TRUE"), new ContactFilter.FieldTextIs("budget", "10"),
                new ContactFilter.FieldTextIs("renewal", AS_OF.toString())));
        for (ContactFilter.Comparison c : cmp) {
            for (BigDecimal n : List.of(new BigDecimal("2.5"), BigDecimal.ZERO, new BigDecimal("10.00"),
                    new BigDecimal("-1"))) {
                filters.add(new ContactFilter.FieldNumber("budget", c, n));
            }
            filters.add(new ContactFilter.FieldDate("renewal", c, AS_OF));
            for (int days : List.of(-30, 0, 14)) {
                filters.add(new ContactFilter.FieldDateRelative("renewal", c, days));
            }
        }
        filters.add(new ContactFilter.Not(new ContactFilter.FieldNumber("budget", ContactFilter.Comparison.GREATER,
                BigDecimal.ZERO)));
        filters.add(new ContactFilter.AllOf(List.of(new ContactFilter.FieldTextContains("tier", "gold"),
                new ContactFilter.Not(new ContactFilter.FieldDateRelative("renewal", ContactFilter.Comparison.LESS,
                        0)))));
        for (ContactFilter f : filters) {
            assertAgrees(f);
        }
        assertTrue(expected(new ContactFilter.FieldTextIs("tier", "gold")).size() > 10, "tiers to compare");
        assertTrue(expected(new ContactFilter.FieldTextIs("tier", "x".repeat(200) + "gold")).size() > 0,
                "a text longer than the index key to compare");
        assertTrue(expected(new ContactFilter.FieldNumber("budget", ContactFilter.Comparison.EQUAL,
                new BigDecimal("2.5"))).size() > 5, "2.5 and 2.50 to compare");
        assertTrue(expected(ContactFilter.asOf(new ContactFilter.FieldDateRelative("renewal",
                ContactFilter.Comparison.LESS, 0), AS_OF)).size() > 20, "overdue renewals to compare");
    }

    @Test
    void relativeDateFilter_withoutAnAsOfDay_isRefused() {
        var relative = new ContactFilter.FieldDateRelative("renewal", ContactFilter.Comparison.LESS, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> segments.count(relative));
        assertTrue(e.getMessage().contains("renewal"), e.getMessage());
    }

    @Test
    void seededRandomFilters_countAndPageAsInMemory() {
        Random random = new Random(1616);
        for (int i = 0; i < 60; i++) {
            assertAgrees(randomFilter(random, 3));
        }
    }

    @Test
    void orderAndBirthdayFilters_countAndPageAsInMemory() {
        var granted = new ContactFilter.ConsentIs(MarketingConsent.Status.GRANTED);
        var recent = new ContactFilter.OrderedWithin(90);
        var lapsed = new ContactFilter.NoOrderFor(270);
        var never = new ContactFilter.NeverOrdered();
        var best = new ContactFilter.RfmSegmentIn(EnumSet.of(Segment.CHAMPIONS, Segment.LOYAL_CUSTOMERS));
        var birthday = new ContactFilter.BirthdayWithin(7);
        List<ContactFilter> filters = List.of(recent, lapsed, never, best, birthday,
                new ContactFilter.BirthdayWithin(0), new ContactFilter.BirthdayWithin(366),
                new ContactFilter.OrderedWithin(0), new ContactFilter.NoOrderFor(0),
                new ContactFilter.RfmSegmentIn(Set.of()), new ContactFilter.RfmSegmentIn(EnumSet.allOf(Segment.class)),
                new ContactFilter.Not(recent), new ContactFilter.Not(never), new ContactFilter.Not(birthday),
                new ContactFilter.AllOf(List.of(granted, lapsed)),
                new ContactFilter.AllOf(List.of(granted, new ContactFilter.Not(new ContactFilter.AnyOf(List.of(
                        new ContactFilter.OwnerIs("u1"), never))))),
                new ContactFilter.Not(new ContactFilter.AllOf(List.of(granted, recent))),
                new ContactFilter.AnyOf(List.of(new ContactFilter.OwnerIs("u1"), never)),
                new ContactFilter.Not(new ContactFilter.Not(new ContactFilter.AllOf(List.of(
                        new ContactFilter.TemperatureIs(Temperature.HOT), best)))),
                new ContactFilter.AllOf(List.of(new ContactFilter.FieldPresent("tier"), birthday,
                        new ContactFilter.Not(lapsed))));
        for (ContactFilter f : filters) {
            assertAgrees(f);
        }
        assertTrue(expected(recent).size() > 10, "recent buyers to compare");
        assertTrue(expected(lapsed).size() > 40, "lapsed buyers to compare");
        assertTrue(expected(never).size() > 40, "contacts without orders to compare");
        assertTrue(expected(best).size() > 5, "champions and loyal customers to compare");
        assertTrue(expected(ContactFilter.asOf(birthday, AS_OF)).size() > 5, "birthdays in the week to compare");
    }

    @Test
    void seededRandomFiltersWithOrderAndBirthdayConditions_countAndPageAsInMemory() {
        Random random = new Random(1617);
        int outside = 0;
        for (int i = 0; i < 80; i++) {
            ContactFilter f = mixedFilter(random, 3);
            if (!SegmentPushdown.of(ContactFilter.asOf(f, AS_OF)).exact()) {
                outside++;
            }
            assertAgrees(f);
        }
        assertTrue(outside > 50, "most filters have a condition checked outside the database: " + outside);
    }

    @Test
    void orderCondition_withoutAnOrderSource_isRefusedNamingIt() {
        var filter = new ContactFilter.AllOf(List.of(new ContactFilter.ConsentIs(MarketingConsent.Status.GRANTED),
                new ContactFilter.Not(new ContactFilter.NoOrderFor(270))));
        ValidationException count = assertThrows(ValidationException.class,
                () -> withoutOrders.count(filter, AS_OF));
        assertTrue(count.getMessage().contains("no-order-for(270)"), count.getMessage());
        assertTrue(count.getMessage().contains("order source"), count.getMessage());
        ValidationException page = assertThrows(ValidationException.class,
                () -> withoutOrders.page(filter, AS_OF, Optional.empty(), 10));
        assertTrue(page.getMessage().contains("no-order-for(270)"), page.getMessage());
        // without orders, a segment without order conditions still counts, birthdays included
        var birthday = new ContactFilter.BirthdayWithin(7);
        assertEquals(expected(ContactFilter.asOf(birthday, AS_OF)).size(), withoutOrders.count(birthday, AS_OF));
    }

    @Test
    void orderOrBirthdayCondition_withoutAnAsOfDay_isRefused() {
        ValidationException order = assertThrows(ValidationException.class,
                () -> segments.count(new ContactFilter.OrderedWithin(30)));
        assertTrue(order.getMessage().contains("ordered-within(30)"), order.getMessage());
        IllegalArgumentException birthday = assertThrows(IllegalArgumentException.class,
                () -> segments.page(new ContactFilter.BirthdayWithin(7), Optional.empty(), 10));
        assertTrue(birthday.getMessage().contains("birthday-within(7)"), birthday.getMessage());
    }

    @Test
    void page_withLimitOutOfRange_isRefusedNamingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> segments.page(new ContactFilter.NoOwner(), Optional.empty(), 0));
        assertEquals("limit must be 1 to 1000 but was 0", e.getMessage());
    }

    /** A random tree whose leaves are as {@link #randomFilter} or birthday and order conditions. */
    private static ContactFilter mixedFilter(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 2 : 5);
        return switch (kind) {
            case 0 -> switch (random.nextInt(5)) {
                case 0 -> {
                    EnumSet<Segment> set = EnumSet.noneOf(Segment.class);
                    for (Segment s : Segment.values()) {
                        if (random.nextInt(3) == 0) {
                            set.add(s);
                        }
                    }
                    yield new ContactFilter.RfmSegmentIn(set);
                }
                case 1 -> new ContactFilter.OrderedWithin(random.nextInt(400));
                case 2 -> new ContactFilter.NoOrderFor(random.nextInt(1_000));
                case 3 -> new ContactFilter.NeverOrdered();
                default -> new ContactFilter.BirthdayWithin(random.nextInt(60));
            };
            case 1 -> randomFilter(random, 0);
            case 2 -> new ContactFilter.AllOf(List.of(mixedFilter(random, depth - 1), mixedFilter(random, depth - 1)));
            case 3 -> new ContactFilter.AnyOf(List.of(mixedFilter(random, depth - 1), mixedFilter(random, depth - 1)));
            default -> new ContactFilter.Not(mixedFilter(random, depth - 1));
        };
    }

    private static ContactFilter randomFilter(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 16 : 19);
        return switch (kind) {
            case 0 -> new ContactFilter.ConsentIs(MarketingConsent.Status.values()[random.nextInt(
                    MarketingConsent.Status.values().length)]);
            case 1 -> new ContactFilter.LanguageIs(LANGUAGES.get(random.nextInt(LANGUAGES.size())));
            case 2 -> new ContactFilter.OwnerIs(OWNERS.get(random.nextInt(OWNERS.size())));
            case 3 -> new ContactFilter.NoOwner();
            case 4 -> new ContactFilter.CreatedBefore(T0.plusSeconds(3600L * random.nextInt(1000)));
            case 5 -> {
                EnumSet<LeadStatus> set = EnumSet.noneOf(LeadStatus.class);
                for (LeadStatus s : LeadStatus.values()) {
                    if (random.nextInt(3) == 0) {
                        set.add(s);
                    }
                }
                yield new ContactFilter.LeadStatusIn(set);
            }
            case 6 -> new ContactFilter.ScoreAtLeast(random.nextInt(101));
            case 7 -> new ContactFilter.TemperatureIs(Temperature.values()[random.nextInt(
                    Temperature.values().length)]);
            case 8 -> new ContactFilter.StageIs(LifecycleStage.values()[random.nextInt(
                    LifecycleStage.values().length)]);
            case 9 -> new ContactFilter.OwnerTeamIs(TEAMS.get(random.nextInt(TEAMS.size())));
            case 10 -> new ContactFilter.InteractedSince(T0.plusSeconds(3600L * random.nextInt(1000)));
            case 11 -> new ContactFilter.FieldPresent(List.of("tier", "budget", "renewal").get(random.nextInt(3)));
            case 12 -> new ContactFilter.FieldTextIs("tier", TIERS.get(random.nextInt(TIERS.size())));
            case 13 -> new ContactFilter.FieldTextContains("tier", List.of("g", "old", "%", " ").get(
                    random.nextInt(4)));
            case 14 -> new ContactFilter.FieldNumber("budget", ContactFilter.Comparison.values()[random.nextInt(5)],
                    new BigDecimal(random.nextInt(21) - 5).movePointLeft(random.nextInt(2)));
            case 15 -> new ContactFilter.FieldDateRelative("renewal",
                    ContactFilter.Comparison.values()[random.nextInt(5)], random.nextInt(121) - 60);
            case 16 -> new ContactFilter.AllOf(List.of(randomFilter(random, depth - 1),
                    randomFilter(random, depth - 1)));
            case 17 -> new ContactFilter.AnyOf(List.of(randomFilter(random, depth - 1),
                    randomFilter(random, depth - 1)));
            default -> new ContactFilter.Not(randomFilter(random, depth - 1));
        };
    }
}
