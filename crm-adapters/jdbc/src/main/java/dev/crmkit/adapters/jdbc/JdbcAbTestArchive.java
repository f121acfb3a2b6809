package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.abtest.AbTestPlan;
import dev.crmkit.campaigns.abtest.AbWinner;
import dev.crmkit.campaigns.abtest.Variant;
import dev.crmkit.kit.archive.AbExposureEntry;
import dev.crmkit.kit.archive.AbTestEntry;
import dev.crmkit.kit.archive.Archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The archives of crm-campaigns' A/B tests (V65): the plans ({@code campaign_ab_test} with the rows of
 * {@code campaign_ab_variant}, keyed by the test's id), the exposures with their hits ({@code campaign_ab_exposure},
 * keyed by {@link AbExposureEntry#key()}) and the winners ({@code campaign_ab_winner}, keyed by the test's id). An
 * exposure or a winner is restored onto a plan restored before it, and refused for a test the store has no plan of.
 * Instants are epoch microseconds, as {@link JdbcAbTestStore} writes them.
 */
final class JdbcAbTestArchive implements Archive<AbTestEntry> {

    private final Jdbc jdbc;
    private final JdbcArchive<AbTestEntry> rows;
    private final String variants;

    private JdbcAbTestArchive(Jdbc jdbc) {
        this.jdbc = jdbc;
        Dialect d = jdbc.dialect;
        String id = d.binaryText("id");
        String insert = jdbc.sql("INSERT INTO {campaign_ab_test} (id, campaign, metric, alpha, min_exposed, "
                + "test_percent) VALUES (?, ?, ?, ?, ?, ?)");
        String insertVariant = jdbc.sql("INSERT INTO {campaign_ab_variant} (test_id, variant_no, name, weight) "
                + "VALUES (?, ?, ?, ?)");
        this.variants = jdbc.sql("SELECT name, weight FROM {campaign_ab_variant} WHERE test_id = ? ORDER BY "
                + "variant_no");
        this.rows = new JdbcArchive<>(jdbc, "A/B test", "SELECT * FROM {campaign_ab_test}",
                id + " > " + d.binaryText("?"), id, "id = ?",
                rs -> new AbTestEntry(rs.getString("id"), rs.getString("campaign"),
                        AbTestPlan.AbMetric.valueOf(rs.getString("metric")), Double.parseDouble(rs.getString("alpha")),
                        rs.getLong("min_exposed"), rs.getInt("test_percent"), List.of()),
                AbTestEntry::id, k -> new Object[]{k}, k -> new Object[]{k}, (c, e) -> {
                    AbTestPlan plan = e.plan(); // refuses a plan its own rules refuse
                    jdbc.update(c, insert, plan.id(), plan.campaign(), plan.metric().name(),
                            Double.toString(plan.rule().alpha()), plan.rule().minExposed(), plan.testPercent());
                    List<Object[]> variantRows = new ArrayList<>();
                    for (Variant v : plan.test().variants()) {
                        variantRows.add(new Object[]{plan.id(), variantRows.size(), v.name(), v.weight()});
                    }
                    jdbc.batch(c, insertVariant, variantRows);
                });
    }

    /** The plans' archive. */
    static Archive<AbTestEntry> plans(Jdbc jdbc) {
        return new JdbcAbTestArchive(jdbc);
    }

    @Override
    public List<AbTestEntry> after(Optional<String> after, int limit) {
        List<AbTestEntry> page = rows.after(after, limit);
        return jdbc.tx.read(c -> {
            List<AbTestEntry> out = new ArrayList<>(page.size());
            for (AbTestEntry e : page) {
                out.add(new AbTestEntry(e.id(), e.campaign(), e.metric(), e.alpha(), e.minExposed(), e.testPercent(),
                        jdbc.list(c, variants, rs -> new Variant(rs.getString("name"), rs.getInt("weight")),
                                e.id())));
            }
            return out;
        });
    }

    @Override
    public String key(AbTestEntry record) {
        return rows.key(record);
    }

    @Override
    public boolean contains(String key) {
        return rows.contains(key);
    }

    @Override
    public void restore(AbTestEntry record) {
        rows.restore(record);
    }

    /** The exposures' archive. */
    static JdbcArchive<AbExposureEntry> exposures(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String test = d.binaryText("test_id");
        String contact = d.binaryText("contact_id");
        String insert = jdbc.sql("INSERT INTO {campaign_ab_exposure} (test_id, contact_id, variant, exposed_at, hit_at,"
                + " send_state, message_key) VALUES (?, ?, ?, ?, ?, ?, ?)");
        return new JdbcArchive<>(jdbc, "A/B exposure", "SELECT * FROM {campaign_ab_exposure}",
                "(" + test + " > " + d.binaryText("?") + " OR (test_id = ? AND " + contact + " > "
                        + d.binaryText("?") + "))", test + ", " + contact, "test_id = ? AND contact_id = ?",
                rs -> {
                    long hit = rs.getLong("hit_at");
                    Optional<java.time.Instant> hitAt = rs.wasNull() ? Optional.empty()
                            : Optional.of(JdbcEnrollments.instant(hit));
                    return new AbExposureEntry(rs.getString("test_id"), rs.getString("contact_id"),
                            rs.getString("variant"), JdbcEnrollments.instant(rs.getLong("exposed_at")), hitAt,
                            rs.getString("send_state"), Optional.ofNullable(rs.getString("message_key")));
                }, AbExposureEntry::key, k -> {
                    String[] p = AbExposureEntry.parseKey(k);
                    return new Object[]{p[0], p[0], p[1]};
                }, k -> {
                    String[] p = AbExposureEntry.parseKey(k);
                    return new Object[]{p[0], p[1]};
                }, (c, e) -> {
                    requirePlan(jdbc, c, e.testId(), "A/B exposure " + e.key());
                    jdbc.update(c, insert, e.testId(), e.contactId(), e.variant(),
                            JdbcEnrollments.micros(e.exposedAt()), e.hitAt().<Object>map(JdbcEnrollments::micros)
                                    .orElse(Jdbc.Null.LONG), e.state(),
                            e.messageKey().<Object>map(k -> k).orElse(Jdbc.Null.TEXT));
                });
    }

    /** The winners' archive. */
    static JdbcArchive<AbWinner> winners(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String test = d.binaryText("test_id");
        String insert = jdbc.sql("INSERT INTO {campaign_ab_winner} (test_id, variant, p_value, decided_at) "
                + "VALUES (?, ?, ?, ?)");
        return new JdbcArchive<>(jdbc, "A/B winner", "SELECT * FROM {campaign_ab_winner}",
                test + " > " + d.binaryText("?"), test, "test_id = ?",
                rs -> new AbWinner(rs.getString("test_id"), rs.getString("variant"), rs.getString("p_value"),
                        JdbcEnrollments.instant(rs.getLong("decided_at"))),
                AbWinner::testId, k -> new Object[]{k}, k -> new Object[]{k}, (c, w) -> {
                    requirePlan(jdbc, c, w.testId(), "A/B winner of " + w.testId());
                    jdbc.update(c, insert, w.testId(), w.variant(), w.pValue(), JdbcEnrollments.micros(w.decidedAt()));
                });
    }

    private static void requirePlan(Jdbc jdbc, Connection c, String testId, String what) throws SQLException {
        Objects.requireNonNull(testId, "testId");
        if (jdbc.one(c, jdbc.sql("SELECT 1 FROM {campaign_ab_test} WHERE id = ?"), rs -> 1, testId).isEmpty()) {
            throw new IllegalArgumentException(what + ": the store has no A/B test " + testId);
        }
    }
}
