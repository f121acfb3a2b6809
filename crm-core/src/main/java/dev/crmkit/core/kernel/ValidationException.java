package dev.crmkit.core.kernel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one error type for bad input: it lists every violated field and rule, not just the first. Whatever raised it
 * changed no stored data. Its message names the first {@value #MAX_LISTED} violations and how many more there are, each
 * bounded (see {@link Violation#toString()}); {@link #violations()} holds every one in full.
 */
public final class ValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The most violations the message lists; {@link #violations()} has them all. */
    static final int MAX_LISTED = 10;

    private final transient List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** An exception with a single violation. */
    public static ValidationException of(String field, String rule, String message) {
        return new ValidationException(List.of(new Violation(field, rule, message)));
    }

    /** Throws if the list holds any violation. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        String shown = violations.stream().limit(MAX_LISTED).map(Violation::toString)
                .collect(Collectors.joining("; "));
        return violations.size() <= MAX_LISTED ? shown
                : shown + "; and " + (violations.size() - MAX_LISTED) + " more";
    }

    /** Every violation, in the order found. */
    public List<Violation> violations() {
        return violations;
    }
}
