package dev.crmkit.examples.cli;

import dev.crmkit.examples.cli.access.AccessCommand;
import dev.crmkit.examples.cli.access.AuditCommand;
import dev.crmkit.examples.cli.campaigns.CampaignsCommand;
import dev.crmkit.examples.cli.duplicates.DuplicatesCommand;
import dev.crmkit.examples.cli.metrics.CacCommand;
import dev.crmkit.examples.cli.metrics.ClvCommand;
import dev.crmkit.examples.cli.metrics.CohortsCommand;
import dev.crmkit.examples.cli.metrics.FunnelCommand;
import dev.crmkit.examples.cli.metrics.LtvCommand;
import dev.crmkit.examples.cli.metrics.ReportCommand;
import dev.crmkit.examples.cli.metrics.RfmCommand;
import dev.crmkit.examples.cli.quality.QualityCommand;
import dev.crmkit.examples.cli.service.ServiceCommand;
import dev.crmkit.examples.cli.team.TeamCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code crm} program: crmkit from the command line. Bad arguments (an option's format or range, or options that
 * do not go together) end with exit status 2 and one line on standard error; other failures with exit status 1 and
 * one line ({@link ErrorLine}); a deal move the pipeline's rules refused with 3. Every command's help lists them.
 */
@Command(name = "crm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"crmkit from the command line: capture and import leads, score and assign them, move deals "
                + "through pipelines, compute customer metrics and write a report, see team statistics and data "
                + "quality, measure it all.",
                "The commands on leads and deals keep their data in an H2 database in ./.crm/ (created on first use), "
                        + "or in the database of --jdbc-url / CRM_JDBC_URL, or with --in-memory nowhere.",
                "Exit status: 0 done, 1 failed (one line on standard error), 2 bad arguments (an option's format or "
                        + "range, or options that do not go together), 3 a deal move the pipeline's rules refused."},
        subcommands = {DemoCommand.class, ImportCommand.class, PipelineCommand.class, DealCommand.class,
                ClvCommand.class, LtvCommand.class, CacCommand.class, FunnelCommand.class, RfmCommand.class,
                CohortsCommand.class, ReportCommand.class, ScoreCommand.class, AssignCommand.class,
                TeamCommand.class, QualityCommand.class, BenchCommand.class, MergeCommand.class, UnmergeCommand.class,
                ExportCommand.class, CampaignsCommand.class, AccessCommand.class, AuditCommand.class,
                ServiceCommand.class, DuplicatesCommand.class,
                ContactCommand.class,
                CaptureCommand.class,
                LeadCommand.class,
                MigrateCommand.class,
                dev.crmkit.examples.cli.privacy.PrivacyCommand.class,
                CommandLine.HelpCommand.class})
public final class CrmCommand implements Runnable {

    private static final String LOGGING_PROVIDER = "org.jboss.logging.provider";
    /** Set (to anything) to print the stack trace of an internal error. */
    private static final String DEBUG = "CRM_DEBUG";
    private static final Map<String, String> EXIT_CODES = exitCodes();

    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = ActingUser.OPTION, paramLabel = "USER", description = ActingUser.DESCRIPTION)
    private String actingUser;

    /** The environment this command line was made with (see {@link #environment(CommandSpec)}). */
    private Map<String, String> environment = Map.of();

    /** Runs {@code crm} and exits with its status. */
    public static void main(String[] args) {
        if (System.getProperty(LOGGING_PROVIDER) == null) {
            System.setProperty(LOGGING_PROVIDER, "slf4j"); // Hibernate Validator's start-up notice, to slf4j-nop
        }
        int status;
        try {
            status = commandLine(args, System.getenv()).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("crm: out of memory; give Java more (JAVA_OPTS=-Xmx4g) or the command less input");
            status = 1;
        } catch (StackOverflowError e) {
            System.err.println("crm: " + ErrorLine.of(e));
            status = 1;
        }
        System.exit(status);
    }

    /** The {@code crm} command line, with its error handling, ready to {@link CommandLine#execute execute}. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * The {@code crm} command line reading the {@code CRM_JDBC_*} variables of the given environment, where an option
     * is not given.
     */
    static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(new CrmCommand(), environment);
    }

    /**
     * The command line for these arguments: for {@code crm clv ...} one that knows only {@code clv} under a root of
     * the same name and options ({@link ClvOnly}), which behaves as the whole one for every {@code clv} command (a test
     * compares their output) but starts in a fraction of the time, since picocli builds the model of every command
     * (some 500 classes, 0.6 s of CPU) before it parses anything; the whole one for anything else.
     */
    static CommandLine commandLine(String[] args, Map<String, String> environment) {
        boolean clv = args.length > 0 && "clv".equals(args[0]);
        return commandLine(clv ? new ClvOnly() : new CrmCommand(), environment);
    }

    /** The root of {@code crm clv ...}: {@code crm}'s name, version and options, and only the {@code clv} command. */
    @Command(name = "crm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            subcommands = {ClvCommand.class})
    static final class ClvOnly implements Runnable {

        @Spec
        private CommandSpec spec;

        @CommandLine.Option(names = ActingUser.OPTION, paramLabel = "USER", description = ActingUser.DESCRIPTION)
        private String actingUser;

        private Map<String, String> environment = Map.of();

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "a command is required, for example clv");
        }
    }

    /**
     * The environment the {@code crm} command line running this command was made with ({@link System#getenv()} for
     * the program, the map a test gave), for a command to read a variable of its own; empty when the command runs
     * under another root.
     */
    public static Map<String, String> environment(CommandSpec spec) {
        Object root = spec.root().userObject();
        if (root instanceof CrmCommand crm) {
            return crm.environment;
        }
        if (root instanceof ClvOnly clvOnly) {
            return clvOnly.environment;
        }
        return Map.of();
    }

    private static CommandLine commandLine(Object root, Map<String, String> environment) {
        if (root instanceof CrmCommand crm) {
            crm.environment = environment;
        } else if (root instanceof ClvOnly clvOnly) {
            clvOnly.environment = environment;
        }
        CommandLine commandLine = new CommandLine(root);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setDefaultValueProvider(argument -> {
            if (argument instanceof OptionSpec option) {
                String variable = JdbcOptions.ENVIRONMENT.get(option.longestName());
                return variable == null ? null : environment.get(variable);
            }
            return null;
        });
        OptionConverters.register(commandLine);
        commandLine.setParameterExceptionHandler(CrmCommand::badArguments);
        boolean debug = environment.containsKey(DEBUG);
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command, debug));
        documentExitCodes(commandLine);
        AsUserGate.install(commandLine);
        return commandLine;
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "done");
        codes.put("1", "failed: a file, the store or the database (one line on standard error)");
        codes.put("2", "bad arguments: an option's format or range, or options that do not go together");
        codes.put("3", "a deal move the pipeline's rules refused (deal move), a merge or unmerge refused");
        return codes;
    }

    /** Every command's help ends with the exit statuses. */
    private static void documentExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(EXIT_CODES);
        commandLine.getSubcommands().values().forEach(CrmCommand::documentExitCodes);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is required, for example demo, import, pipeline, score, assign, report or bench");
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String help = " (see " + command.getCommandSpec().qualifiedName() + " --help)";
        String message = ErrorLine.of(e.getMessage());
        int room = ErrorLine.MAX_LENGTH - "crm: ".length() - help.length();
        printError(command.getErr(), (message.length() > room ? message.substring(0, room - 1) + "…" : message)
                + help);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failed(Exception e, CommandLine command, boolean debug) {
        printError(command.getErr(), ErrorLine.of(e));
        if (debug) {
            e.printStackTrace(command.getErr());
            command.getErr().flush();
        }
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    /** Prints {@code crm: message} on the error stream, as one bounded line (see {@link ErrorLine}). */
    static void printError(PrintWriter err, String message) {
        err.println("crm: " + ErrorLine.of(message));
        err.flush();
    }
}
