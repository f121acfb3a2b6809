package dev.crmkit.adapters.memory;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packed contacts of the in-memory store read back equal to what was stored: random contacts with hostile strings
 * (unpaired surrogates, emoji, right-to-left text, quotes, Latin-1 and wider characters, long names), empty and long
 * lists, custom fields, addresses, affiliations, owners and odd times, through the codec alone and through the store's
 * writes, look-ups by e-mail and phone, updates and version checks.
 */
class PackedContactsTest {

    private static final String[] PIECES = {"a", "Z", "ß", "ü", "é", "ÿ", "\u00A0x", "Ł", "ı", "İ", "名前", "😀", "\uD800",
        "\uDFFF", "עברית", "'", "\"", "\\", "%s", "${x}", "<b>", "--", "O'Brien", "van der", "Ǆ", "\u200B", "ꙮ",
        "\uFFFF", "Ā", "ſ"};
    private static final String EMAIL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-";
    private static final PackedContacts CODEC = new PackedContacts();
    private static final String[] COUNTRIES = {"DE", "CH", "TR", "PL", "US"};
    /** Locales with and without a tag that reads back as themselves (the old ISO codes, variants, extensions). */
    private static final Locale[] LOCALES = {Locale.forLanguageTag("de-CH"), Locale.ROOT, Locale.GERMAN,
        new Locale("ja", "JP", "JP"), new Locale("th", "TH", "TH"), new Locale("no", "NO", "NY"),
        new Locale("xx", "YY", "weird_variant!"), Locale.forLanguageTag("de-DE-u-co-phonebk"),
        Locale.forLanguageTag("zh-Hant-TW"), new Locale("iw"), new Locale("", "DE"), Locale.forLanguageTag("und")};

    @Test
    void randomContacts_packedAndUnpacked_areEqual_andHoldExactlyTheirKeys() {
        for (long seed = 1; seed <= 3000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Contact c = contact(random, random.nextLong(Long.MAX_VALUE));
            long seq = random.nextLong(1, Long.MAX_VALUE);
            Object packed = CODEC.pack(c, seq);
            assertEquals(c, CODEC.unpack(c.id(), packed), "seed " + seed);
            assertEquals(seq, CODEC.seq(packed), "seed " + seed);
            boolean plain = c.customFields().isEmpty()
                    && c.language().map(l -> Locale.forLanguageTag(l.toLanguageTag()).equals(l)).orElse(true);
            assertEquals(plain, packed instanceof byte[], "one array unless custom fields or an odd locale, seed " + seed);
            for (EmailAddress e : c.emails()) {
                assertTrue(CODEC.holds(c.id(), packed, "emails", Contact::emails, e), "seed " + seed + " " + e);
                assertFalse(CODEC.holds(c.id(), packed, "phones", Contact::phones, e), "seed " + seed + " " + e);
            }
            for (PhoneNumber p : c.phones()) {
                assertTrue(CODEC.holds(c.id(), packed, "phones", Contact::phones, p), "seed " + seed + " " + p);
            }
            assertFalse(CODEC.holds(c.id(), packed, "emails", Contact::emails, email(random)), "seed " + seed);
            assertFalse(CODEC.holds(c.id(), packed, "phones", Contact::phones, phone(random, true)), "seed " + seed);
        }
    }

    @Test
    void emptyContact_isOneSmallArray() {
        Instant t = Instant.parse("2026-01-05T09:00:00Z");
        Contact c = Contact.create(new ContactId(new UUID(1, 2)), PersonName.empty(), List.of(), List.of(), t);
        Object packed = CODEC.pack(c, 1);
        byte[] data = assertInstanceOf(byte[].class, packed);
        assertEquals(16 + 1 + 1 + 1 + 5 + 1 + 1 + 1 + 1 + 1, data.length,
                "id, seq, version, flags, one time (seconds, nanoseconds), two empty names, two counts");
        assertEquals(c, CODEC.unpack(c.id(), packed));
    }

    @Test
    void storedContacts_readBackEqual_byIdEmailAndPhone_throughUpdatesAndVersionChecks() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Contacts contacts = store.contacts();
        SplittableRandom random = new SplittableRandom(17);
        Map<ContactId, Contact> expected = new TreeMap<>(java.util.Comparator.comparing(ContactId::toString));
        Set<Object> taken = new LinkedHashSet<>();
        for (int i = 0; i < 600; i++) {
            Contact candidate = contact(random, 0);
            if (candidate.emails().stream().anyMatch(taken::contains)
                    || candidate.phones().stream().anyMatch(taken::contains)) {
                continue; // unique keys: such a candidate would return the holder instead
            }
            Contact stored = contacts.insertOrGet(candidate);
            assertEquals(candidate.atVersion(1), stored);
            taken.addAll(stored.emails());
            taken.addAll(stored.phones());
            expected.put(stored.id(), stored);
        }
        List<ContactId> ids = new ArrayList<>(expected.keySet());
        for (int i = 0; i < 300; i++) { // updates: a new name, a new e-mail, rarer parts, or the same contact again
            ContactId id = ids.get(random.nextInt(ids.size()));
            Contact current = expected.get(id);
            Contact changed = switch (random.nextInt(4)) {
                case 0 -> current.withName(name(random), current.updatedAt().plusNanos(random.nextInt(1, 999)));
                case 1 -> {
                    EmailAddress e = email(random);
                    yield taken.add(e) ? current.withEmail(e, random.nextBoolean(), current.updatedAt()) : current;
                }
                case 2 -> current.withCustomFields(customFields(random), current.updatedAt().plusSeconds(1));
                default -> current;
            };
            Contact updated = contacts.update(changed);
            assertEquals(changed.atVersion(current.version() + 1), updated);
            expected.put(id, updated);
            assertThrows(StaleVersionException.class, () -> contacts.update(current), "stale version refused");
        }
        ContactId first = ids.get(0);
        Contact holder = expected.get(first);
        if (!holder.emails().isEmpty()) { // a key of another contact is refused and nothing changes
            Contact other = expected.get(ids.get(1));
            ValidationException e = assertThrows(ValidationException.class, () -> contacts.update(
                    other.withEmail(holder.emails().get(0), false, other.updatedAt())));
            assertTrue(e.getMessage().contains("already belongs to contact " + first), e.getMessage());
        }
        for (Contact c : expected.values()) {
            assertEquals(Optional.of(c), contacts.findById(c.id()));
            for (EmailAddress e : c.emails()) {
                assertEquals(Optional.of(c), contacts.findByEmail(e), e.value());
            }
            for (PhoneNumber p : c.phones()) {
                assertEquals(Optional.of(c), contacts.findByPhone(p), p.toString());
            }
        }
        assertEquals(Optional.empty(), contacts.findByEmail(EmailAddress.parse("nobody-at-all@example.invalid")));
        List<Contact> all = new ArrayList<>();
        PageRequest page = PageRequest.first(50);
        while (true) {
            var p = contacts.findAll(page);
            all.addAll(p.items());
            if (p.next().isEmpty()) {
                break;
            }
            page = PageRequest.after(p.next().get(), 50);
        }
        assertEquals(expected.size(), all.size());
        all.forEach(c -> assertEquals(expected.get(c.id()), c));
    }

    private static Contact contact(SplittableRandom random, long version) {
        Instant created = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                random.nextInt(1_000_000_000));
        Instant updated = random.nextBoolean() ? created : created.plusNanos(random.nextLong(1, Long.MAX_VALUE / 4));
        List<EmailAddress> emails = new ArrayList<>(new LinkedHashSet<>(list(random, () -> email(random))));
        List<PhoneNumber> phones = new ArrayList<>(new LinkedHashSet<>(list(random, () -> phone(random, false))));
        boolean rare = random.nextInt(3) == 0;
        List<Address> addresses = rare && random.nextBoolean() ? list(random, () -> new Address(text(random, 8),
                text(random, 12), text(random, 2), text(random, 6), text(random, 3),
                random.nextBoolean() ? "" : COUNTRIES[random.nextInt(COUNTRIES.length)])) : List.of();
        List<Affiliation> affiliations = new ArrayList<>();
        if (rare && random.nextBoolean()) {
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                Set<CompanyRole> roles = java.util.EnumSet.noneOf(CompanyRole.class);
                for (CompanyRole role : CompanyRole.values()) {
                    if (random.nextBoolean() || roles.isEmpty() && role == CompanyRole.SITE_CONTACT) {
                        roles.add(role);
                    }
                }
                affiliations.add(new Affiliation(new CompanyId(new UUID(random.nextLong(), random.nextLong())),
                        roles, text(random, 5)));
            }
        }
        MarketingConsent consent = !rare || random.nextBoolean() ? MarketingConsent.unknown()
                : new MarketingConsent(MarketingConsent.Status.values()[random.nextInt(3)],
                random.nextBoolean() ? Optional.of(created.minusSeconds(random.nextLong(1_000_000_000L)))
                        : Optional.empty(), text(random, 6));
        return new Contact(new ContactId(new UUID(random.nextLong(), random.nextLong())), version, name(random),
                emails, phones, addresses,
                rare && random.nextBoolean() ? Optional.of(LOCALES[random.nextInt(LOCALES.length)]) : Optional.empty(),
                rare && random.nextBoolean() ? Optional.of(LocalDate.ofEpochDay(random.nextLong(-800_000, 800_000)))
                        : Optional.empty(),
                consent, affiliations, rare && random.nextBoolean() ? customFields(random) : CustomFields.empty(),
                rare && random.nextBoolean() ? Optional.of(UserId.of(text(random, 4) + "x")) : Optional.empty(),
                created, updated);
    }

    private static <T> List<T> list(SplittableRandom random, java.util.function.Supplier<T> item) {
        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(1, random.nextInt(10) == 0 ? 12 : 3);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return out;
    }

    private static CustomFields customFields(SplittableRandom random) {
        return new CustomFields(Map.of("note", new FieldValue.Text(text(random, 20)),
                "budget", new FieldValue.Amount(Money.of(new BigDecimal("1234.50"), java.util.Currency.getInstance("EUR"))),
                "vip", new FieldValue.Bool(random.nextBoolean())));
    }

    /** A name with hostile pieces; one the name rules refuse is drawn again. */
    private static PersonName name(SplittableRandom random) {
        while (true) {
            try {
                int kind = random.nextInt(6);
                String first = kind == 0 ? "" : text(random, kind == 5 ? 60 : 6);
                String last = kind == 1 ? "" : text(random, 6);
                return new PersonName(first, last);
            } catch (ValidationException refused) {
                // control characters or too long: not a name a contact can have
            }
        }
    }

    private static String text(SplittableRandom random, int pieces) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(pieces + 1);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static EmailAddress email(SplittableRandom random) {
        StringBuilder local = new StringBuilder();
        int n = random.nextInt(1, 30);
        for (int i = 0; i < n; i++) {
            local.append(EMAIL_CHARS.charAt(random.nextInt(EMAIL_CHARS.length())));
        }
        return EmailAddress.parse(local + "@mail" + random.nextInt(1000) + ".example.com");
    }

    private static PhoneNumber phone(SplittableRandom random, boolean withExtension) {
        String number = "+49151" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
        return PhoneNumber.of(withExtension || random.nextInt(5) == 0
                ? number + ";ext=" + random.nextInt(1, 99_999) : number);
    }
}
