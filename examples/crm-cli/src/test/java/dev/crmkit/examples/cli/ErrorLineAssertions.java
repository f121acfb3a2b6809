package dev.crmkit.examples.cli;

import java.util.regex.Pattern;

/** What every failed {@code crm} run must print: one clear line, without Java internals, within the bound. */
final class ErrorLineAssertions {

    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b(java|javax|jdk|sun|com\\.fasterxml|org|picocli)\\.[a-z]|[A-Za-z]+Exception\\b|[A-Za-z]+Error\\b"
                    + "|\\[Source:|\\n\\s+at |SQL statement|\\bOverflow\\b|\\[picocli");

    private ErrorLineAssertions() {
    }

    /** Null when the run's error output is one clear line; else what is wrong with it. */
    static String problem(CliRun run) {
        String err = run.err();
        if (!err.endsWith("\n") || err.indexOf('\n') != err.length() - 1) {
            return "not exactly one line on standard error";
        }
        if (!err.startsWith("crm: ")) {
            return "the line does not start with 'crm: '";
        }
        if (err.length() - 1 > ErrorLine.MAX_LENGTH) {
            return "the line has " + (err.length() - 1) + " characters";
        }
        if (JAVA_INTERNALS.matcher(err).find()) {
            return "the line shows Java internals";
        }
        if (err.contains("internal error")) {
            return "an internal error (a defect of crm)";
        }
        return null;
    }

    /** Throws unless the run failed with the exit status and one clear line. */
    static void assertFailedClearly(CliRun run, int exit, String input) {
        String problem = run.exitCode() == exit ? problem(run) : "exit " + run.exitCode() + ", expected " + exit;
        if (problem != null) {
            throw new AssertionError(problem + ": " + run + "\n--- input\n" + shown(input));
        }
    }

    static String shown(String input) {
        return input.length() > 2_000 ? input.substring(0, 2_000) + "..." : input;
    }
}
