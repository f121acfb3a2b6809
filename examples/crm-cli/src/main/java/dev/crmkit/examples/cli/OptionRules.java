package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rules between a command's options, each a bad argument (exit 2) naming both options: an option that has no effect
 * without another, or with another, is refused rather than silently ignored.
 */
public final class OptionRules {

    private OptionRules() {
    }

    /** Whether the option was given on the command line (not merely defaulted). */
    public static boolean given(CommandSpec spec, String option) {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * Refuses {@code option} given without {@code needed}.
     *
     * @param why what {@code option} does only together with {@code needed}
     */
    public static void needs(CommandSpec spec, String option, String needed, String why) {
        if (given(spec, option) && !given(spec, needed)) {
            throw new ParameterException(spec.commandLine(), option + " has no effect without " + needed + ": "
                    + why);
        }
    }

    /**
     * Refuses {@code option} when {@code condition} holds, a condition named by {@code other} (another option, or
     * another option's value).
     */
    public static void uselessWith(CommandSpec spec, String option, boolean condition, String other, String why) {
        if (condition && given(spec, option)) {
            throw new ParameterException(spec.commandLine(), option + " has no effect with " + other + ": " + why);
        }
    }

    /**
     * A calculator's refusal of values that all came from options, as a bad argument naming the options: each
     * violation's field is replaced by its option ({@code discountRate} by {@code --discount-rate}).
     *
     * @param options the option of each field; a field {@code revenues[2]} is looked up as {@code revenues}
     */
    public static ParameterException badValues(CommandSpec spec, ValidationException e, Map<String, String> options) {
        String message = e.violations().stream().map(v -> describe(v, options)).collect(Collectors.joining("; "));
        return new ParameterException(spec.commandLine(), message);
    }

    private static String describe(Violation v, Map<String, String> options) {
        String field = v.field().replaceAll("\\[\\d+]", "");
        int dot = field.indexOf('.');
        String option = options.getOrDefault(field, dot < 0 ? null : options.get(field.substring(0, dot)));
        return (option == null ? v.field() : option) + " " + v.message();
    }
}
