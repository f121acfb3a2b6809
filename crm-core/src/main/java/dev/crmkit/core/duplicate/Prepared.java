package dev.crmkit.core.duplicate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.crmkit.core.kernel.PhoneNumber;
import org.apache.commons.codec.language.DoubleMetaphone;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A record with every value normalised and parsed once, so that comparing a pair is cheap. */
final class Prepared {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern YEAR_FIRST = Pattern.compile("\\d{4}\\D.*");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\b(\\d+[a-z]?)\\b");
    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    final DuplicateRecord record;
    final String first;
    final String last;
    final String firstSound;
    final String lastSound;
    final String firstOcr;
    final String lastOcr;
    final String company;
    final String companyAcronym;
    /** The company name with umlauts that lost their dots ("muller"), for a name written without them. */
    final String companyDotless;
    /** The initials of the company name's words other than "of", "von"..., see {@link Normalize#significantAcronym}. */
    final String companySignificantAcronym;
    final String emailLocal;
    final String emailDomain;
    final boolean emailIsAddress;
    final int phoneCountry;
    final String phoneNational;
    final boolean phoneIsNumber;
    final String streetName;
    final String streetNumber;
    final String postal;
    final String city;
    final String region;
    final String country;
    final LocalDate birthday;
    final String birthdayDigits;
    final Map<String, String> identifiers;

    private final String defaultRegion;
    private volatile Reread reread;

    private record Reread(int countryCode, Prepared answer) {
    }

    private Prepared(DuplicateRecord r, String defaultRegion) {
        this.defaultRegion = defaultRegion;
        record = r;
        first = Normalize.name(r.firstName());
        last = Normalize.name(r.lastName());
        firstSound = sound(first);
        lastSound = sound(last);
        firstOcr = Similarity.ocrFolded(first);
        lastOcr = Similarity.ocrFolded(last);
        company = Normalize.companyCompared(r.companyName());
        companyDotless = Normalize.companyCompared(r.companyName(), false);
        companyAcronym = Normalize.acronym(company);
        companySignificantAcronym = Normalize.significantAcronym(company);
        String email = r.email().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        emailIsAddress = at > 0 && at < email.length() - 1;
        String local = emailIsAddress ? email.substring(0, at) : email;
        int plus = local.indexOf('+');
        emailLocal = (plus > 0 ? local.substring(0, plus) : local).replace(".", "");
        emailDomain = emailIsAddress ? email.substring(at + 1) : "";
        country = r.country().length() == 2 ? r.country().toUpperCase(Locale.ROOT) : Normalize.text(r.country());
        String region = COUNTRY_CODES.contains(country) ? country : defaultRegion;
        Optional<Phonenumber.PhoneNumber> phone = parsePhone(r.phone(), region);
        phoneIsNumber = phone.isPresent();
        phoneCountry = phone.map(Phonenumber.PhoneNumber::getCountryCode).orElse(0);
        String digits = Normalize.digits(r.phone());
        phoneNational = phone.map(PHONES::getNationalSignificantNumber)
                .orElse(digits.isEmpty() ? Normalize.text(r.phone()) : digits);
        String street = Normalize.streetWords(r.street());
        Matcher number = HOUSE_NUMBER.matcher(street);
        streetNumber = number.find() ? number.group(1) : "";
        streetName = streetNumber.isEmpty() ? street : (street.substring(0, number.start())
                + street.substring(number.end())).replaceAll("\\s+", " ").strip();
        postal = Normalize.code(r.postalCode());
        city = Normalize.text(r.city());
        this.region = Normalize.text(r.region());
        birthday = parseDate(r.birthday());
        birthdayDigits = Normalize.digits(r.birthday());
        Map<String, String> ids = new HashMap<>();
        r.identifiers().forEach((kind, value) -> {
            String code = Normalize.code(value);
            if (!code.isEmpty()) {
                ids.put(kind.toLowerCase(Locale.ROOT), code);
            }
        });
        identifiers = Map.copyOf(ids);
    }

    /**
     * This record with its phone read in the region of a country calling code; itself if that does not help.
     * The last answer is kept, since a record is compared with many others of one country.
     */
    Prepared rereadPhone(int countryCode) {
        Reread cached = reread;
        if (cached != null && cached.countryCode() == countryCode) {
            return cached.answer();
        }
        String region = PHONES.getRegionCodeForCountryCode(countryCode);
        Prepared answer = this;
        if (!phoneIsNumber && !region.equals(defaultRegion)
                && PhoneNumber.tryParse(record.phone(), region).isPresent()) {
            answer = new Prepared(record, region);
        }
        reread = new Reread(countryCode, answer);
        return answer;
    }

    static Prepared of(DuplicateRecord record, String defaultRegion) {
        return new Prepared(record, defaultRegion);
    }

    /** The Double Metaphone code of the name's words, joined; empty for an empty name. */
    static String sound(String name) {
        if (name.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String word : name.split(" ")) {
            String code = METAPHONE.doubleMetaphone(word);
            if (code != null) {
                b.append(code);
            }
        }
        return b.toString();
    }

    private static Optional<Phonenumber.PhoneNumber> parsePhone(String raw, String region) {
        Optional<PhoneNumber> valid = PhoneNumber.tryParse(raw, region);
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PHONES.parse(valid.get().e164(), "ZZ"));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate parseDate(String raw) {
        Matcher m = ISO_DATE.matcher(raw.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The birth year if the birthday starts with four digits (also when the date itself is invalid), else empty. */
    String birthYear() {
        return birthdayDigits.length() >= 4 && YEAR_FIRST.matcher(record.birthday()).matches()
                ? birthdayDigits.substring(0, 4) : "";
    }
}
