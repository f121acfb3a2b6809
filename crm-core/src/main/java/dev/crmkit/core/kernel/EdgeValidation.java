package dev.crmkit.core.kernel;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Validates commands that enter crmkit (records carrying Jakarta Validation annotations) and turns every constraint
 * violation into a {@link Violation} whose rule is the constraint's name in kebab case ({@code NotBlank} becomes
 * {@code not-blank}). Thread-safe.
 */
public final class EdgeValidation {

    private final Validator validator;

    private EdgeValidation(Validator validator) {
        this.validator = validator;
    }

    /** Uses the given validator (a host's configured one, say). */
    public static EdgeValidation using(Validator validator) {
        return new EdgeValidation(Objects.requireNonNull(validator, "validator"));
    }

    /**
     * Uses the default Jakarta Validation provider found on the class path (Hibernate Validator comes with crmkit).
     */
    public static EdgeValidation withDefaultProvider() {
        return new EdgeValidation(Validation.buildDefaultValidatorFactory().getValidator());
    }

    /**
     * Every violation of the command's constraints, ordered by field; empty when it is valid. A command that is
     * {@link StoreLimits.Bounded} also gets its store-limit violations, in plain Java whatever validator is
     * configured, for each field its annotations did not already refuse.
     */
    public List<Violation> violationsOf(Object command) {
        Objects.requireNonNull(command, "command");
        List<Violation> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(command)) {
            String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            out.add(new Violation(fieldOf(v.getPropertyPath()), kebab(rule), v.getMessage()));
        }
        if (command instanceof StoreLimits.Bounded bounded) {
            java.util.Set<String> flagged = fieldsOf(out);
            bounded.storeLimitViolations().stream().filter(v -> !flagged.contains(v.field())).forEach(out::add);
        }
        out.sort(Comparator.comparing(Violation::field).thenComparing(Violation::rule));
        return out;
    }

    /**
     * The field name of a property path as crmkit writes it: list elements as {@code emails[0]}, map values as
     * {@code customFields.notes}, with the validator's own container-element names left out.
     */
    static String fieldOf(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('.').append(node.getKey());
            }
            String name = node.getName();
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || name == null || name.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(name);
        }
        return out.toString();
    }

    /** The fields named by violations, for skipping checks of fields already found wrong. */
    public static java.util.Set<String> fieldsOf(List<Violation> violations) {
        java.util.Set<String> out = new java.util.HashSet<>();
        violations.forEach(v -> out.add(v.field()));
        return out;
    }

    /** Throws a {@link ValidationException} listing every violation, if there are any. */
    public void check(Object command) {
        ValidationException.throwIfAny(violationsOf(command));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
