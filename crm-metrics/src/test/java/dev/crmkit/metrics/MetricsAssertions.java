package dev.crmkit.metrics;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Asserts that bad input fails with a {@link ValidationException} naming a field. */
public final class MetricsAssertions {

    private MetricsAssertions() {
    }

    /** Runs {@code call} and asserts it fails naming {@code field} first. */
    public static ValidationException assertRejects(String field, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(field, e.violations().get(0).field(), e.getMessage());
        return e;
    }
}
