package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "030 123456       | DE | +4930123456",
            "030/123456       | DE | +4930123456",
            "0151 23456789    | DE | +4915123456789",
            "(201) 555-0123   | US | +12015550123",
            "201.555.0123     | US | +12015550123",
            "020 7946 0958    | GB | +442079460958",
            "0121 234 5678    | GB | +441212345678",
            "07400 123456     | GB | +447400123456"})
    void parse_readsNationalNumberInDefaultRegion(String raw, String region, String e164) {
        assertEquals(e164, PhoneNumber.parse(raw, region).e164());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0049 30 123456     | US | +4930123456",
            "0044 20 7946 0958  | DE | +442079460958",
            "001 201 555 0123   | GB | +12015550123"})
    void parse_readsDoubleZeroPrefixAsInternational(String raw, String region, String e164) {
        assertEquals(e164, PhoneNumber.parse(raw, region).e164());
    }

    @Test
    void parse_readsInternationalFormInAnyRegion() {
        assertEquals("+442079460958", PhoneNumber.parse("+44 20 7946 0958", "DE").e164());
        assertEquals("+442079460958", PhoneNumber.parse(" +44 (0)20 7946 0958 ", "US").e164());
    }

    @Test
    void parse_acceptsLowerCaseRegion() {
        assertEquals("+4930123456", PhoneNumber.parse("030 123456", "de").e164());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12            | DE",
            "030           | DE",
            "abc           | DE",
            "''            | DE",
            "+49 123       | DE",
            "555-0123      | US",
            "030 123456    | XX",
            "030 123456    | ZZ",
            "+999 12345678 | DE"})
    void parse_refusesInvalidNumbersNamingFieldPhone(String raw, String region) {
        ValidationException e = assertThrows(ValidationException.class, () -> PhoneNumber.parse(raw, region));

        assertEquals(1, e.violations().size());
        assertEquals("phone", e.violations().get(0).field());
        assertEquals("format", e.violations().get(0).rule());
    }

    @Test
    void parse_messageNamesTheDefaultRegion() {
        ValidationException e = assertThrows(ValidationException.class, () -> PhoneNumber.parse("12", "de"));

        assertTrue(e.getMessage().contains("DE"), e.getMessage());
    }

    @Test
    void parse_refusesNulls() {
        assertThrows(NullPointerException.class, () -> PhoneNumber.parse(null, "DE"));
        assertThrows(NullPointerException.class, () -> PhoneNumber.parse("030 123456", null));
    }

    @ParameterizedTest
    @CsvSource({"+4930123456, DE", "+12015550123, US", "+442079460958, GB", "+33123456789, FR"})
    void region_isTheNumbersIsoRegion(String e164, String region) {
        assertEquals(region, PhoneNumber.of(e164).region());
    }

    @Test
    void of_acceptsE164() {
        assertEquals("+4930123456", PhoneNumber.of("+4930123456").e164());
    }

    @ParameterizedTest
    @CsvSource({"030123456", "4930123456", "+49 30 123456", "+49-30-123456", "+4912", "004930123456"})
    void of_refusesAnythingButValidE164(String value) {
        ValidationException e = assertThrows(ValidationException.class, () -> PhoneNumber.of(value));

        assertEquals("phone", e.violations().get(0).field());
    }

    @Test
    void tryParse_emptyForBlankNullOrInvalid() {
        assertEquals(Optional.empty(), PhoneNumber.tryParse(null, "DE"));
        assertEquals(Optional.empty(), PhoneNumber.tryParse("  ", "DE"));
        assertEquals(Optional.empty(), PhoneNumber.tryParse("12", "DE"));
        assertEquals(Optional.of(PhoneNumber.of("+4930123456")), PhoneNumber.tryParse("030 123456", "DE"));
    }

    @Test
    void toString_isE164() {
        assertEquals("+12015550123", PhoneNumber.parse("(201) 555-0123", "US").toString());
    }

    @Test
    void equals_sameNumberTypedDifferently() {
        assertEquals(PhoneNumber.parse("030 123456", "DE"), PhoneNumber.parse("+49 30 123456", "US"));
    }

    @ParameterizedTest
    @CsvSource({"'+49 30 901820 ext. 12', 12", "'+49 30 901820;ext=5', 5", "'030 901820 x12', 12",
            "'+49 (30) 901820 extension 7', 7", "'+4930901820;ext=12345678901234567890', 12345678901234567890"})
    void parse_keepsTheExtension(String raw, String extension) {
        PhoneNumber phone = PhoneNumber.parse(raw, "DE");

        assertEquals("+4930901820", phone.e164());
        assertEquals(Optional.of(extension), phone.extension());
        assertEquals("+4930901820;ext=" + extension, phone.toString());
        assertEquals(phone, PhoneNumber.of(phone.toString()), "toString reads back");
        assertTrue(phone.toString().length() <= PhoneNumber.MAX_LENGTH);
    }

    @Test
    void equals_numbersDifferingOnlyInTheExtensionDiffer() {
        PhoneNumber twelve = PhoneNumber.parse("+49 30 901820 ext. 12", "DE");

        assertEquals(twelve, PhoneNumber.parse("030 901820 x12", "DE"));
        assertTrue(!twelve.equals(PhoneNumber.parse("+49 30 901820;ext=5", "DE")));
        assertTrue(!twelve.equals(PhoneNumber.parse("+49 30 901820", "DE")));
        assertEquals(Optional.empty(), PhoneNumber.parse("+49 30 901820", "DE").extension());
    }

    @ParameterizedTest
    @CsvSource({"'+4930901820;ext='", "'+4930901820;ext=a'", "'+4930901820 ext. 12'", "'+4930901820;ext=012;x'"})
    void of_refusesExtensionsNotInTheStoredForm(String value) {
        assertThrows(ValidationException.class, () -> PhoneNumber.of(value));
    }
}
