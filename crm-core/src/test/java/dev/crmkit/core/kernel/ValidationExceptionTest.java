package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValidationExceptionTest {

    @Test
    void of_carriesFieldRuleAndMessage() {
        ValidationException e = ValidationException.of("email", "format", "'x' is not an e-mail address");

        assertEquals(List.of(new Violation("email", "format", "'x' is not an e-mail address")), e.violations());
        assertEquals("email: 'x' is not an e-mail address [format]", e.getMessage());
    }

    @Test
    void constructor_listsEveryViolationInOrder() {
        List<Violation> list = new ArrayList<>(List.of(new Violation("b", "required", "b is required"),
                new Violation("a", "format", "a is bad")));
        ValidationException e = new ValidationException(list);
        list.clear();

        assertEquals(2, e.violations().size());
        assertEquals("b: b is required [required]; a: a is bad [format]", e.getMessage());
    }

    @Test
    void constructor_refusesEmptyList() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
    }

    @Test
    void throwIfAny_throwsOnlyWhenThereAreViolations() {
        ValidationException.throwIfAny(List.of());
        assertThrows(ValidationException.class,
                () -> ValidationException.throwIfAny(List.of(new Violation("a", "required", "m"))));
    }

    @Test
    void violationUnder_prefixesField() {
        assertEquals(new Violation("contact.email", "format", "m"),
                new Violation("email", "format", "m").under("contact"));
    }

    @Test
    void violation_refusesNulls() {
        assertThrows(NullPointerException.class, () -> new Violation(null, "r", "m"));
        assertThrows(NullPointerException.class, () -> new Violation("f", null, "m"));
        assertThrows(NullPointerException.class, () -> new Violation("f", "r", null));
    }
}
