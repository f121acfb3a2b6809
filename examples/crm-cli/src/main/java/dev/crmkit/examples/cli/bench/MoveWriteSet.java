package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.core.activity.ActivityEvent;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The second baseline of {@code crm bench pipeline}: <em>the write set by hand</em>, the rows one crmkit move of a
 * benchmark deal writes on PostgreSQL (as read from the server's log with {@code log_statement = 'all'}), written in
 * plain JDBC as one statement (data-modifying common table expressions) in auto-commit: one round trip and one
 * transaction per move. Per move:
 * <ol>
 *   <li>the deal's update at its version: the stage, its entry time and probability, the won time (set on the won
 *       stage, empty before), {@code updated_at} and {@code version + 1};</li>
 *   <li>the stage history row (id, deal, deal version, pipeline, from, to, mover, time, time in the previous stage);</li>
 *   <li>the stage noted among the deal's reached stages ({@code deal_stage_reach}, whose row the deal has since it was
 *       opened);</li>
 *   <li>the timeline entry: one {@code activity} row of type {@code SYSTEM} with crmkit's subject, body and
 *       {@code about} list, and its about row (the deal's: the benchmark's deals are about no contact or company);</li>
 *   <li>the outbox: {@code DealMoved} on the deal, {@code DealWon} too on the won stage, and {@code ActivityLogged} on
 *       the entry, with crmkit's payloads.</li>
 * </ol>
 * Every row follows the update ({@code FROM u}): a deal not at its version gets nothing written, and the statement
 * answers how many deals it updated. What is left out is what crmkit does beyond those rows: the read of the deal (a
 * move by id), the pipeline's revision, the five rules, the refusal checks of the statement (a taken history id or
 * version, a stale or missing deal named apart), the JSON of the events and the unit of work around it. Not
 * thread-safe per connection.
 */
final class MoveWriteSet {

    /** The kinds of rows a pass adds, counted in the database by {@link #tableRows}. */
    static final List<String> ROW_KINDS = List.of("historyRows", "activities", "aboutRows", "outboxRows",
            "reachedWon");

    private final String sql;
    private final String wonSql;

    /**
     * A baseline over the tables of that prefix.
     *
     * @param prefix the tables' prefix
     */
    MoveWriteSet(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        this.sql = sql(prefix, false);
        this.wonSql = sql(prefix, true);
    }

    /** Whether the write set by hand is written on that database: PostgreSQL. */
    static boolean supports(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL;
    }

    private static String sql(String prefix, boolean won) {
        String outbox = "SELECT ?, ?, ?, CAST(? AS jsonb) FROM u";
        return "WITH u AS (UPDATE " + prefix + "deal SET stage = ?, stage_entered_at = ?, stage_probability = ?, "
                + "won_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? "
                + "RETURNING id, pipeline_id), "
                + "h AS (INSERT INTO " + prefix + "stage_history (id, deal_id, deal_version, pipeline_id, from_stage, "
                + "to_stage, moved_by, moved_at, seconds_in_previous, nanos_in_previous) SELECT ?, id, ?, pipeline_id, "
                + "?, ?, ?, ?, ?, ? FROM u), "
                + "r AS (UPDATE " + prefix + "deal_stage_reach s SET reached = s.reached || ? FROM u "
                + "WHERE s.pipeline_id = u.pipeline_id AND s.deal_id = u.id AND strpos(s.reached, ?) = 0), "
                + "a AS (INSERT INTO " + prefix + "activity (id, activity_type, subject, body, direction, occurred_at, "
                + "participants, about, owner_id, visibility, recorded_at, outcome, duration_seconds, "
                + "participants_keyed) SELECT ?, 'SYSTEM', ?, ?, 'INTERNAL', ?, CAST('[]' AS jsonb), "
                + "CAST(? AS jsonb), NULL, 'PUBLIC', ?, NULL, NULL, true FROM u), "
                + "b AS (INSERT INTO " + prefix + "activity_about (record_type, record_id, occurred_at, activity_id, "
                + "activity_type, visibility, owner_id) SELECT 'DEAL', id, ?, ?, 'SYSTEM', 'PUBLIC', NULL FROM u), "
                + "e AS (INSERT INTO " + prefix + "outbox (aggregate_id, event_type, occurred_at, payload) "
                + outbox + " UNION ALL " + (won ? outbox + " UNION ALL " : "") + outbox + ") "
                + "SELECT count(*) FROM u";
    }

    /**
     * Writes the whole write set of moving that deal to that stage, in one transaction and one round trip.
     *
     * @param c           a connection in auto-commit
     * @param deal        the deal as stored now, at its version
     * @param stage       the stage it enters
     * @param probability that stage's probability
     * @param won         whether it is the won stage
     * @param by          who moves it
     * @param entry       the id of the stage history row
     * @param activity    the id of the timeline entry
     * @param at          when
     * @throws IllegalStateException when the deal was not at its version (nothing is written then)
     * @throws SQLException          when the statement fails (nothing is written then either)
     */
    void write(Connection c, Deal deal, String stage, int probability, boolean won, String by, UUID entry,
               UUID activity, Instant at) throws SQLException {
        UUID id = deal.id().value();
        String dealId = id.toString();
        String when = at.toString();
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        Duration spent = Duration.between(deal.stageEnteredAt(), at);
        if (spent.isNegative()) {
            spent = Duration.ZERO;
        }
        try (PreparedStatement ps = c.prepareStatement(won ? wonSql : sql)) {
            int i = 0;
            ps.setString(++i, stage);
            ps.setObject(++i, time);
            ps.setInt(++i, probability);
            ps.setObject(++i, won ? time : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(++i, time);
            ps.setObject(++i, id);
            ps.setLong(++i, deal.version());
            ps.setObject(++i, entry);
            ps.setLong(++i, deal.version() + 1);
            ps.setString(++i, deal.stage());
            ps.setString(++i, stage);
            ps.setString(++i, by);
            ps.setObject(++i, time);
            ps.setLong(++i, spent.getSeconds());
            ps.setInt(++i, spent.getNano());
            ps.setString(++i, stage + "|");
            ps.setString(++i, "|" + stage + "|");
            ps.setObject(++i, activity);
            ps.setString(++i, "Stage " + deal.stage() + " -> " + stage);
            ps.setString(++i, "by " + by + ", after " + spent.toHours() + " h " + spent.toMinutesPart() + " min in "
                    + deal.stage());
            ps.setObject(++i, time);
            ps.setString(++i, "[\"deal:" + dealId + "\"]");
            ps.setObject(++i, time);
            ps.setObject(++i, time);
            ps.setObject(++i, activity);
            i = event(ps, i, dealId, DealEvent.DealMoved.class, time, "{\"dealId\":{\"value\":\"" + dealId
                    + "\"},\"pipelineId\":{\"value\":\"" + deal.pipelineId().value() + "\"},\"from\":\"" + deal.stage()
                    + "\",\"to\":\"" + stage + "\",\"by\":{\"value\":\"" + by + "\"},\"occurredAt\":\"" + when + "\"}");
            if (won) {
                String amount = deal.amount().map(m -> "{\"amount\":\"" + m.amount().toPlainString()
                        + "\",\"currency\":\"" + m.currency().getCurrencyCode() + "\"}").orElse("null");
                i = event(ps, i, dealId, DealEvent.DealWon.class, time, "{\"dealId\":{\"value\":\"" + dealId
                        + "\"},\"amount\":" + amount + ",\"occurredAt\":\"" + when + "\"}");
            }
            event(ps, i, activity.toString(), ActivityEvent.ActivityLogged.class, time, "{\"activityId\":{\"value\":\""
                    + activity + "\"},\"type\":\"SYSTEM\",\"about\":[{\"type\":\"DEAL\",\"id\":\"" + dealId
                    + "\"}],\"occurredAt\":\"" + when + "\"}");
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != 1) {
                    throw new IllegalStateException("deal " + deal.id() + " is not at version " + deal.version());
                }
            }
        }
    }

    /** Binds one outbox row's values after parameter {@code i}; returns the last parameter bound. */
    private static int event(PreparedStatement ps, int i, String aggregate, Class<?> type, OffsetDateTime at,
                             String payload) throws SQLException {
        ps.setString(++i, aggregate);
        ps.setString(++i, type.getName());
        ps.setObject(++i, at);
        ps.setString(++i, payload);
        return i;
    }

    /**
     * The rows of the kinds of {@link #ROW_KINDS}, counted in the database: stage history, activity, about and outbox
     * rows, and the deals whose reached stages hold the won stage.
     *
     * @param prefix the tables' prefix
     * @param won    the won stage's name
     */
    static Map<String, Long> tableRows(DataSource db, String prefix, String won) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + "(SELECT COUNT(*) FROM " + prefix + "stage_history), (SELECT COUNT(*) FROM " + prefix
                + "activity), (SELECT COUNT(*) FROM " + prefix + "activity_about), (SELECT COUNT(*) FROM " + prefix
                + "outbox), (SELECT COUNT(*) FROM " + prefix + "deal_stage_reach WHERE POSITION(? IN reached) > 0)")) {
            ps.setString(1, "|" + won + "|");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Long> rows = new LinkedHashMap<>();
                for (int i = 0; i < ROW_KINDS.size(); i++) {
                    rows.put(ROW_KINDS.get(i), rs.getLong(i + 1));
                }
                return rows;
            }
        }
    }

    /**
     * The rows a pass must add when that many deals each make that many moves, the last to the won stage, in the
     * order of {@link #ROW_KINDS}: a history row, an activity, an about row and two outbox rows per move, one outbox row
     * more per deal won, and every deal's reached stages holding the won stage.
     */
    static Map<String, Long> expectedRows(long deals, long movesPerDeal) {
        long moves = deals * movesPerDeal;
        long[] added = {moves, moves, moves, 2 * moves + deals, deals};
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int i = 0; i < ROW_KINDS.size(); i++) {
            rows.put(ROW_KINDS.get(i), added[i]);
        }
        return rows;
    }
}
