package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.cohort.CohortCount;
import dev.crmkit.metrics.cohort.CohortMatrix;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.funnel.Funnel;
import dev.crmkit.metrics.funnel.FunnelDefinition;
import dev.crmkit.metrics.funnel.FunnelReport;
import dev.crmkit.metrics.funnel.StageCount;
import dev.crmkit.pipeline.definition.PipelineId;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pushdown path of crm-metrics' funnel and cohort calculators: the same figures computed inside the database over
 * the host's own tables, so that ten million rows are aggregated where they lie instead of being loaded into Java.
 * Each answer equals the in-memory calculator's on the same data (tests compare them with {@code equals} on
 * PostgreSQL, MariaDB and H2).
 *
 * <pre>{@code
 * JdbcMetrics metrics = JdbcMetrics.builder(dataSource).build();      // or JdbcMetrics.of(jdbcCrmStore)
 * List<StageCount> reached = metrics.funnelCounts(StageEventTable.named("deal_stage_log"),
 *         List.of("lead", "qualified", "proposal", "won"), FunnelFilter.ALL.withSource("web"));
 * List<CohortCount> cells = metrics.cohortCounts(OrderTable.named("erp_orders").amountMinor("amount_cents"),
 *         CohortPeriod.MONTH, Currency.getInstance("EUR"));
 * }</pre>
 *
 * <p>No SQL is built from input: table and column names come from {@link StageEventTable} and {@link OrderTable},
 * which accept only plain identifiers, and every value (stage names, filter values) is a bound parameter. Queries run
 * in the running unit of work of the store they came from, if any, or on a connection of their own. A database
 * failure is a {@link JdbcStoreException}. Thread-safe.
 */
public final class JdbcMetrics {

    private final Jdbc jdbc;
    private final Dialect dialect;

    private JdbcMetrics(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
    }

    /** Starts configuring the pushdown on a data source; the dialect is read from the database unless set. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The pushdown on a JDBC store's data source and dialect, joining its units of work. */
    public static JdbcMetrics of(JdbcCrmStore store) {
        Objects.requireNonNull(store, "store");
        return new JdbcMetrics(store.jdbc());
    }

    /** The dialect in use. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * How many deals reached each stage, over every deal of the table: what
     * {@link dev.crmkit.metrics.funnel.StageHistoryFunnel} counts in memory. A deal counts once per stage however
     * often it moved back and forth, and reaching a later stage counts every earlier one as passed through, so a
     * deal's furthest stage in the order decides. Rows of stages not in the order (a lost stage, retired stages) are
     * ignored.
     *
     * @see #funnelCounts(StageEventTable, List, FunnelFilter)
     */
    public List<StageCount> funnelCounts(StageEventTable table, List<String> stageOrder) {
        return funnelCounts(table, stageOrder, FunnelFilter.ALL);
    }

    /**
     * How many deals of those the filter keeps reached each stage, first stage first. The database finds each deal's
     * furthest stage ({@code MAX} of a {@code CASE} that maps the bound stage names to their positions) and counts
     * deals per furthest stage; the counts are then accumulated from the last stage back.
     *
     * <p>Equal to {@code StageHistoryFunnel.analyze(history, FunnelDefinition.of(stageOrder), amounts).funnel()}'s
     * counts on the table's rows, once rows of stages outside the order are left out (the in-memory calculator refuses
     * a stage it does not know unless it is the lost stage, which passes through nothing). With a source or owner
     * filter, equal to the group of that value in {@code StageHistoryFunnel.analyzeBy}: a deal's source (owner) is
     * the one on its earliest row that has one, among all its rows; when two such rows share that instant the
     * database may pick either (the in-memory calculator takes the first in input order).
     *
     * @param stageOrder the stages, first stage first; not empty, names unique and not blank
     * @throws ValidationException naming {@code stageOrder[i]} for a blank or repeated stage, or
     *         {@code filter.source} / {@code filter.owner} when the table has no such column configured
     * @throws JdbcStoreException  if the database refuses the query (a missing table or column, for example)
     */
    public List<StageCount> funnelCounts(StageEventTable table, List<String> stageOrder, FunnelFilter filter) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(filter, "filter");
        List<String> stages = FunnelDefinition.of(stageOrder).stageOrder();
        String source = filter.source().isPresent() ? column(table.sourceColumn(), "filter.source") : null;
        String owner = filter.owner().isPresent() ? column(table.ownerColumn(), "filter.owner") : null;
        String deal = table.dealColumn();
        String stage = table.stageColumn();
        String events = table.table();
        if (source != null || owner != null) {
            // each row carries its deal's first source / owner, so one grouped pass filters and finds the furthest
            StringBuilder e = new StringBuilder("(SELECT ").append(deal).append(" AS deal_key, ").append(stage)
                    .append(" AS stage_key");
            if (source != null) {
                e.append(", ").append(firstOfDeal(table, source)).append(" AS first_source");
            }
            if (owner != null) {
                e.append(", ").append(firstOfDeal(table, owner)).append(" AS first_owner");
            }
            events = e.append(" FROM ").append(table.table()).append(") events").toString();
            deal = "deal_key";
            stage = "stage_key";
        }
        List<Object> params = new ArrayList<>();
        StringBuilder reached = new StringBuilder("CASE ").append(stage);
        for (int i = 0; i < stages.size(); i++) {
            reached.append(" WHEN ? THEN ").append(i);
            params.add(stages.get(i));
        }
        reached.append(" END");
        StringBuilder sql = new StringBuilder("SELECT reached, COUNT(*) AS deals FROM (SELECT ").append(deal)
                .append(", MAX(").append(reached).append(") AS reached FROM ").append(events).append(" WHERE ")
                .append(stage).append(" IN (?").append(", ?".repeat(stages.size() - 1)).append(")");
        params.addAll(stages);
        if (source != null) {
            sql.append(" AND first_source = ?");
            params.add(filter.source().get());
        }
        if (owner != null) {
            sql.append(" AND first_owner = ?");
            params.add(filter.owner().get());
        }
        sql.append(" GROUP BY ").append(deal).append(") furthest GROUP BY reached");
        long[] byFurthest = new long[stages.size()];
        jdbc.tx.read(c -> jdbc.list(c, sql.toString(), rs -> new long[] {rs.getInt(1), rs.getLong(2)},
                params.toArray())).forEach(row -> byFurthest[(int) row[0]] += row[1]);
        return accumulated(stages, byFurthest);
    }

    /** Deals per stage reached, from deals per furthest stage: accumulated from the last stage back. */
    private static List<StageCount> accumulated(List<String> stages, long[] byFurthest) {
        StageCount[] counts = new StageCount[stages.size()];
        long atOrBeyond = 0;
        for (int i = stages.size() - 1; i >= 0; i--) {
            atOrBeyond += byFurthest[i];
            counts[i] = new StageCount(stages.get(i), atOrBeyond);
        }
        return List.of(counts);
    }

    /**
     * The funnel of {@link #funnelCounts(StageEventTable, List, FunnelFilter)}'s counts, with conversion and drop-off:
     * {@link Funnel#ofCounts(List)} of them, equal to the in-memory {@code HistoryFunnel#funnel()} on the same data.
     *
     * @throws ValidationException as {@link #funnelCounts(StageEventTable, List, FunnelFilter)}
     */
    public FunnelReport funnel(StageEventTable table, List<String> stageOrder, FunnelFilter filter) {
        return Funnel.ofCounts(funnelCounts(table, stageOrder, filter));
    }

    /**
     * How many of crmkit's own deals in the pipeline reached each stage of the order, first stage first: the funnel of
     * this store's stage history, from the reached stages kept per deal (V84 {@code deal_stage_reach}, written with
     * each history entry), so the database groups one row per deal, not every entry. The rows are grouped by their
     * set of reached stages (few distinct ones); each set's furthest stage in the order is found here.
     *
     * <p>Equal to the counts of {@code StageHistoryFunnel.analyze(entries, FunnelDefinition.of(stageOrder), amounts)}
     * over the pipeline's history entries (as {@code StageEntry.of(dealId, to, at)}), once entries of stages outside
     * the order are left out, as {@link #funnelCounts(StageEventTable, List, FunnelFilter)} leaves them out. Any
     * stage order may be asked, also after the pipeline's stages were renamed or reordered: the kept rows name
     * stages, not positions.
     *
     * @param pipeline   the pipeline whose history entries count
     * @param stageOrder the stages, first stage first; not empty, names unique and not blank
     * @throws ValidationException naming {@code stageOrder[i]} for a blank or repeated stage
     * @throws JdbcStoreException  if the database refuses the query (schema older than V84, for example)
     */
    public List<StageCount> pipelineFunnelCounts(PipelineId pipeline, List<String> stageOrder) {
        Objects.requireNonNull(pipeline, "pipeline");
        List<String> stages = FunnelDefinition.of(stageOrder).stageOrder();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            position.put(stages.get(i), i);
        }
        long[] byFurthest = new long[stages.size()];
        // MariaDB groups and sorts a TEXT value by its first max_sort_length bytes (1,024 by default): two long
        // reached lists alike in their first kilobyte would fall into one group, so there it groups by a digest
        String sql = jdbc.sql(dialect == Dialect.MARIADB
                ? "SELECT MIN(reached), COUNT(*) FROM {deal_stage_reach} WHERE pipeline_id = ? GROUP BY MD5(reached)"
                : "SELECT reached, COUNT(*) FROM {deal_stage_reach} WHERE pipeline_id = ? GROUP BY reached");
        jdbc.tx.read(c -> {
            jdbc.list(c, sql, rs -> {
                int furthest = -1;
                for (String stage : StageReach.stages(rs.getString(1))) {
                    furthest = Math.max(furthest, position.getOrDefault(stage, -1));
                }
                if (furthest >= 0) {
                    byFurthest[furthest] += rs.getLong(2);
                }
                return null;
            }, pipeline.value());
            return null;
        });
        return accumulated(stages, byFurthest);
    }

    /**
     * The non-zero cells of the cohort matrix of the table's orders as flat rows, by cohort and then offset: equal to
     * {@link dev.crmkit.metrics.cohort.Cohorts#counts} of an {@link dev.crmkit.metrics.order.OrderBook} of the same
     * orders. A customer's cohort is the period of its first order; each row counts the distinct customers of a cohort
     * who ordered {@code offset} periods later and sums those orders. Periods are numbered in SQL exactly as
     * {@link CohortPeriod#indexOf(long)} numbers them (calendar months; ISO weeks from Monday). Rows with a NULL
     * customer, date or amount are left out.
     *
     * @param currency the currency of every amount; its decimals turn a {@link OrderTable.AmountKind#DECIMAL} sum into
     *                 minor units
     * @throws ValidationException naming {@code amount} with the rule {@code currency-scale} when a decimal sum is not
     *         a whole number of the currency's minor units, or {@code revenueMinor} when a sum is negative
     * @throws JdbcStoreException  if the database refuses the query
     */
    public List<CohortCount> cohortCounts(OrderTable table, CohortPeriod period, Currency currency) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        String index = MetricsSql.periodIndex(dialect, period, table.dateColumn());
        String sql = "SELECT first_period AS cohort, period - first_period AS k, COUNT(DISTINCT customer) AS "
                + "customers, SUM(amount) AS revenue FROM (SELECT customer, period, amount, MIN(period) OVER "
                + "(PARTITION BY customer) AS first_period FROM (SELECT " + table.customerColumn() + " AS customer, "
                + index + " AS period, " + table.amountColumn() + " AS amount FROM " + table.table() + " WHERE "
                + table.customerColumn() + " IS NOT NULL AND " + table.dateColumn() + " IS NOT NULL AND "
                + table.amountColumn() + " IS NOT NULL) o) w GROUP BY first_period, period - first_period "
                + "ORDER BY cohort, k";
        int scale = table.amountKind() == OrderTable.AmountKind.DECIMAL
                ? Math.max(0, currency.getDefaultFractionDigits()) : 0;
        return List.copyOf(jdbc.tx.read(c -> jdbc.list(c, sql, rs -> new CohortCount(
                period.start(Math.toIntExact(rs.getLong("cohort"))), Math.toIntExact(rs.getLong("k")),
                rs.getLong("customers"), minorUnits(rs.getBigDecimal("revenue"), scale, currency)))));
    }

    /**
     * The cohort matrix of {@link #cohortCounts}' rows: equal to {@link dev.crmkit.metrics.cohort.Cohorts#of} of the
     * same orders.
     *
     * @throws ValidationException as {@link #cohortCounts}
     */
    public CohortMatrix cohorts(OrderTable table, CohortPeriod period, Currency currency) {
        return CohortMatrix.of(period, currency, cohortCounts(table, period, currency));
    }

    private static long minorUnits(BigDecimal sum, int scale, Currency currency) {
        try {
            return sum.movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw ValidationException.of("amount", "currency-scale", "sums to " + sum.toPlainString()
                    + ", which is not a whole number of " + currency.getCurrencyCode() + " minor units (at most "
                    + scale + " decimals, and within a long)");
        }
    }

    private static String column(Optional<String> column, String field) {
        return column.orElseThrow(() -> ValidationException.of(field, "column-configured",
                "needs the stage event table's " + field.substring("filter.".length()) + " column to be configured"));
    }

    /**
     * The value of a column on the deal's earliest row where it is not null (null if there is none), on every row of
     * the deal: a window ordered nulls last, then by time.
     */
    private static String firstOfDeal(StageEventTable table, String column) {
        return "FIRST_VALUE(" + column + ") OVER (PARTITION BY " + table.dealColumn() + " ORDER BY CASE WHEN "
                + column + " IS NULL THEN 1 ELSE 0 END, " + table.enteredAtColumn() + ")";
    }

    /** Configures a {@link JdbcMetrics}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private String tablePrefix = Tables.DEFAULT_PREFIX;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The dialect, when it should not be read from the database's metadata. */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * The prefix of crmkit's own tables, read by {@link JdbcMetrics#pipelineFunnelCounts} (default
         * {@code crm_}).
         *
         * @throws IllegalArgumentException unless 1 to 30 lower-case letters, digits and underscores, starting with a
         *         letter
         */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = Tables.checkPrefix(prefix);
            return this;
        }

        /** The pushdown; reads the dialect from the database if none was set. */
        public JdbcMetrics build() {
            Dialect d = dialect != null ? dialect : CrmSchema.dialectOf(dataSource);
            return new JdbcMetrics(new Jdbc(d, new Tables(tablePrefix), new JsonCodec(),
                    new JdbcTransactions(dataSource, d, false, null)));
        }
    }
}
