package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserIdTest {

    @Test
    void of_refusesBlank() {
        ValidationException e = assertThrows(ValidationException.class, () -> UserId.of(" "));

        assertEquals("userId", e.violations().get(0).field());
        assertEquals("required", e.violations().get(0).rule());
    }

    @Test
    void toString_isTheHostsId() {
        assertEquals("u-1", UserId.of("u-1").toString());
    }
}
