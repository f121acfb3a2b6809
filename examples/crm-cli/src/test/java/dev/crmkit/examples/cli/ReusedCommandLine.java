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

    /** The command line reading the {@code CRM_JDBC_*} variables of the environment. */
    ReusedCommandLine(Map<String, String> environment) {
        this.commandLine = CrmCommand.commandLine(environment);
    }

    /** Runs {@code crm} with the arguments; see {@link CliRun#crm(String...)}. */
    CliRun crm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        CliRun.requireAsOf(commandLine.getParseResult());
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
