package dev.crmkit.examples.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One {@code crm} command line built once and run many times in-process, as the hostile-input generators do:
 * building picocli's model of every command costs far more than running most cases, and picocli resets every option
 * to its initial value before each run. Not thread-safe.
 */
final class ReusedCommandLine {

    private final CommandLine commandLine;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The command line reading the {@code CRM_JDBC_*} variables of the environment. */
    ReusedCommandLine(Map<String, String> environment) {
        this.commandLine = CrmCommand.commandLine(environment);
        // set once: picocli's setOut/setErr walk every subcommand, copying each one's map of subcommands (a sixth of
        // a metrics case's time); the writers are emptied before each run instead
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
    }

    /** Runs {@code crm} with the arguments; see {@link CliRun#crm(String...)}. */
    CliRun crm(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int exitCode = commandLine.execute(args);
        CliRun.requireAsOf(commandLine.getParseResult());
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
