package dev.crmkit.core.duplicate.sample;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.crmkit.core.duplicate.DuplicateRecord;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of people and their records, each record labelled with the person it belongs to: half of the
 * people have one record, the others two to four, every record corrupted independently by {@link Corruption}.
 * One person in twelve shares a household (family name, address, often the phone) with the person before, which
 * makes the hard non-matches. The same seed gives the same records.
 */
public final class LabelledPeople {

    /**
     * A generated record and its label.
     *
     * @param record the record
     * @param person the number of the person it belongs to
     */
    public record Labelled(DuplicateRecord record, int person) {
    }

    private static final double HOUSEHOLD = 1.0 / 12;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final List<String> DOMAINS = List.of("gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
            "web.de", "icloud.com", "gmx.net", "aol.com", "example.org", "mail.com");

    private final Random random;
    private final Names names;
    private final Set<String> emails = new HashSet<>();
    private final Map<String, String[]> phoneTemplates = new HashMap<>();

    private LabelledPeople(long seed) {
        this.random = new Random(seed);
        this.names = Names.of(seed);
    }

    /** The records of this many people, shuffled, with ids {@code R0000001} and up. */
    public static List<Labelled> generate(int people, long seed) {
        return new LabelledPeople(seed).records(people);
    }

    /** Only the records of {@link #generate(int, long)}. */
    public static List<DuplicateRecord> records(int people, long seed) {
        return generate(people, seed).stream().map(Labelled::record).toList();
    }

    private List<Labelled> records(int count) {
        Corruption corruption = new Corruption(random, names);
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Person household = i > 0 && random.nextDouble() < HOUSEHOLD ? people.get(i - 1) : null;
            people.add(person(i, household));
        }
        List<int[]> order = new ArrayList<>();
        for (Person p : people) {
            double r = random.nextDouble();
            int copies = r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.95 ? 3 : 4;
            for (int c = 0; c < copies; c++) {
                order.add(new int[] {p.id(), c});
            }
        }
        Collections.shuffle(order, random);
        List<Labelled> out = new ArrayList<>(order.size());
        for (int[] slot : order) {
            Person p = people.get(slot[0]);
            Person moved = moved(p);
            String id = String.format(Locale.ROOT, "R%07d", out.size() + 1);
            out.add(new Labelled(corruption.record(id, p, moved), p.id()));
        }
        return out;
    }

    private Person person(int id, Person household) {
        String first = Names.capitalised(names.first.get(Names.skewed(random, names.first.size(), 10)));
        String last = household != null ? household.last()
                : names.last.get(Names.skewed(random, names.last.size(), 50));
        LocalDate birthday = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(65 * 365));
        Places.City city = Places.CITIES.get(random.nextInt(Places.CITIES.size()));
        String region = household != null ? household.region() : city.region();
        String[] phone = household != null && random.nextBoolean()
                ? new String[] {household.phoneDigits(), String.valueOf(household.countryCode())} : phone(region);
        String email = random.nextDouble() < 0.9 ? email(first, last) : "";
        String nationalId = random.nextDouble() < 0.4 ? digits(9) : "";
        String customer = random.nextDouble() < 0.3 ? "C" + digits(7) : "";
        if (household != null) {
            return new Person(id, first, last, email, region, phone[0], Integer.parseInt(phone[1]),
                    household.street(), household.houseNumber(), household.postalCode(), household.city(), birthday,
                    nationalId, customer);
        }
        return new Person(id, first, last, email, region, phone[0], Integer.parseInt(phone[1]),
                Places.street(random, region), 1 + random.nextInt(200), Places.postalCode(random, city), city.name(),
                birthday, nationalId, customer);
    }

    private Person moved(Person p) {
        Places.City city = Places.CITIES.get(random.nextInt(Places.CITIES.size()));
        return new Person(p.id(), p.first(), p.last(), p.email(), city.region(), p.phoneDigits(), p.countryCode(),
                Places.street(random, city.region()), 1 + random.nextInt(200), Places.postalCode(random, city),
                city.name(), p.birthday(), p.nationalId(), p.customerNumber());
    }

    private String email(String first, String last) {
        String f = ascii(first);
        String l = ascii(last);
        String local;
        switch (random.nextInt(5)) {
            case 0:
                local = f + "." + l;
                break;
            case 1:
                local = f + l;
                break;
            case 2:
                local = f.charAt(0) + "." + l;
                break;
            case 3:
                local = f + "_" + l + random.nextInt(100);
                break;
            default:
                local = f + random.nextInt(1000);
                break;
        }
        String email = local + "@" + DOMAINS.get(random.nextInt(DOMAINS.size()));
        while (!emails.add(email)) {
            email = local + random.nextInt(10_000) + "@" + DOMAINS.get(random.nextInt(DOMAINS.size()));
        }
        return email;
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("[^a-z]", "");
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        b.append((char) ('1' + random.nextInt(9)));
        while (b.length() < n) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /** A valid number of the region: an example number of libphonenumber with its last six digits drawn. */
    private String[] phone(String region) {
        String[] templates = phoneTemplates.computeIfAbsent(region, r -> new String[] {
            PHONES.getNationalSignificantNumber(PHONES.getExampleNumberForType(r,
                    PhoneNumberUtil.PhoneNumberType.FIXED_LINE)),
            PHONES.getNationalSignificantNumber(PHONES.getExampleNumberForType(r,
                    PhoneNumberUtil.PhoneNumberType.MOBILE))});
        int code = PHONES.getCountryCodeForRegion(region);
        String template = templates[random.nextInt(2)];
        for (int attempt = 0; attempt < 20; attempt++) {
            String nsn = template.substring(0, template.length() - 6)
                    + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            try {
                Phonenumber.PhoneNumber number = PHONES.parse("+" + code + nsn, "ZZ");
                if (PHONES.isValidNumber(number)) {
                    return new String[] {nsn, String.valueOf(code)};
                }
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                // try other digits
            }
        }
        return new String[] {template, String.valueOf(code)};
    }
}
