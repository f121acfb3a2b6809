package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LeadScores;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.Temperature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Lead scores in a relational database, one row per lead. The stage is kept with its order ({@code stage_order}, the
 * position in {@link LifecycleStage}), and a batch is written as one JDBC batch of upserts that keep
 * {@code GREATEST(stored order, new order)} and the stage of the greater, so the stage never moves back, whatever
 * the concurrency: each upsert decides on the row under its own row lock. The batch is written in lead id order, so
 * two concurrent batches lock their rows in one order and do not deadlock. A batch takes part in the running unit
 * of work (under a savepoint) or runs in one of its own, so it lands whole or not at all. Thread-safe.
 */
final class JdbcLeadScores implements LeadScores {

    /** The most leads one {@link #findAll} call reads, as the port allows. */
    static final int MAX_READ = 1000;

    private static final int H2_ATTEMPTS = 3;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String selectOne;
    private final String selectIn;
    private final String upsert;

    JdbcLeadScores(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        selectOne = jdbc.sql("SELECT * FROM {lead_score} WHERE lead_id = ?");
        selectIn = jdbc.sql("SELECT * FROM {lead_score} WHERE lead_id IN (");
        upsert = jdbc.sql(switch (dialect) {
            case POSTGRESQL -> "INSERT INTO {lead_score} AS t (lead_id, score, temperature, stage, stage_order, "
                    + "scored_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (lead_id) DO UPDATE SET "
                    + "score = EXCLUDED.score, temperature = EXCLUDED.temperature, "
                    + "stage = CASE WHEN EXCLUDED.stage_order > t.stage_order THEN EXCLUDED.stage ELSE t.stage END, "
                    + "stage_order = GREATEST(t.stage_order, EXCLUDED.stage_order), scored_at = EXCLUDED.scored_at";
            // MariaDB assigns left to right, each seeing the ones before: the stage is decided on the stored order
            // before the order is raised
            case MARIADB -> "INSERT INTO {lead_score} (lead_id, score, temperature, stage, stage_order, scored_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE score = VALUES(score), "
                    + "temperature = VALUES(temperature), "
                    + "stage = IF(VALUES(stage_order) > stage_order, VALUES(stage), stage), "
                    + "stage_order = GREATEST(stage_order, VALUES(stage_order)), scored_at = VALUES(scored_at)";
            case H2 -> "MERGE INTO {lead_score} t USING (VALUES (?, ?, ?, ?, ?, ?)) "
                    + "s(lead_id, score, temperature, stage, stage_order, scored_at) ON t.lead_id = s.lead_id "
                    + "WHEN MATCHED THEN UPDATE SET score = s.score, temperature = s.temperature, "
                    + "stage = CASE WHEN s.stage_order > t.stage_order THEN s.stage ELSE t.stage END, "
                    + "stage_order = GREATEST(t.stage_order, s.stage_order), scored_at = s.scored_at "
                    + "WHEN NOT MATCHED THEN INSERT (lead_id, score, temperature, stage, stage_order, scored_at) "
                    + "VALUES (s.lead_id, s.score, s.temperature, s.stage, s.stage_order, s.scored_at)";
        });
    }

    @Override
    public Optional<LeadScore> find(LeadId lead) {
        Objects.requireNonNull(lead, "lead");
        return jdbc.tx.read(c -> jdbc.one(c, selectOne, this::map, lead.value()));
    }

    @Override
    public Map<LeadId, LeadScore> findAll(Collection<LeadId> leads) {
        Objects.requireNonNull(leads, "leads");
        if (leads.size() > MAX_READ) {
            throw new IllegalArgumentException("at most " + MAX_READ + " leads per call, got " + leads.size());
        }
        Set<LeadId> distinct = new HashSet<>(leads);
        if (distinct.contains(null)) {
            throw new NullPointerException("leads contains null");
        }
        if (distinct.isEmpty()) {
            return Map.of();
        }
        String sql = selectIn + "?" + ", ?".repeat(distinct.size() - 1) + ")";
        Object[] ids = distinct.stream().map(LeadId::value).toArray();
        return jdbc.tx.read(c -> {
            Map<LeadId, LeadScore> found = new HashMap<>();
            for (LeadScore score : jdbc.list(c, sql, this::map, ids)) {
                found.put(score.leadId(), score);
            }
            return found;
        });
    }

    @Override
    public void saveAll(List<LeadScore> scores) {
        Objects.requireNonNull(scores, "scores");
        Set<LeadId> seen = new HashSet<>();
        for (LeadScore score : scores) {
            Objects.requireNonNull(score, "scores contains null");
            if (!seen.add(score.leadId())) {
                throw new IllegalArgumentException("lead " + score.leadId() + " is listed twice in one batch");
            }
        }
        if (scores.isEmpty()) {
            return;
        }
        List<LeadScore> inLockOrder = scores.stream().sorted(Comparator.comparing(s -> s.leadId().value())).toList();
        jdbc.tx.write(c -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    upsertAll(c, inLockOrder);
                    return null;
                } catch (SQLException e) {
                    // H2's MERGE may lose a race to a concurrent insert of the same lead; H2 rolls back only that
                    // statement, and an upsert written again is the same upsert, so the batch is simply run again
                    if (dialect != Dialect.H2 || !dialect.isDuplicateKey(e) || attempt == H2_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        });
    }

    private void upsertAll(Connection c, List<LeadScore> scores) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (LeadScore s : scores) {
                jdbc.bind(ps, s.leadId().value(), s.score(), s.temperature().name(), s.stage().name(),
                        s.stage().ordinal(), s.scoredAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private LeadScore map(ResultSet rs) throws SQLException {
        return new LeadScore(new LeadId(dialect.getUuid(rs, "lead_id")), rs.getInt("score"),
                Temperature.valueOf(rs.getString("temperature")), LifecycleStage.valueOf(rs.getString("stage")),
                dialect.getInstant(rs, "scored_at"));
    }

    /** The archive of the scores, keyed by lead id: export and restore only. */
    JdbcArchive<LeadScore> archive() {
        return new JdbcArchive<>(jdbc, "lead score", "lead_score", "lead_id", this::map,
                s -> s.leadId().toString(), (c, s) -> saveAll(List.of(s))).restoringAll((c, all) -> saveAll(all));
    }
}
