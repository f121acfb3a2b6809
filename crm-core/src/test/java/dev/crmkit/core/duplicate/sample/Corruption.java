package dev.crmkit.core.duplicate.sample;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.crmkit.core.duplicate.DuplicateRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Turns a person into one record the way people and systems type them: typos (keyboard neighbours, dropped,
 * doubled and swapped letters), OCR confusions, nicknames, initials, swapped first and last names, missing values,
 * another e-mail domain, phone numbers in another format or one digit off, moved addresses, abbreviated streets,
 * transposed or swapped birthday digits, and the odd value that does not parse. Every rate is a field below.
 */
final class Corruption {

    static final double NICKNAME = 0.12;
    static final double FIRST_TYPO = 0.08;
    static final double INITIAL = 0.03;
    static final double LAST_TYPO = 0.08;
    static final double OCR = 0.03;
    static final double SWAPPED = 0.04;
    static final double EMAIL_MISSING = 0.20;
    static final double EMAIL_OTHER_DOMAIN = 0.08;
    static final double EMAIL_TYPO = 0.04;
    static final double EMAIL_NEW = 0.05;
    static final double PHONE_MISSING = 0.20;
    static final double PHONE_NATIONAL = 0.40;
    static final double PHONE_TYPO = 0.03;
    static final double PHONE_JUNK = 0.01;
    static final double MOVED = 0.05;
    static final double ADDRESS_MISSING = 0.10;
    static final double STREET_ABBREVIATED = 0.30;
    static final double STREET_TYPO = 0.05;
    static final double POSTAL_MISSING = 0.05;
    static final double CITY_MISSING = 0.05;
    static final double COUNTRY_MISSING = 0.20;
    static final double BIRTHDAY_MISSING = 0.15;
    static final double BIRTHDAY_TRANSPOSED = 0.03;
    static final double BIRTHDAY_SWAPPED = 0.03;
    static final double BIRTHDAY_INVALID = 0.01;
    static final double ID_KEPT = 0.6;
    static final double ID_TYPO = 0.03;
    static final double UPPER_CASE = 0.10;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String[] KEYBOARD = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    // ordered maps: Map.of iterates in an order that changes from run to run, and the generator must not
    private static final Map<String, String> OCR_CONFUSIONS = ordered("m", "rn", "rn", "m", "cl", "d", "d", "cl",
            "l", "i", "i", "l", "o", "e", "e", "c", "h", "b", "u", "v");
    private static final Map<String, String> STREET_SHORT = ordered("Street", "St.", "Road", "Rd", "Avenue", "Ave",
            "Lane", "Ln", "Drive", "Dr.", "Court", "Ct", "Place", "Pl.", "Boulevard", "Blvd", "straße", "str.");
    private static final List<String> DOMAINS = List.of("gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
            "web.de", "icloud.com", "gmx.net", "aol.com");

    private final Random random;
    private final Names names;

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    Corruption(Random random, Names names) {
        this.random = random;
        this.names = names;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    DuplicateRecord record(String id, Person p, Person movedTo) {
        String first = firstName(p.first());
        String last = chance(LAST_TYPO) ? typo(p.last()) : chance(OCR) ? ocr(p.last()) : p.last();
        if (chance(SWAPPED)) {
            String t = first;
            first = last;
            last = t;
        }
        if (chance(UPPER_CASE)) {
            first = first.toUpperCase(Locale.ROOT);
            last = last.toUpperCase(Locale.ROOT);
        }
        DuplicateRecord.Builder b = DuplicateRecord.builder(id).name(first, last).email(email(p.email()))
                .phone(phone(p)).birthday(birthday(p.birthday()));
        Person home = chance(MOVED) ? movedTo : p;
        if (!chance(ADDRESS_MISSING)) {
            b.address(street(home.street() + " " + home.houseNumber(), home.region()),
                    chance(POSTAL_MISSING) ? "" : home.postalCode(), chance(CITY_MISSING) ? "" : home.city(), "",
                    chance(COUNTRY_MISSING) ? "" : home.region());
        }
        if (!p.nationalId().isEmpty() && chance(ID_KEPT)) {
            b.identifier("national_id", chance(ID_TYPO) ? digitTypo(p.nationalId()) : p.nationalId());
        }
        if (!p.customerNumber().isEmpty() && chance(ID_KEPT)) {
            b.identifier("customer_number", p.customerNumber());
        }
        return b.build();
    }

    private String firstName(String first) {
        List<String> nicks = names.nicknames.get(first.toLowerCase(Locale.ROOT));
        if (nicks != null && chance(NICKNAME)) {
            return Names.capitalised(nicks.get(random.nextInt(nicks.size())));
        }
        if (chance(FIRST_TYPO)) {
            return typo(first);
        }
        if (chance(INITIAL)) {
            return first.charAt(0) + ".";
        }
        return chance(OCR) ? ocr(first) : first;
    }

    private String email(String email) {
        if (email.isEmpty() || chance(EMAIL_MISSING)) {
            return "";
        }
        int at = email.indexOf('@');
        if (chance(EMAIL_OTHER_DOMAIN)) {
            return email.substring(0, at + 1) + DOMAINS.get(random.nextInt(DOMAINS.size()));
        }
        if (chance(EMAIL_TYPO)) {
            return typo(email.substring(0, at)) + email.substring(at);
        }
        if (chance(EMAIL_NEW)) {
            return "user" + random.nextInt(1_000_000) + "@" + DOMAINS.get(random.nextInt(DOMAINS.size()));
        }
        return random.nextInt(10) == 0 ? email.toUpperCase(Locale.ROOT) : email;
    }

    private String phone(Person p) {
        if (chance(PHONE_MISSING)) {
            return "";
        }
        if (chance(PHONE_JUNK)) {
            return random.nextBoolean() ? "n/a" : "call after 5pm";
        }
        String digits = chance(PHONE_TYPO) ? digitTypo(p.phoneDigits()) : p.phoneDigits();
        try {
            Phonenumber.PhoneNumber number = PHONES.parse("+" + p.countryCode() + digits, "ZZ");
            return PHONES.format(number, chance(PHONE_NATIONAL) ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL
                    : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return "+" + p.countryCode() + digits;
        }
    }

    private String birthday(LocalDate date) {
        if (chance(BIRTHDAY_MISSING)) {
            return "";
        }
        String iso = date.toString();
        if (chance(BIRTHDAY_SWAPPED) && date.getDayOfMonth() <= 12 && date.getDayOfMonth() != date.getMonthValue()) {
            return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()).toString();
        }
        if (chance(BIRTHDAY_TRANSPOSED)) {
            int i = 5 + random.nextInt(4);
            if (iso.charAt(i) != '-' && iso.charAt(i + 1) != '-') {
                return iso.substring(0, i) + iso.charAt(i + 1) + iso.charAt(i) + iso.substring(i + 2);
            }
        }
        if (chance(BIRTHDAY_INVALID) && date.getMonthValue() == 2) {
            return date.getYear() + "-02-30";
        }
        return iso;
    }

    private String street(String street, String region) {
        String s = street;
        if (chance(STREET_ABBREVIATED)) {
            for (Map.Entry<String, String> e : STREET_SHORT.entrySet()) {
                s = s.replace(e.getKey(), e.getValue());
            }
        }
        return chance(STREET_TYPO) ? typo(s) : s;
    }

    /** One keyboard slip: a neighbour key, a dropped, doubled or swapped letter. */
    String typo(String s) {
        if (s.length() < 3) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        char c = s.charAt(i);
        switch (random.nextInt(4)) {
            case 0:
                return s.substring(0, i) + neighbour(c) + s.substring(i + 1);
            case 1:
                return s.substring(0, i) + s.substring(i + 1);
            case 2:
                return s.substring(0, i) + c + s.substring(i);
            default:
                return s.substring(0, i - 1) + c + s.charAt(i - 1) + s.substring(i + 1);
        }
    }

    private char neighbour(char c) {
        char lower = Character.toLowerCase(c);
        for (String row : KEYBOARD) {
            int k = row.indexOf(lower);
            if (k >= 0) {
                char n = row.charAt(k == 0 ? 1 : k == row.length() - 1 ? k - 1 : k + (random.nextBoolean() ? 1 : -1));
                return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
            }
        }
        return c;
    }

    private String ocr(String s) {
        for (Map.Entry<String, String> e : OCR_CONFUSIONS.entrySet()) {
            int i = s.indexOf(e.getKey(), 1);
            if (i > 0) {
                return s.substring(0, i) + e.getValue() + s.substring(i + e.getKey().length());
            }
        }
        return typo(s);
    }

    private String digitTypo(String digits) {
        int i = random.nextInt(digits.length() - 1);
        if (random.nextBoolean()) {
            return digits.substring(0, i) + digits.charAt(i + 1) + digits.charAt(i) + digits.substring(i + 2);
        }
        return digits.substring(0, i) + (char) ('0' + (digits.charAt(i) - '0' + 1) % 10) + digits.substring(i + 1);
    }
}
