package dev.crmkit.core.kernel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

/** Phone numbers read back from their E.164 form in every region. */
class PhoneNumberPropertiesTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Every region libphonenumber knows, plus the "unknown region" code. */
    private static final List<String> ALL_REGIONS;

    static {
        List<String> regions = new ArrayList<>(new TreeSet<>(UTIL.getSupportedRegions()));
        regions.add("ZZ");
        ALL_REGIONS = List.copyOf(regions);
    }

    /**
     * A valid number typed nationally: libphonenumber's example number of a region and type with its last five digits
     * replaced; the example itself when the variation is not valid.
     */
    private static final Gen<Phonenumber.PhoneNumber> VALID = arbitrary().pick("DE", "US", "GB", "FR", "CH", "AT", "NL")
            .zip(arbitrary().pick(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE),
                    integers().between(0, 99_999), PhoneNumberPropertiesTest::variation);

    private static Phonenumber.PhoneNumber variation(String region, PhoneNumberType type, int lastDigits) {
        Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
        if (example == null) {
            example = UTIL.getExampleNumber(region);
        }
        String nsn = UTIL.getNationalSignificantNumber(example);
        int keep = Math.max(1, nsn.length() - 5);
        String digits = nsn.substring(0, keep) + String.format("%05d", lastDigits).substring(5 - (nsn.length() - keep));
        try {
            Phonenumber.PhoneNumber varied = UTIL.parse("+" + example.getCountryCode() + digits, "ZZ");
            return UTIL.isValidNumber(varied) ? varied : example;
        } catch (NumberParseException e) {
            return example;
        }
    }

    private static PhoneNumber typedNationally(Phonenumber.PhoneNumber n) {
        return PhoneNumber.parse(UTIL.format(n, PhoneNumberFormat.NATIONAL), UTIL.getRegionCodeForNumber(n));
    }

    @Test
    void parse_ofE164GivesEqualNumberInAnyRegion() {
        qt().forAll(VALID, arbitrary().pick(ALL_REGIONS)).check((n, region) -> {
            PhoneNumber p = typedNationally(n);
            return PhoneNumber.parse(p.e164(), region).equals(p) && PhoneNumber.parse(p.toString(), region).equals(p);
        });
    }

    @Test
    void parse_ofInternationalFormWithDoubleZeroGivesEqualNumberInAnyRegion() {
        qt().forAll(VALID, arbitrary().pick(ALL_REGIONS)).check((n, region) -> {
            PhoneNumber p = typedNationally(n);
            String international = UTIL.format(n, PhoneNumberFormat.INTERNATIONAL);
            return PhoneNumber.parse(international, region).equals(p)
                    && PhoneNumber.parse("00" + international.substring(1), region).equals(p);
        });
    }

    @Test
    void parse_givesE164ThatTheConstructorAccepts() {
        qt().forAll(VALID).check(n -> {
            PhoneNumber p = typedNationally(n);
            return PhoneNumber.of(p.e164()).equals(p)
                    && p.e164().equals(UTIL.format(n, PhoneNumberFormat.E164))
                    && p.region().equals(UTIL.getRegionCodeForNumber(n));
        });
    }
}
