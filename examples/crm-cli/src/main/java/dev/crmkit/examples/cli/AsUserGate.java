package dev.crmkit.examples.cli;

import dev.crmkit.core.access.Permission;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lets {@code crm --as USER} through only to the commands that decide as that user ({@link #AS_USER}, an allow list)
 * and refuses it, as bad arguments (exit status 2), for every other command: those act as the system actor, which may
 * do and see everything, so run "as ben" they would let ben see or change what he may not. A command added later
 * refuses {@code --as} until it is made to honour it and listed here. The refusal names the command; for the commands
 * that change records ({@link #WRITES}) it also names the permission they would need on every record they touch.
 */
final class AsUserGate {

    /**
     * The commands that honour {@code --as}, by qualified name: the {@code access} views, {@code deal move},
     * {@code pipeline show}, {@code duplicates scan} (with {@code --store}, see {@link #NEEDS_OPTION}),
     * {@code quality}, {@code export}, {@code privacy export}, {@code team stats} and {@code report} (the last two need
     * STATISTICS), each of which reads {@link ActingUser} and decides as that user.
     */
    static final Set<String> AS_USER = Set.of("crm access list", "crm access timeline", "crm access tasks",
            "crm deal move", "crm pipeline show", "crm duplicates scan", "crm quality", "crm export",
            "crm privacy export", "crm team stats", "crm report");

    /**
     * Commands of {@link #AS_USER} that honour {@code --as} only with an option: {@code duplicates scan} scans the
     * store as the user with {@code --store}; a CSV file it scans is no store's records, and as the user it is refused.
     */
    static final Map<String, String> NEEDS_OPTION = Map.of("crm duplicates scan", "--store");

    /** The commands that change records as the system actor, by qualified name, and the permission each would need. */
    static final Map<String, Permission> WRITES = writes();

    private AsUserGate() {
    }

    private static Map<String, Permission> writes() {
        Map<String, Permission> m = new LinkedHashMap<>();
        m.put("crm contact add", Permission.EDIT);
        m.put("crm contact edit", Permission.EDIT);
        m.put("crm lead edit", Permission.EDIT);
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
     * Runs the command line's commands as before, after refusing {@code --as} for every command not allowed it; their
     * bad arguments, too, are reported as that refusal, which is what the user must change first. A request for help
     * ({@code --help}, {@code --version}, {@code crm help}) is answered.
     */
    static void install(CommandLine commandLine) {
        CommandLine.IExecutionStrategy run = commandLine.getExecutionStrategy();
        commandLine.setExecutionStrategy(parsed -> {
            ParseResult last = parsed;
            boolean help = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
            while (last.hasSubcommand()) {
                last = last.subcommand();
                help |= last.isUsageHelpRequested() || last.isVersionHelpRequested();
            }
            Optional<CommandLine.ParameterException> refused = help ? Optional.empty()
                    : refusal(last.commandSpec());
            if (refused.isPresent()) {
                throw refused.get();
            }
            return run.execute(parsed);
        });
        CommandLine.IParameterExceptionHandler bad = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((e, args) -> bad.handleParseException(
                refusal(e.getCommandLine().getCommandSpec()).orElse(e), args));
    }

    /** Whether a command honours {@code crm --as USER} as given (with the option {@link #NEEDS_OPTION} names). */
    static boolean runsAsUser(CommandLine.Model.CommandSpec command) {
        String name = command.qualifiedName();
        if (command.userObject() instanceof CommandLine.HelpCommand) {
            return true;
        }
        if (!AS_USER.contains(name)) {
            return false;
        }
        String needed = NEEDS_OPTION.get(name);
        if (needed == null) {
            return true;
        }
        CommandLine.Model.OptionSpec option = command.findOption(needed);
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    /**
     * The refusal, as bad arguments, of a command that does not run as a user when {@code --as} names one; empty for
     * the commands that honour it ({@link #runsAsUser}), or without {@code --as}.
     */
    static Optional<CommandLine.ParameterException> refusal(CommandLine.Model.CommandSpec command) {
        Optional<String> user = ActingUser.of(command);
        if (user.isEmpty() || runsAsUser(command)) {
            return Optional.empty();
        }
        String name = command.qualifiedName();
        Permission needed = WRITES.get(name);
        String why = needed != null ? "as " + user.get() + " it would need the "
                + needed.name().toLowerCase(Locale.ROOT) + " permission on every record it touches, which it does "
                + "not check"
                : "it acts as the system actor and does not check what " + user.get() + " may see or change";
        String store = NEEDS_OPTION.containsKey(name) ? " (as a user it runs only with " + NEEDS_OPTION.get(name)
                + ")" : "";
        return Optional.of(new CommandLine.ParameterException(command.commandLine(), name + " does not run as a "
                + "user: " + why + store + "; run it without " + ActingUser.OPTION));
    }
}
