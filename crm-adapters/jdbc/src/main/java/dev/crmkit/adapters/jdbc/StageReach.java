package dev.crmkit.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The stages each deal reached in a pipeline (V84 {@code deal_stage_reach}): one row per deal and pipeline, kept in the
 * unit of work of every stage history row, so the funnel of crmkit's own deals groups one row per deal. The stages are
 * one text: a leading {@code |}, then each stage in the order first reached, escaped ({@code ~} as {@code ~~},
 * {@code |} as {@code ~p}) and followed by {@code |}. An escaped name holds no {@code |}, so {@code |name|} occurs in
 * the text exactly when the deal reached that stage, whatever characters stage names hold. Thread-safe.
 */
final class StageReach {

    private final Jdbc jdbc;
    private final String record;
    private final String delete;
    private final String rebuild;

    StageReach(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.record = jdbc.sql(switch (jdbc.dialect) {
            case POSTGRESQL -> "INSERT INTO {deal_stage_reach} AS r (pipeline_id, deal_id, reached) VALUES (?, ?, ?) "
                    + "ON CONFLICT (pipeline_id, deal_id) DO UPDATE SET reached = r.reached || ? "
                    + "WHERE strpos(r.reached, ?) = 0";
            case MARIADB -> "INSERT INTO {deal_stage_reach} (pipeline_id, deal_id, reached) VALUES (?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE reached = IF(LOCATE(?, reached) > 0, reached, CONCAT(reached, ?))";
            case H2 -> "MERGE INTO {deal_stage_reach} t USING (VALUES (CAST(? AS UUID), CAST(? AS UUID), "
                    + "CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))) s(pipeline_id, deal_id, reached, "
                    + "item, marker) ON t.pipeline_id = s.pipeline_id AND t.deal_id = s.deal_id "
                    + "WHEN MATCHED AND LOCATE(s.marker, t.reached) = 0 THEN UPDATE SET reached = t.reached || s.item "
                    + "WHEN NOT MATCHED THEN INSERT (pipeline_id, deal_id, reached) "
                    + "VALUES (s.pipeline_id, s.deal_id, s.reached)";
        });
        this.delete = jdbc.sql("DELETE FROM {deal_stage_reach} WHERE deal_id IN (");
        this.rebuild = rebuildSql(jdbc.dialect, jdbc.tables);
    }

    /**
     * The statement of {@code record} after the stage history insert of a PostgreSQL move: both in one round trip.
     * A query answering how many history rows went in (0 when the id or deal version was taken, and then the reach is
     * left alone); its parameters are the history insert's, then those of {@link #afterHistoryParams}.
     */
    static String withHistoryInsert(Jdbc jdbc, String historyInsert) {
        return jdbc.sql("WITH h AS (" + historyInsert + " RETURNING pipeline_id, deal_id), " + afterHistory("h")
                + " SELECT COUNT(*) FROM h");
    }

    /**
     * The PostgreSQL common table expressions {@code rs} and {@code r} that note the stage for each row of the history
     * insert named {@code history} (a CTE returning {@code pipeline_id, deal_id}); their parameters are those of
     * {@link #afterHistoryParams}. A deal's row is there from its first entry on, so a plain update appends the stage
     * ({@code rs}, a HOT update: {@code reached} is in no index); only a deal without a row the update could change
     * (its first entry, or a stage it reached before) goes on to the upsert ({@code r}). The upsert alone would lock
     * the row before updating it, a WAL record of its own on every move.
     */
    static String afterHistory(String history) {
        return "rs AS (UPDATE {deal_stage_reach} AS s SET reached = s.reached || CAST(? AS text) FROM " + history
                + " n WHERE s.pipeline_id = n.pipeline_id AND s.deal_id = n.deal_id "
                + "AND strpos(s.reached, CAST(? AS text)) = 0 RETURNING s.pipeline_id, s.deal_id), "
                + "r AS (INSERT INTO {deal_stage_reach} AS r (pipeline_id, deal_id, reached) SELECT pipeline_id, "
                + "deal_id, "
                + "CAST(? AS text) FROM " + history + " n WHERE NOT EXISTS (SELECT 1 FROM rs WHERE rs.pipeline_id = "
                + "n.pipeline_id AND rs.deal_id = n.deal_id) ON CONFLICT (pipeline_id, deal_id) DO UPDATE SET reached "
                + "= "
                + "r.reached || CAST(? AS text) WHERE strpos(r.reached, CAST(? AS text)) = 0)";
    }

    /** The parameters of {@link #afterHistory} for a stage: the update's item and marker, then the upsert's three. */
    static Object[] afterHistoryParams(String stage) {
        Object[] p = params(stage);
        return new Object[] {p[1], p[2], p[0], p[1], p[2]};
    }

    /** Notes, inside the running unit of work, that the deal entered the stage in the pipeline. */
    void record(Connection c, UUID pipeline, UUID deal, String stage) throws SQLException {
        Object[] p = params(stage);
        if (jdbc.dialect == Dialect.MARIADB) { // LOCATE's marker comes before CONCAT's item there
            jdbc.update(c, record, pipeline, deal, p[0], p[2], p[1]);
        } else {
            jdbc.update(c, record, pipeline, deal, p[0], p[1], p[2]);
        }
    }

    /** The texts bound for a stage: a new row's {@code reached}, the item appended, the marker looked for. */
    static Object[] params(String stage) {
        String escaped = escape(stage);
        return new Object[] {"|" + escaped + "|", escaped + "|", "|" + escaped + "|"};
    }

    /**
     * Rebuilds, inside the running unit of work, the rows of these deals from their stage history: after a restore
     * wrote history rows set-based.
     */
    void rebuild(Connection c, Collection<UUID> deals) throws SQLException {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(deals));
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = "?" + ", ?".repeat(chunk.size() - 1) + ")";
            Object[] params = chunk.toArray();
            jdbc.update(c, delete + in, params);
            jdbc.update(c, rebuild + " WHERE deal_id IN (" + in + groupBy(), params);
        }
    }

    /** Rebuilds every row from the stage history, in one transaction: {@link CrmSchema#fillStageReach}. */
    static int rebuildAll(Connection c, Dialect dialect, Tables tables) throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate(tables.sql("DELETE FROM {deal_stage_reach}"));
            return s.executeUpdate(rebuildSql(dialect, tables) + groupBy());
        }
    }

    /** The stages of a {@code reached} text, in the order first reached. */
    static List<String> stages(String reached) {
        List<String> out = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 1; i < reached.length(); i++) {
            char ch = reached.charAt(i);
            if (ch == '|') {
                out.add(name.toString());
                name.setLength(0);
            } else if (ch == '~') {
                name.append(reached.charAt(++i) == 'p' ? '|' : '~');
            } else {
                name.append(ch);
            }
        }
        return out;
    }

    static String escape(String stage) {
        return stage.replace("~", "~~").replace("|", "~p");
    }

    /** The insert of rebuilt rows, up to its inner WHERE clause (none: every deal); close with {@link #groupBy}. */
    private static String rebuildSql(Dialect dialect, Tables tables) {
        String escaped = "REPLACE(REPLACE(to_stage, '~', '~~'), '|', '~p')";
        String reached = switch (dialect) {
            case POSTGRESQL -> "'|' || string_agg(" + escaped + ", '|' ORDER BY first_version) || '|'";
            case MARIADB -> "CONCAT('|', GROUP_CONCAT(" + escaped + " ORDER BY first_version SEPARATOR '|'), '|')";
            case H2 -> "'|' || LISTAGG(" + escaped + ", '|') WITHIN GROUP (ORDER BY first_version) || '|'";
        };
        return tables.sql("INSERT INTO {deal_stage_reach} (pipeline_id, deal_id, reached) SELECT pipeline_id, "
                + "deal_id, " + reached + " FROM (SELECT pipeline_id, deal_id, to_stage, MIN(deal_version) AS "
                + "first_version FROM {stage_history}");
    }

    private static String groupBy() {
        return " GROUP BY pipeline_id, deal_id, to_stage) firsts GROUP BY pipeline_id, deal_id";
    }
}
