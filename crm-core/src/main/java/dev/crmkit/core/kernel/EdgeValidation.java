package dev.crmkit.core.kernel;

import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates commands that enter crmkit. By default ({@link #plain()}) in plain Java: each command checks its own
 * fields ({@link SelfChecking}), so crm-core needs no Jakarta Validation provider, no expression language and not even
 * the Jakarta Validation API at run time. A host that passes its own Jakarta {@code Validator}
 * ({@link #using(Validator)}) gets the constraints the commands declare as annotations checked by it instead; both
 * report the same rules ({@code not-null}, {@code not-blank}, {@code size}, ...) and messages. Thread-safe.
 */
public final class EdgeValidation {

    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::field)
            .thenComparing(Violation::rule);

    private final Function<Object, List<Violation>> checks;

    private EdgeValidation(Function<Object, List<Violation>> checks) {
        this.checks = checks;
    }

    /** crmkit's own checks, in plain Java: the default. */
    public static EdgeValidation plain() {
        return new EdgeValidation(command -> {
            if (command instanceof SelfChecking checking) {
                return checking.violations();
            }
            throw new IllegalArgumentException(command.getClass().getName() + " does not check itself: plain "
                    + "validation takes SelfChecking commands; pass a Jakarta Validator to validate other types");
        });
    }

    /** Uses the given Jakarta validator (a host's configured one, say) on the commands' constraint annotations. */
    public static EdgeValidation using(Validator validator) {
        return new EdgeValidation(new JakartaValidation(Objects.requireNonNull(validator, "validator")));
    }

    /**
     * Every violation of the command's constraints, ordered by field, then rule; empty when it is valid. A command
     * that is {@link StoreLimits.Bounded} also gets its store-limit violations, in plain Java whatever validator is
     * configured, for each field its constraints did not already refuse. The list is a new one of the caller's, which
     * it may add to (capture adds its own checks' violations without copying it).
     */
    public List<Violation> violationsOf(Object command) {
        Objects.requireNonNull(command, "command");
        List<Violation> checked = checks.apply(command);
        List<Violation> out = checked.isEmpty() ? new ArrayList<>() : new ArrayList<>(checked);
        if (command instanceof StoreLimits.Bounded bounded) {
            List<Violation> limits = bounded.storeLimitViolations();
            if (!limits.isEmpty()) { // the common case: nothing over a limit, no set of fields to build
                Set<String> flagged = fieldsOf(out);
                limits.stream().filter(v -> !flagged.contains(v.field())).forEach(out::add);
            }
        }
        if (out.size() > 1) {
            out.sort(ORDER);
        }
        return out;
    }

    /** The fields named by violations, for skipping checks of fields already found wrong. */
    public static Set<String> fieldsOf(List<Violation> violations) {
        Set<String> out = new HashSet<>();
        violations.forEach(v -> out.add(v.field()));
        return out;
    }

    /** Throws a {@link ValidationException} listing every violation, if there are any. */
    public void check(Object command) {
        ValidationException.throwIfAny(violationsOf(command));
    }
}
