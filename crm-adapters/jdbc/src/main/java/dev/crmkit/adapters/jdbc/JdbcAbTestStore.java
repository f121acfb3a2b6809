package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.abtest.AbTest;
import dev.crmkit.campaigns.abtest.AbTestPlan;
import dev.crmkit.campaigns.abtest.AbTestStore;
import dev.crmkit.campaigns.abtest.AbWinner;
import dev.crmkit.campaigns.abtest.Variant;
import dev.crmkit.campaigns.abtest.VariantOutcome;
import dev.crmkit.campaigns.abtest.WinnerRule;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A/B tests in {@code <prefix>campaign_ab_test}, {@code _ab_variant}, {@code _ab_exposure} and {@code _ab_winner}
 * (migration V65): a plan is inserted with its variants in one transaction (the primary key lets one node in), an
 * exposure once per test and contact, a winner once per test; outcomes are counted in the database. Instants are
 * epoch microseconds. Needs crm-campaigns on the class path (an optional dependency of this module). Thread-safe.
 */
public final class JdbcAbTestStore implements AbTestStore {

    private static final String WHAT = "the A/B test store";

    private final DataSource dataSource;
    private final String tests;
    private final String variants;
    private final String exposures;
    private final String winners;

    /**
     * The A/B tests with a table prefix, as given to {@link CrmSchema#migrate}.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 30 lower-case letters, digits and underscores
     */
    public JdbcAbTestStore(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        String prefix = Tables.checkPrefix(tablePrefix);
        this.tests = prefix + "campaign_ab_test";
        this.variants = prefix + "campaign_ab_variant";
        this.exposures = prefix + "campaign_ab_exposure";
        this.winners = prefix + "campaign_ab_winner";
    }

    @Override
    public AbTestPlan define(AbTestPlan plan) {
        Objects.requireNonNull(plan, "plan");
        Optional<AbTestPlan> known = plan(plan.id());
        if (known.isPresent()) {
            return known.get();
        }
        try {
            CampaignSql.inTransaction(dataSource, WHAT, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tests
                        + " (id, campaign, metric, alpha, min_exposed, test_percent) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, plan.id());
                    ps.setString(2, plan.campaign());
                    ps.setString(3, plan.metric().name());
                    ps.setString(4, Double.toString(plan.rule().alpha()));
                    ps.setLong(5, plan.rule().minExposed());
                    ps.setInt(6, plan.testPercent());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + variants
                        + " (test_id, variant_no, name, weight) VALUES (?, ?, ?, ?)")) {
                    int no = 0;
                    for (Variant v : plan.test().variants()) {
                        ps.setString(1, plan.id());
                        ps.setInt(2, no++);
                        ps.setString(3, v.name());
                        ps.setInt(4, v.weight());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (JdbcStoreException e) {
            // another node stored a plan under the id meanwhile: that one holds
            return plan(plan.id()).orElseThrow(() -> e);
        }
        return plan;
    }

    @Override
    public Optional<AbTestPlan> plan(String testId) {
        Objects.requireNonNull(testId, "testId");
        return CampaignSql.work(dataSource, WHAT, c -> {
            List<Variant> own = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, weight FROM " + variants
                    + " WHERE test_id = ? ORDER BY variant_no")) {
                ps.setString(1, testId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        own.add(new Variant(rs.getString("name"), rs.getInt("weight")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT campaign, metric, alpha, min_exposed, test_percent"
                    + " FROM " + tests + " WHERE id = ?")) {
                ps.setString(1, testId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new AbTestPlan(AbTest.of(testId, own), rs.getString("campaign"),
                            AbTestPlan.AbMetric.valueOf(rs.getString("metric")),
                            new WinnerRule(Double.parseDouble(rs.getString("alpha")), rs.getLong("min_exposed")),
                            rs.getInt("test_percent")));
                }
            }
        });
    }

    @Override
    public List<AbTestPlan> plans() {
        List<String> ids = CampaignSql.work(dataSource, WHAT, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + tests);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        // ordered here, not by the database's collation, so every store lists them alike
        return ids.stream().sorted().map(this::plan).flatMap(Optional::stream).toList();
    }

    @Override
    public String expose(String testId, String contactId, String variant, Instant at) {
        return expose(testId, contactId, variant, Optional.empty(), at);
    }

    @Override
    public String exposeBefore(String testId, String contactId, String variant, String messageKey, Instant at) {
        return expose(testId, contactId, variant, Optional.of(Objects.requireNonNull(messageKey, "messageKey")), at);
    }

    /**
     * Inserts the exposure (SENT without a message, PENDING with one) unless the contact was exposed before; then a
     * failed send retried by this message is pending again under it.
     */
    private String expose(String testId, String contactId, String variant, Optional<String> messageKey, Instant at) {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(variant, "variant");
        long micros = micros(Objects.requireNonNull(at, "at"));
        return CampaignSql.work(dataSource, WHAT, c -> {
            Optional<String> known = exposed(c, testId, contactId);
            if (known.isPresent()) {
                if (messageKey.isPresent()) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + exposures + " SET send_state ="
                            + " 'PENDING', message_key = ? WHERE test_id = ? AND contact_id = ? AND send_state ="
                            + " 'FAILED'")) {
                        ps.setString(1, messageKey.get());
                        ps.setString(2, testId);
                        ps.setString(3, contactId);
                        ps.executeUpdate();
                    }
                }
                return known.get();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + exposures + " (test_id, contact_id,"
                    + " variant, exposed_at, hit_at, send_state, message_key) VALUES (?, ?, ?, ?, NULL, ?, ?)")) {
                ps.setString(1, testId);
                ps.setString(2, contactId);
                ps.setString(3, variant);
                ps.setLong(4, micros);
                ps.setString(5, messageKey.isPresent() ? "PENDING" : "SENT");
                ps.setString(6, messageKey.orElse(null));
                ps.executeUpdate();
                return variant;
            } catch (SQLException e) {
                Optional<String> meanwhile = exposed(c, testId, contactId);
                if (meanwhile.isPresent()) {
                    return meanwhile.get();
                }
                throw e;
            }
        });
    }

    @Override
    public boolean settle(String testId, String contactId, String messageKey, boolean sent) {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(messageKey, "messageKey");
        return CampaignSql.work(dataSource, WHAT, c -> {
            // a send that went through wins over a failure another node settled for the same message meanwhile
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + exposures + " SET send_state = ? WHERE"
                    + " test_id = ? AND contact_id = ? AND send_state IN ('PENDING'" + (sent ? ", 'FAILED'" : "")
                    + ") AND message_key = ?")) {
                ps.setString(1, sent ? "SENT" : "FAILED");
                ps.setString(2, testId);
                ps.setString(3, contactId);
                ps.setString(4, messageKey);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Exposure> exposure(String testId, String contactId) {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(contactId, "contactId");
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT variant, send_state, message_key FROM " + exposures
                    + " WHERE test_id = ? AND contact_id = ?")) {
                ps.setString(1, testId);
                ps.setString(2, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Exposure(rs.getString(1), ExposureState.valueOf(
                            rs.getString(2)), Optional.ofNullable(rs.getString(3)))) : Optional.empty();
                }
            }
        });
    }

    private Optional<String> exposed(Connection c, String testId, String contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT variant FROM " + exposures
                + " WHERE test_id = ? AND contact_id = ?")) {
            ps.setString(1, testId);
            ps.setString(2, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public boolean hit(String testId, String contactId, Instant at) {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(contactId, "contactId");
        long micros = micros(Objects.requireNonNull(at, "at"));
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + exposures
                    + " SET hit_at = ? WHERE test_id = ? AND contact_id = ? AND hit_at IS NULL")) {
                ps.setLong(1, micros);
                ps.setString(2, testId);
                ps.setString(3, contactId);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            return exposed(c, testId, contactId).isPresent();
        });
    }

    @Override
    public List<VariantOutcome> outcomes(String testId) {
        Optional<AbTestPlan> plan = plan(testId);
        if (plan.isEmpty()) {
            return List.of();
        }
        Map<String, long[]> counts = CampaignSql.work(dataSource, WHAT, c -> {
            Map<String, long[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT variant, COUNT(*), COUNT(hit_at) FROM "
                    + exposures + " WHERE test_id = ? AND send_state <> 'FAILED' GROUP BY variant")) {
                ps.setString(1, testId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
            return out;
        });
        List<VariantOutcome> out = new ArrayList<>();
        for (Variant v : plan.get().test().variants()) {
            long[] n = counts.getOrDefault(v.name(), new long[2]);
            out.add(new VariantOutcome(v.name(), n[0], n[1]));
        }
        return out;
    }

    @Override
    public AbWinner recordWinner(AbWinner winner) {
        Objects.requireNonNull(winner, "winner");
        Instant at = winner.decidedAt().truncatedTo(ChronoUnit.MICROS);
        return CampaignSql.work(dataSource, WHAT, c -> {
            Optional<AbWinner> known = winner(c, winner.testId());
            if (known.isPresent()) {
                return known.get();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + winners
                    + " (test_id, variant, p_value, decided_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, winner.testId());
                ps.setString(2, winner.variant());
                ps.setString(3, winner.pValue());
                ps.setLong(4, micros(at));
                ps.executeUpdate();
                return new AbWinner(winner.testId(), winner.variant(), winner.pValue(), at);
            } catch (SQLException e) {
                Optional<AbWinner> meanwhile = winner(c, winner.testId());
                if (meanwhile.isPresent()) {
                    return meanwhile.get();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<AbWinner> winner(String testId) {
        Objects.requireNonNull(testId, "testId");
        return CampaignSql.work(dataSource, WHAT, c -> winner(c, testId));
    }

    private Optional<AbWinner> winner(Connection c, String testId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT variant, p_value, decided_at FROM " + winners
                + " WHERE test_id = ?")) {
            ps.setString(1, testId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new AbWinner(testId, rs.getString(1), rs.getString(2),
                        instant(rs.getLong(3)))) : Optional.empty();
            }
        }
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
