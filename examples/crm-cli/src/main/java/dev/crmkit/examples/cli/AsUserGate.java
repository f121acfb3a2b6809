package dev.crmkit.examples.cli;

import dev.crmkit.core.access.Permission;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses {@code crm --as USER} for the commands that change records without deciding as that user (they act as the system actor, which may do everything): run as a user they would
 * need a permission on every record they touch, which they do not check, so they refuse, naming that permission,
 * rather than let the user do or see what they may not.
 * The commands that honour {@code --as} (the {@code access} views, {@code deal move}, {@code privacy export}, which
 * needs EXPORT on the contact and then shows the whole document, as a right of access must, ...) are not listed here.
 */
final class AsUserGate {

    /** The commands refused with {@code --as}, by qualified name, and the permission each would need. */
    static final Map<String, Permission> WRITES = writes();

    private AsUserGate() {
    }

    private static Map<String, Permission> writes() {
        Map<String, Permission> m = new LinkedHashMap<>();
        m.put("crm contact add", Permission.EDIT);
        m.put("crm contact edit", Permission.EDIT);
        m.put("crm import", Permission.EDIT);
        m.put("crm score", Permission.EDIT);
        m.put("crm assign", Permission.ASSIGN);
        m.put("crm merge", Permission.MERGE);
        m.put("crm unmerge", Permission.MERGE);
        m.put("crm duplicates merge", Permission.MERGE);
        m.put("crm privacy erase", Permission.DELETE);
        m.put("crm privacy retain", Permission.DELETE);
        return Map.copyOf(m);
    }

    /**
     * Runs the command line's commands as before, after refusing {@code --as} for the commands listed; their bad
     * arguments, too, are reported as that refusal, which is what the user must change first.
     */
    static void install(CommandLine commandLine) {
        CommandLine.IExecutionStrategy run = commandLine.getExecutionStrategy();
        commandLine.setExecutionStrategy(parsed -> {
            ParseResult last = parsed;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            Optional<CommandLine.ParameterException> refused = refusal(last.commandSpec());
            if (refused.isPresent()) {
                throw refused.get();
            }
            return run.execute(parsed);
        });
        CommandLine.IParameterExceptionHandler bad = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((e, args) -> bad.handleParseException(
                refusal(e.getCommandLine().getCommandSpec()).orElse(e), args));
    }

    /**
     * The refusal, as bad arguments, of a command that changes records as the system actor when {@code --as} names a
     * user; empty for any other command, or without {@code --as}.
     */
    static Optional<CommandLine.ParameterException> refusal(CommandLine.Model.CommandSpec command) {
        Optional<String> user = ActingUser.of(command);
        String name = command.qualifiedName();
        Permission needed = WRITES.get(name);
        if (user.isEmpty() || needed == null) {
            return Optional.empty();
        }
        return Optional.of(new CommandLine.ParameterException(command.commandLine(), name + " does not run as a "
                + "user: as " + user.get() + " it would need the " + needed.name().toLowerCase(Locale.ROOT)
                + " permission on every record it touches, which it does not check; run it without "
                + ActingUser.OPTION));
    }
}
