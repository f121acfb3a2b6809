package dev.crmkit.examples.cli;

import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.kernel.RecordType;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.Locale;

/**
 * The options of the commands that write under the duplicate rules ({@code crm contact add|edit}, {@code crm lead
 * edit}, {@code crm capture}): the rule ({@code --duplicates}), the threshold and the output format, with one check
 * of the threshold and one reading of the rule. Each command words the help of these options for what it writes: the
 * texts stand in {@code DuplicateRuleOptions.properties} under the command's full name (a command that mixes these
 * options in names that file as its {@code resourceBundle}); the texts here are what a command not listed there shows.
 */
final class DuplicateRuleOptions {

    /** The exit status of a write a block rule refused. */
    static final int BLOCKED = 3;

    /** The name of the resource bundle that holds each command's help texts of these options. */
    static final String HELP = "dev.crmkit.examples.cli.DuplicateRuleOptions";

    @Option(names = "--duplicates", paramLabel = "allow|alert|block", defaultValue = "alert",
            converter = ActionConverter.class, descriptionKey = "duplicates",
            description = "What a record that looks like a stored one does: allow (saved, nothing looked up), alert "
                    + "(saved; a timeline entry names the stored records and the owner gets a task), block (refused, "
                    + "nothing stored, exit status 3). Default: ${DEFAULT-VALUE}.")
    DuplicateAction action;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "" + DuplicateScan.DEFAULT_THRESHOLD,
            descriptionKey = "threshold",
            description = "The match probability (0 to 1] from which a stored record counts as a duplicate "
                    + "(default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "format",
            description = "text (default) or json: one JSON object on standard output.")
    OutputFormat format;

    /**
     * The rules the options ask for: {@code --duplicates} for each record type given, everything else allowed.
     *
     * @throws ParameterException when the threshold is not within (0, 1]
     */
    DuplicateRules rules(CommandSpec spec, RecordType... types) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be within (0, 1], got " + threshold);
        }
        DuplicateRules rules = DuplicateRules.allowAll();
        for (RecordType type : types) {
            rules = rules.withRule(type, action);
        }
        return rules.withThreshold(threshold);
    }

    /** Reads {@code allow}, {@code alert}, {@code block} in any case. */
    static final class ActionConverter implements CommandLine.ITypeConverter<DuplicateAction> {
        @Override
        public DuplicateAction convert(String value) {
            try {
                return DuplicateAction.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is no duplicate rule: use allow, "
                        + "alert or block");
            }
        }
    }
}
