package dev.crmkit.core.internal;

import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.ValidationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoredValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"+4930123456", "+12015550123", "+4930901820;ext=12", "+390612345678",
            "+442079460958;ext=12345678901234567890"})
    void phoneNumber_rebuildsWhatAValidatedNumberWrote(String text) {
        PhoneNumber validated = PhoneNumber.of(text);

        PhoneNumber stored = StoredValues.phoneNumber(validated.toString());

        assertEquals(validated, stored);
        assertEquals(validated.hashCode(), stored.hashCode());
        assertEquals(validated.e164(), stored.e164());
        assertEquals(validated.extension(), stored.extension());
        assertEquals(text, stored.toString());
    }

    /** Where the private lookup is refused, the validating factory gives the same numbers and the same refusal. */
    @ParameterizedTest
    @ValueSource(strings = {"+4930123456", "+4930901820;ext=12", "+442079460958;ext=12345678901234567890"})
    void validated_givesWhatTheShapeCheckGives(String text) {
        assertEquals(StoredValues.phoneNumber(text), StoredValues.validated(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4930123456", "+49 30123456", "+4930123456;ext=", "abc"})
    void validated_refusesAsTheShapeCheckRefuses(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoredValues.validated(text));
        assertEquals(true, e.getMessage().contains("not in the form PhoneNumber writes"), e.getMessage());
    }

    @Test
    void phoneNumber_keepsAnEmptyExtensionAbsent() {
        assertEquals(Optional.empty(), StoredValues.phoneNumber("+4930123456").extension());
        assertEquals(Optional.of("7"), StoredValues.phoneNumber("+4930123456;ext=7").extension());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "+4", "4930123456", "+0930123456", "+49 30123456", "+49301234567890123",
            "+4930123456;ext=", "+4930123456;ext=12a", "+4930123456;ext=123456789012345678901", "+49301x3456",
            "+4930123456;EXT=12", "abc"})
    void phoneNumber_refusesTextNotInTheStoredShape(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoredValues.phoneNumber(text));
        assertEquals(true, e.getMessage().contains("not in the form PhoneNumber writes"), e.getMessage());
    }

    /**
     * The public ways in still run libphonenumber: a number with the stored shape that is not a valid number is
     * refused by each of them (only the internal store path takes the shape alone).
     */
    @ParameterizedTest
    @ValueSource(strings = {"+4912", "+999123456789", "+10000000000"})
    void publicFactories_stillValidateWhatHasTheStoredShape(String text) {
        ValidationException of = assertThrows(ValidationException.class, () -> PhoneNumber.of(text));
        assertEquals("phone", of.violations().get(0).field());
        ValidationException parse = assertThrows(ValidationException.class, () -> PhoneNumber.parse(text, "DE"));
        assertEquals("phone", parse.violations().get(0).field());
        assertEquals(Optional.empty(), PhoneNumber.tryParse(text, "DE"));
    }
}
