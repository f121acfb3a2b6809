package dev.crmkit.core.kernel;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The validation a host asked for by passing its Jakarta {@link Validator}: every constraint violation becomes a
 * {@link Violation} whose rule is the constraint's name in kebab case ({@code NotBlank} becomes {@code not-blank}).
 * The only class of crm-core that touches Jakarta Validation, loaded only when a host passes a validator, so that
 * crm-core runs without the Jakarta Validation API on the class path.
 */
final class JakartaValidation implements Function<Object, List<Violation>> {

    private final Validator validator;

    JakartaValidation(Validator validator) {
        this.validator = validator;
    }

    @Override
    public List<Violation> apply(Object command) {
        List<Violation> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(command)) {
            String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            out.add(new Violation(fieldOf(v.getPropertyPath()), kebab(rule), v.getMessage()));
        }
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

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
