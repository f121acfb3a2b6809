package dev.crmkit.examples.cli;

import dev.crmkit.examples.cli.metrics.CacCommand;
import dev.crmkit.examples.cli.metrics.ClvCommand;
import dev.crmkit.examples.cli.metrics.CohortsCommand;
import dev.crmkit.examples.cli.metrics.FunnelCommand;
import dev.crmkit.examples.cli.metrics.LtvCommand;
import dev.crmkit.examples.cli.metrics.ReportCommand;
import dev.crmkit.examples.cli.metrics.RfmCommand;
import dev.crmkit.examples.cli.quality.QualityCommand;
import dev.crmkit.examples.cli.team.TeamCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The {@code crm} program: crmkit from the command line. Bad arguments end with exit status 2 and one line on
 * standard error; other failures with exit status 1 and one line.
 */
@Command(name = "crm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"crmkit from the command line: capture and import leads, score and assign them, move deals "
                + "through pipelines, compute customer metrics and write a report, see team statistics and data "
                + "quality, measure it all.",
                "The commands on leads and deals keep their data in an H2 database in ./.crm/ (created on first use), "
                        + "or in the database of --jdbc-url / CRM_JDBC_URL, or with --in-memory nowhere.",
                "Exit status: 0 done, 1 failed (one line on standard error), 2 bad arguments, 3 a deal move the "
                        + "pipeline's rules refused."},
        subcommands = {DemoCommand.class, ImportCommand.class, PipelineCommand.class, DealCommand.class,
                ClvCommand.class, LtvCommand.class, CacCommand.class, FunnelCommand.class, RfmCommand.class,
                CohortsCommand.class, ReportCommand.class, ScoreCommand.class, AssignCommand.class,
                TeamCommand.class, QualityCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class CrmCommand implements Runnable {

    private static final String LOGGING_PROVIDER = "org.jboss.logging.provider";

    @Spec
    private CommandSpec spec;

    /** Runs {@code crm} and exits with its status. */
    public static void main(String[] args) {
        if (System.getProperty(LOGGING_PROVIDER) == null) {
            System.setProperty(LOGGING_PROVIDER, "slf4j"); // Hibernate Validator's start-up notice, to slf4j-nop
        }
        System.exit(commandLine().execute(args));
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
        CommandLine commandLine = new CommandLine(new CrmCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setDefaultValueProvider(argument -> {
            if (argument instanceof OptionSpec option) {
                String variable = JdbcOptions.ENVIRONMENT.get(option.longestName());
                return variable == null ? null : environment.get(variable);
            }
            return null;
        });
        commandLine.setParameterExceptionHandler(CrmCommand::badArguments);
        commandLine.setExecutionExceptionHandler(CrmCommand::failed);
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is required, for example demo, import, pipeline, score, assign, report or bench");
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        printError(command.getErr(), oneLine(e.getMessage()) + " (see " + command.getCommandSpec().qualifiedName()
                + " --help)");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        String message = e.getMessage();
        printError(command.getErr(), message == null || message.isBlank() ? e.getClass().getSimpleName()
                : oneLine(message));
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    /** Prints {@code crm: message} on the error stream. */
    static void printError(PrintWriter err, String message) {
        err.println("crm: " + message);
        err.flush();
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
