package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks the table and column names a host configures for the pushdown queries of {@link JdbcMetrics}. Such a name
 * goes into SQL text unquoted, so it must be a plain identifier: a letter or underscore, then up to 62 letters, digits
 * and underscores (63 characters, PostgreSQL's limit); a table may be qualified by one schema name of the same form.
 * Quotes, spaces, semicolons, dashes, dots elsewhere and every other character are refused, so no configured name can
 * change what a statement does. Being unquoted, names are folded to the database's case (PostgreSQL lower-case, H2
 * upper-case) like any unquoted name in the host's own SQL.
 */
final class SqlIdentifier {

    private static final String PART = "[A-Za-z_][A-Za-z0-9_]{0,62}";
    private static final Pattern COLUMN = Pattern.compile(PART);
    private static final Pattern TABLE = Pattern.compile("(" + PART + "\\.)?" + PART);

    private SqlIdentifier() {
    }

    /**
     * Checks a column name.
     *
     * @throws ValidationException naming the field and the rule {@code sql-identifier} when it is not a plain
     *                             identifier
     */
    static String column(String field, String name) {
        return check(field, name, COLUMN, "a letter or underscore, then up to 62 letters, digits and underscores");
    }

    /**
     * Checks a table name, optionally schema-qualified ({@code erp.orders}).
     *
     * @throws ValidationException naming the field and the rule {@code sql-identifier} when it is not a plain
     *                             identifier, optionally with one schema name and a dot in front
     */
    static String table(String field, String name) {
        return check(field, name, TABLE, "a letter or underscore, then up to 62 letters, digits and underscores, "
                + "optionally after a schema name of the same form and a dot");
    }

    private static String check(String field, String name, Pattern pattern, String rule) {
        Objects.requireNonNull(name, field);
        if (!pattern.matcher(name).matches()) {
            throw ValidationException.of(field, "sql-identifier", "must be " + rule + ", was '" + name + "'");
        }
        return name;
    }
}
