package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One in-process run of the {@code crm} command line, with what it wrote.
 *
 * @param exitCode the exit status
 * @param out      standard output
 * @param err      standard error
 */
record CliRun(int exitCode, String out, String err) {

    /** The demo's "now", the moment tests pass as {@code --as-of}. */
    static final String AS_OF = DemoCommand.NOW_TEXT;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code crm} with the arguments, in an environment without {@code CRM_JDBC_*} variables. */
    static CliRun crm(String... args) {
        return crm(Map.of(), args);
    }

    /** Runs {@code crm} with the arguments in the given environment, with the command line the program uses. */
    static CliRun crm(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CrmCommand.commandLine(args, environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        requireAsOf(commandLine.getParseResult());
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /**
     * No test may depend on the wall clock: a command whose "now" is the system clock unless {@code --as-of} is
     * given (the {@link AsOfOption} mixin) must be given it, so that its answer is the same on any day. Commands
     * whose {@code --as-of} defaults to a date of their input ({@code team stats}: the end of {@code --to}) need not.
     */
    static void requireAsOf(CommandLine.ParseResult parsed) {
        if (parsed == null) {
            return;
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        boolean readsTheClock = parsed.commandSpec().mixins().values().stream()
                .anyMatch(mixin -> mixin.userObject() instanceof AsOfOption);
        if (readsTheClock && !parsed.hasMatchedOption("--as-of") && !parsed.isUsageHelpRequested()) {
            throw new AssertionError("a test ran '" + parsed.commandSpec().qualifiedName()
                    + "' without --as-of: it would depend on the wall clock; pass --as-of " + AS_OF);
        }
    }

    /** Standard output read as the one JSON object it must be. */
    JsonNode json() {
        JsonNode json;
        try {
            json = JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("standard output is not JSON: " + this, e);
        }
        if (json == null || json.isMissingNode()) {
            // an empty output reads as a missing node, which answers every get with null: say why it was empty
            throw new AssertionError("nothing on standard output, where JSON was expected: " + this);
        }
        return json;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
