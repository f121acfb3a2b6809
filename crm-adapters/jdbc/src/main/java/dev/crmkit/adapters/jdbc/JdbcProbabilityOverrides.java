package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.ManualProbability;
import dev.crmkit.core.scoring.ProbabilityOverrides;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Hand-typed win probabilities in a relational database, one row per lead, each method one statement: setting is the
 * dialect's upsert, clearing a delete. The probability is kept as a decimal of four places and read back without
 * trailing zeros. Thread-safe.
 */
final class JdbcProbabilityOverrides implements ProbabilityOverrides {

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String select;
    private final String upsert;
    private final String delete;

    JdbcProbabilityOverrides(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect;
        select = jdbc.sql("SELECT * FROM {probability_override} WHERE lead_id = ?");
        upsert = jdbc.sql(switch (dialect) {
            case POSTGRESQL -> "INSERT INTO {probability_override} (lead_id, probability, set_by, set_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (lead_id) DO UPDATE SET probability = EXCLUDED.probability, "
                    + "set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at";
            case MARIADB -> "INSERT INTO {probability_override} (lead_id, probability, set_by, set_at) "
                    + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE probability = VALUES(probability), "
                    + "set_by = VALUES(set_by), set_at = VALUES(set_at)";
            case H2 -> "MERGE INTO {probability_override} (lead_id, probability, set_by, set_at) KEY (lead_id) "
                    + "VALUES (?, ?, ?, ?)";
        });
        delete = jdbc.sql("DELETE FROM {probability_override} WHERE lead_id = ?");
    }

    @Override
    public Optional<ManualProbability> find(LeadId lead) {
        Objects.requireNonNull(lead, "lead");
        return jdbc.tx.read(c -> jdbc.one(c, select, this::map, lead.value()));
    }

    @Override
    public void set(ManualProbability probability) {
        Objects.requireNonNull(probability, "probability");
        jdbc.tx.write(c -> jdbc.update(c, upsert, probability.leadId().value(), probability.probability(),
                probability.setBy().value(), probability.setAt()));
    }

    @Override
    public void clear(LeadId lead) {
        Objects.requireNonNull(lead, "lead");
        jdbc.tx.write(c -> jdbc.update(c, delete, lead.value()));
    }

    private ManualProbability map(ResultSet rs) throws SQLException {
        return new ManualProbability(new LeadId(dialect.getUuid(rs, "lead_id")),
                rs.getBigDecimal("probability").stripTrailingZeros(), new UserId(rs.getString("set_by")),
                dialect.getInstant(rs, "set_at"));
    }

    /** The archive of the overrides, keyed by lead id: export and restore only. */
    JdbcArchive<ManualProbability> archive() {
        return new JdbcArchive<>(jdbc, "probability override", "probability_override", "lead_id", this::map,
                p -> p.leadId().toString(), (c, p) -> set(p));
    }
}
