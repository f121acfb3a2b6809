package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.ContactFilter;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JdbcContactSegments} counts and pages in the database exactly what {@link ContactFilter#matches} selects in
 * memory, on a seeded population and seeded random filters; run on H2, PostgreSQL and MariaDB by its subclasses.
 */
abstract class ContactSegmentsContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> LANGUAGES = List.of("en", "de", "de-AT", "fr");
    private static final List<String> OWNERS = List.of("u1", "u2", "o'brien; DROP TABLE crm_contact --");

    private final List<Contact> population = new ArrayList<>();
    private JdbcContactSegments segments;

    /** An empty, migrated database. */
    protected abstract DataSource emptyDatabase();

    @BeforeEach
    void seed() {
        JdbcCrmStore store = JdbcCrmStore.builder(emptyDatabase()).build();
        Random random = new Random(16);
        for (int i = 0; i < 240; i++) {
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
            c = new Contact(c.id(), 0, c.name(), c.emails(), c.phones(), c.addresses(),
                    lang == LANGUAGES.size() ? Optional.empty()
                            : Optional.of(Locale.forLanguageTag(LANGUAGES.get(lang))),
                    Optional.empty(), consent, List.of(), c.customFields(),
                    owner == OWNERS.size() ? Optional.empty() : Optional.of(new UserId(OWNERS.get(owner))),
                    created, created);
            Contact row = c;
            population.add(store.transactions().inTransaction(() -> store.contacts().insertOrGet(row)));
        }
        segments = new JdbcContactSegments(store);
    }

    private List<ContactId> inMemory(ContactFilter f) {
        return population.stream().filter(f::matches).map(Contact::id)
                .sorted(Comparator.comparing(id -> id.value().toString())).toList();
    }

    private List<ContactId> pagedInDatabase(ContactFilter f, int size) {
        List<ContactId> all = new ArrayList<>();
        Optional<ContactId> after = Optional.empty();
        while (true) {
            List<ContactId> page = segments.page(f, after, size);
            assertTrue(page.size() <= size);
            all.addAll(page);
            if (page.size() < size) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    private void assertAgrees(ContactFilter f) {
        List<ContactId> expected = inMemory(f);
        assertEquals(expected.size(), segments.count(f), () -> "count of " + f);
        assertEquals(expected, pagedInDatabase(f, 7), () -> "pages of " + f);
    }

    @Test
    void namedFilters_countAndPageAsInMemory() {
        var granted = new ContactFilter.ConsentIs(MarketingConsent.Status.GRANTED);
        var german = new ContactFilter.AnyOf(List.of(new ContactFilter.LanguageIs("de"),
                new ContactFilter.LanguageIs("de-AT")));
        List<ContactFilter> filters = List.of(granted, german, new ContactFilter.Not(german),
                new ContactFilter.OwnerIs("u1"), new ContactFilter.Not(new ContactFilter.OwnerIs("u1")),
                new ContactFilter.OwnerIs(OWNERS.get(2)), new ContactFilter.NoOwner(),
                new ContactFilter.CreatedBefore(T0.plusSeconds(3600L * 500)),
                new ContactFilter.AllOf(List.of(granted, german, new ContactFilter.NoOwner())),
                new ContactFilter.AllOf(List.of()), new ContactFilter.AnyOf(List.of()),
                new ContactFilter.Not(new ContactFilter.AllOf(List.of(granted, new ContactFilter.Not(german)))));
        for (ContactFilter f : filters) {
            assertAgrees(f);
        }
        assertTrue(inMemory(granted).size() > 40, "the population has matches to compare");
        assertEquals(0, inMemory(new ContactFilter.AnyOf(List.of())).size());
    }

    @Test
    void seededRandomFilters_countAndPageAsInMemory() {
        Random random = new Random(1616);
        for (int i = 0; i < 40; i++) {
            assertAgrees(randomFilter(random, 3));
        }
    }

    @Test
    void page_withLimitOutOfRange_isRefusedNamingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> segments.page(new ContactFilter.NoOwner(), Optional.empty(), 0));
        assertEquals("limit must be 1 to 1000 but was 0", e.getMessage());
    }

    private static ContactFilter randomFilter(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 5 : 8);
        return switch (kind) {
            case 0 -> new ContactFilter.ConsentIs(MarketingConsent.Status.values()[random.nextInt(
                    MarketingConsent.Status.values().length)]);
            case 1 -> new ContactFilter.LanguageIs(LANGUAGES.get(random.nextInt(LANGUAGES.size())));
            case 2 -> new ContactFilter.OwnerIs(OWNERS.get(random.nextInt(OWNERS.size())));
            case 3 -> new ContactFilter.NoOwner();
            case 4 -> new ContactFilter.CreatedBefore(T0.plusSeconds(3600L * random.nextInt(1000)));
            case 5 -> new ContactFilter.AllOf(List.of(randomFilter(random, depth - 1),
                    randomFilter(random, depth - 1)));
            case 6 -> new ContactFilter.AnyOf(List.of(randomFilter(random, depth - 1),
                    randomFilter(random, depth - 1)));
            default -> new ContactFilter.Not(randomFilter(random, depth - 1));
        };
    }
}
