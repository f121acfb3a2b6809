package dev.crmkit.adapters.jdbc;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of crmkit's tables under a configured prefix. The prefix comes from configuration, never from user input,
 * and is checked to be a plain lower-case SQL identifier part, so a table name can be put into SQL text safely.
 */
final class Tables {

    /** The prefix used when none is configured. */
    static final String DEFAULT_PREFIX = "crm_";

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private final String prefix;

    Tables(String prefix) {
        this.prefix = checkPrefix(prefix);
    }

    /**
     * Checks a table prefix.
     *
     * @throws IllegalArgumentException naming the rule when it is not 1 to 30 lower-case letters, digits and
     *                                  underscores starting with a letter
     */
    static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "tablePrefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be 1 to 30 lower-case letters, digits and "
                    + "underscores starting with a letter, got '" + prefix + "'");
        }
        return prefix;
    }

    /** The prefix. */
    String prefix() {
        return prefix;
    }

    /** The full name of a crmkit table, for example {@code crm_contact}. */
    String name(String table) {
        return prefix + table;
    }

    /** SQL text with every {@code {table}} placeholder replaced by the prefixed table name. */
    String sql(String template) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open).append(prefix).append(template, open + 1, close);
            i = close + 1;
        }
        return out.toString();
    }
}
