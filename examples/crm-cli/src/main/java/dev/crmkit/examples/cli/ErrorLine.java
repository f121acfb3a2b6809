package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.BadValue;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The one line {@code crm} prints on standard error when it stops: a message for a person, never a stack trace, a
 * Java class name, a parser's source description or an SQL statement (which may carry the data of other rows), and
 * at most {@value #MAX_LENGTH} characters. Messages are built to be like that; this is the last guard on the way out.
 */
final class ErrorLine {

    /**
     * The longest line printed, {@code crm: } included: room for the longest message the program builds on purpose (an
     * import stopped by the database says which lines were imported and how to complete it), not for input.
     */
    static final int MAX_LENGTH = 600;

    private static final Pattern JACKSON_SOURCE = Pattern.compile(
            "(?s)\\s*at \\[Source: .*?; line: \\d+, column: \\d+]|\\s*at \\[Source: [^]]*]");
    private static final Pattern REFERENCE_CHAIN = Pattern.compile("(?s)\\s*\\(through reference chain: [^)]*\\)");
    private static final Pattern JAVA_CLASS = Pattern.compile(
            "\\(?\\b(?:java|javax|jdk|sun|com|org|dev|picocli)\\.(?:[\\w$]+\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b\\)?:?\\s*");
    private static final Pattern SQL_STATEMENT = Pattern.compile("(?is)[;:]?\\s*SQL statement:.*|(?is)\\s*\\[\\d+-\\d+]");

    private ErrorLine() {
    }

    /** The message of a failure as one bounded line (without the {@code crm: } prefix). */
    static String of(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        String text = shortenQuoted(message);
        text = JACKSON_SOURCE.matcher(text).replaceAll("");
        text = REFERENCE_CHAIN.matcher(text).replaceAll("");
        text = SQL_STATEMENT.matcher(text).replaceAll("");
        text = JAVA_CLASS.matcher(text).replaceAll("");
        text = text.strip().replaceAll("\\s*\\R\\s*", "; ");
        return BadValue.abbreviate(text, MAX_LENGTH - "crm: ".length());
    }

    /**
     * The line for a failure: the message of the kinds of exception the program and crmkit raise for people (bad
     * input, a file, the store), cleaned as above; for a database failure that reached here unexplained, its SQL state
     * and the first line of the database's message; for anything else (a defect of the program), a sentence that says
     * so without its class or message.
     */
    static String of(Throwable failure) {
        if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                || failure instanceof java.io.UncheckedIOException || failure instanceof java.io.IOException
                || failure instanceof ArithmeticException || failure instanceof java.time.DateTimeException
                || failure instanceof dev.crmkit.core.kernel.ConflictException
                || failure instanceof UnsupportedOperationException) {
            return of(failure.getMessage());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return of("the database refused the command (SQL state " + sql.getSQLState() + "): "
                        + firstLine(sql.getMessage()));
            }
        }
        return "the command stopped on an internal error, a defect of crm; run it again with CRM_DEBUG=1 to see "
                + "where, and report it";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * Every quoted value longer than {@link BadValue#MAX_SHOWN} quoted again by {@link BadValue}, and the rest cut to a
     * length the patterns above read quickly.
     */
    private static String shortenQuoted(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length() && out.length() < 10_000) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end - i - 1 > BadValue.MAX_SHOWN) {
                    out.append(BadValue.quote(text.substring(i + 1, end)));
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
