package dev.crmkit.adapters.jdbc;

import java.util.Objects;

/**
 * Where a host keeps its orders, for the cohort pushdown of {@link JdbcMetrics}: a table with one row per order naming
 * the customer, the day and the amount, all in one currency (the one the query is asked for). The columns default to
 * {@code customer_id}, {@code ordered_on} and {@code amount_minor}.
 *
 * <ul>
 *   <li>The customer column may be of any type that can be grouped (text, integer, uuid).</li>
 *   <li>The date column is a {@code DATE}, or a timestamp whose calendar day is taken with {@code CAST(... AS DATE)}
 *       (on PostgreSQL a {@code timestamptz} then falls on the day of the session's time zone).</li>
 *   <li>The amount is either a whole number of the currency's minor units ({@link #amountMinor}, e.g. cents in a
 *       {@code BIGINT}), or a decimal in major units ({@link #amount}, e.g. {@code DECIMAL(12,2)}) that must carry
 *       no more decimals than the currency has: sums are converted to minor units exactly, never rounded, and a sum
 *       that is not a whole number of minor units is refused.</li>
 * </ul>
 *
 * <pre>{@code
 * OrderTable orders = OrderTable.named("erp_orders").customer("customer_id").date("ordered_on")
 *         .amountMinor("amount_cents");
 * }</pre>
 *
 * <p>Every name is checked when it is set (see {@link #named}), so only plain identifiers reach SQL text. Names come
 * from the host's code or configuration, never from user input. Immutable and thread-safe.
 */
public final class OrderTable {

    /** How the amount column holds money. */
    public enum AmountKind {
        /** A whole number of the currency's minor units. */
        MINOR_UNITS,
        /** A decimal in the currency's major units, with at most the currency's decimals. */
        DECIMAL
    }

    private final String table;
    private final String customer;
    private final String date;
    private final String amount;
    private final AmountKind amountKind;

    private OrderTable(String table, String customer, String date, String amount, AmountKind amountKind) {
        this.table = table;
        this.customer = customer;
        this.date = date;
        this.amount = amount;
        this.amountKind = amountKind;
    }

    /**
     * The table with the given name and the default columns {@code customer_id}, {@code ordered_on} and
     * {@code amount_minor} (minor units).
     *
     * @param table a plain identifier ({@code [A-Za-z_][A-Za-z0-9_]{0,62}}), optionally after a schema name and a dot
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code table} and the rule {@code sql-identifier}
     */
    public static OrderTable named(String table) {
        return new OrderTable(SqlIdentifier.table("table", table), "customer_id", "ordered_on", "amount_minor",
                AmountKind.MINOR_UNITS);
    }

    /**
     * A copy with the column that identifies the customer.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code customer} unless a plain identifier
     */
    public OrderTable customer(String column) {
        return new OrderTable(table, SqlIdentifier.column("customer", column), date, amount, amountKind);
    }

    /**
     * A copy with the column holding the order's day (a date or a timestamp).
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code date} unless a plain identifier
     */
    public OrderTable date(String column) {
        return new OrderTable(table, customer, SqlIdentifier.column("date", column), amount, amountKind);
    }

    /**
     * A copy whose amount column holds whole minor units of the currency (cents).
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code amount} unless a plain identifier
     */
    public OrderTable amountMinor(String column) {
        return new OrderTable(table, customer, date, SqlIdentifier.column("amount", column), AmountKind.MINOR_UNITS);
    }

    /**
     * A copy whose amount column holds a decimal in major units with at most the currency's decimals.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code amount} unless a plain identifier
     */
    public OrderTable amount(String column) {
        return new OrderTable(table, customer, date, SqlIdentifier.column("amount", column), AmountKind.DECIMAL);
    }

    /** The table's name, as configured. */
    public String table() {
        return table;
    }

    /** The customer column. */
    public String customerColumn() {
        return customer;
    }

    /** The date column. */
    public String dateColumn() {
        return date;
    }

    /** The amount column. */
    public String amountColumn() {
        return amount;
    }

    /** How the amount column holds money. */
    public AmountKind amountKind() {
        return amountKind;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderTable t && table.equals(t.table) && customer.equals(t.customer)
                && date.equals(t.date) && amount.equals(t.amount) && amountKind == t.amountKind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, customer, date, amount, amountKind);
    }

    @Override
    public String toString() {
        return "OrderTable[" + table + ": customer " + customer + ", date " + date + ", amount " + amount + " ("
                + amountKind + ")]";
    }
}
