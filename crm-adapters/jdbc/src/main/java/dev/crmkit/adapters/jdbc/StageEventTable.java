package dev.crmkit.adapters.jdbc;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a host keeps stage history, for the funnel pushdown of {@link JdbcMetrics}: a table with one row per stage a
 * deal entered, naming the deal, the stage and when. The columns default to {@code deal_id}, {@code stage} and
 * {@code entered_at}; {@code source} and {@code owner} columns are optional and only needed to filter by them. The
 * deal column may be of any type that can be grouped (text, integer, uuid), the stage column is text and the time
 * column a timestamp.
 *
 * <pre>{@code
 * StageEventTable history = StageEventTable.named("erp.deal_stage_log")
 *         .deal("deal_no").stage("stage_code").enteredAt("changed_at").source("lead_source");
 * }</pre>
 *
 * <p>Every name is checked when it is set (see {@link #named}), so only plain identifiers reach SQL text. Names come
 * from the host's code or configuration, never from user input. Immutable and thread-safe.
 */
public final class StageEventTable {

    private final String table;
    private final String deal;
    private final String stage;
    private final String enteredAt;
    private final Optional<String> source;
    private final Optional<String> owner;

    private StageEventTable(String table, String deal, String stage, String enteredAt, Optional<String> source,
            Optional<String> owner) {
        this.table = table;
        this.deal = deal;
        this.stage = stage;
        this.enteredAt = enteredAt;
        this.source = source;
        this.owner = owner;
    }

    /**
     * The table with the given name and the default columns {@code deal_id}, {@code stage}, {@code entered_at}.
     *
     * @param table a plain identifier ({@code [A-Za-z_][A-Za-z0-9_]{0,62}}), optionally after a schema name and a dot
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code table} and the rule {@code sql-identifier}
     */
    public static StageEventTable named(String table) {
        return new StageEventTable(SqlIdentifier.table("table", table), "deal_id", "stage", "entered_at",
                Optional.empty(), Optional.empty());
    }

    /**
     * A copy with the column that identifies the deal.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code deal} unless a plain identifier
     */
    public StageEventTable deal(String column) {
        return new StageEventTable(table, SqlIdentifier.column("deal", column), stage, enteredAt, source, owner);
    }

    /**
     * A copy with the column holding the stage's name.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code stage} unless a plain identifier
     */
    public StageEventTable stage(String column) {
        return new StageEventTable(table, deal, SqlIdentifier.column("stage", column), enteredAt, source, owner);
    }

    /**
     * A copy with the column holding when the deal entered the stage.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code enteredAt} unless a plain identifier
     */
    public StageEventTable enteredAt(String column) {
        return new StageEventTable(table, deal, stage, SqlIdentifier.column("enteredAt", column), source, owner);
    }

    /**
     * A copy with the column holding where the deal came from (nullable in the table).
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code source} unless a plain identifier
     */
    public StageEventTable source(String column) {
        return new StageEventTable(table, deal, stage, enteredAt, Optional.of(SqlIdentifier.column("source", column)),
                owner);
    }

    /**
     * A copy with the column holding who owned the deal (nullable in the table).
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code owner} unless a plain identifier
     */
    public StageEventTable owner(String column) {
        return new StageEventTable(table, deal, stage, enteredAt, source,
                Optional.of(SqlIdentifier.column("owner", column)));
    }

    /** The table's name, as configured. */
    public String table() {
        return table;
    }

    /** The deal column. */
    public String dealColumn() {
        return deal;
    }

    /** The stage column. */
    public String stageColumn() {
        return stage;
    }

    /** The time column. */
    public String enteredAtColumn() {
        return enteredAt;
    }

    /** The source column, if configured. */
    public Optional<String> sourceColumn() {
        return source;
    }

    /** The owner column, if configured. */
    public Optional<String> ownerColumn() {
        return owner;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StageEventTable t && table.equals(t.table) && deal.equals(t.deal)
                && stage.equals(t.stage) && enteredAt.equals(t.enteredAt) && source.equals(t.source)
                && owner.equals(t.owner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, deal, stage, enteredAt, source, owner);
    }

    @Override
    public String toString() {
        return "StageEventTable[" + table + ": deal " + deal + ", stage " + stage + ", enteredAt " + enteredAt
                + source.map(s -> ", source " + s).orElse("") + owner.map(s -> ", owner " + s).orElse("") + "]";
    }
}
