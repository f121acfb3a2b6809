package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.sequence.Enrolling;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.sequence.EnrollmentStatus;
import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.sequence.Sequence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sequences' enrollments in {@code <prefix>campaign_enrollment} (migration V43), shared by every node on the
 * database. Enrolling holds the contact's row for the sequence in {@code <prefix>campaign_enrollment_lock} while it
 * reads the earlier enrollments, checks the re-entry rule and inserts, so nodes enroll one at a time per contact and
 * sequence; an update is conditional on every column of the state it started from. A claim (V60) is a conditional
 * update per candidate row that sets {@code claimed_by} and {@code lease_until} only while no live lease holds it,
 * so of two nodes claiming one row the second updates nothing; an advance is conditional on the state and on the
 * node's claim and clears the claim. Instants are kept as epoch microseconds, leases as epoch milliseconds. Needs
 * crm-campaigns on the class path (an optional dependency of this module). Thread-safe.
 */
public final class JdbcEnrollments implements Enrollments {

    private static final String WHAT = "the sequence enrollments";
    private static final String[] KEY = {"contact_id", "sequence_name"};
    private static final String COLUMNS = "contact_id, sequence_name, enrolled_at, step, next_at, status, end_reason";

    private final DataSource dataSource;
    private final String table;
    private final String lockTable;

    /**
     * The enrollments with a table prefix, as given to {@link CrmSchema#migrate}.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 30 lower-case letters, digits and underscores
     */
    public JdbcEnrollments(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Tables.checkPrefix(tablePrefix) + "campaign_enrollment";
        this.lockTable = tablePrefix + "campaign_enrollment_lock";
    }

    @Override
    public Enrolling enroll(Sequence sequence, String contactId, Instant at) {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(contactId, "contactId");
        Instant start = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        CampaignSql.work(dataSource, WHAT, c -> {
            CampaignSql.ensureLockRow(c, lockTable, KEY, contactId, sequence.name());
            return null;
        });
        return CampaignSql.inTransaction(dataSource, WHAT, c -> {
            CampaignSql.lock(c, lockTable, KEY, contactId, sequence.name());
            List<Enrollment> earlier = of(c, contactId, sequence.name());
            Enrolling outcome = sequence.enroll(contactId, start, earlier);
            if (outcome instanceof Enrolling.Enrolled enrolled) {
                if (earlier.stream().anyMatch(e -> e.enrolledAt().equals(start))) {
                    return new Enrolling.Refused(contactId, sequence.name(), "already enrolled at " + start);
                }
                insert(c, enrolled.enrollment());
            }
            return outcome;
        });
    }

    private void insert(Connection c, Enrollment e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.contactId());
            ps.setString(2, e.sequence());
            ps.setLong(3, micros(e.enrolledAt()));
            ps.setInt(4, e.step());
            ps.setLong(5, micros(e.nextAt()));
            ps.setString(6, e.status().name());
            ps.setString(7, e.endReason());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Enrollment> of(String contactId, String sequence) {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(sequence, "sequence");
        return CampaignSql.work(dataSource, WHAT, c -> of(c, contactId, sequence));
    }

    private List<Enrollment> of(Connection c, String contactId, String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE contact_id = ? AND sequence_name = ? ORDER BY enrolled_at")) {
            ps.setString(1, contactId);
            ps.setString(2, sequence);
            return read(ps);
        }
    }

    @Override
    public List<Enrollment> due(String sequence, Instant now, int max) {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(now, "now");
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE sequence_name = ? AND status = ? AND next_at <= ?"
                    + " ORDER BY next_at, contact_id, enrolled_at LIMIT ?")) {
                ps.setString(1, sequence);
                ps.setString(2, EnrollmentStatus.ACTIVE.name());
                ps.setLong(3, micros(now));
                ps.setInt(4, Math.max(max, 0));
                return read(ps);
            }
        });
    }

    @Override
    public boolean update(Enrollment before, Enrollment after) {
        Enrollments.checkSameEnrollment(before, after);
        return replace(before, after, null);
    }

    /**
     * Records {@code after} over {@code before}, conditional on every column of {@code before}; with a node, also on
     * the node's claim, which it clears.
     */
    private boolean replace(Enrollment before, Enrollment after, String node) {
        String claim = node == null ? "" : ", claimed_by = NULL, lease_until = NULL";
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET step = ?, next_at = ?,"
                    + " status = ?, end_reason = ?" + claim + " WHERE contact_id = ? AND sequence_name = ?"
                    + " AND enrolled_at = ? AND step = ? AND next_at = ? AND status = ? AND end_reason = ?"
                    + (node == null ? "" : " AND claimed_by = ?"))) {
                ps.setInt(1, after.step());
                ps.setLong(2, micros(after.nextAt()));
                ps.setString(3, after.status().name());
                ps.setString(4, after.endReason());
                ps.setString(5, before.contactId());
                ps.setString(6, before.sequence());
                ps.setLong(7, micros(before.enrolledAt()));
                ps.setInt(8, before.step());
                ps.setLong(9, micros(before.nextAt()));
                ps.setString(10, before.status().name());
                ps.setString(11, before.endReason());
                if (node != null) {
                    ps.setString(12, node);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Enrollment> claimDue(String sequence, String node, Instant now, Duration lease, int max) {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(node, "node");
        long nowMillis = now.toEpochMilli();
        long until = now.plus(lease).toEpochMilli();
        return CampaignSql.work(dataSource, WHAT, c -> {
            List<Enrollment> claimed = new ArrayList<>();
            while (claimed.size() < max) {
                List<Enrollment> candidates;
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                        + " WHERE sequence_name = ? AND status = ? AND next_at <= ?"
                        + " AND (lease_until IS NULL OR lease_until < ?)"
                        + " ORDER BY next_at, contact_id, enrolled_at LIMIT ?")) {
                    ps.setString(1, sequence);
                    ps.setString(2, EnrollmentStatus.ACTIVE.name());
                    ps.setLong(3, micros(now));
                    ps.setLong(4, nowMillis);
                    ps.setInt(5, max - claimed.size());
                    candidates = read(ps);
                }
                if (candidates.isEmpty()) {
                    break;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET claimed_by = ?,"
                        + " lease_until = ? WHERE contact_id = ? AND sequence_name = ? AND enrolled_at = ?"
                        + " AND step = ? AND next_at = ? AND status = ?"
                        + " AND (lease_until IS NULL OR lease_until < ?)")) {
                    for (Enrollment e : candidates) {
                        ps.setString(1, node);
                        ps.setLong(2, until);
                        ps.setString(3, e.contactId());
                        ps.setString(4, e.sequence());
                        ps.setLong(5, micros(e.enrolledAt()));
                        ps.setInt(6, e.step());
                        ps.setLong(7, micros(e.nextAt()));
                        ps.setString(8, EnrollmentStatus.ACTIVE.name());
                        ps.setLong(9, nowMillis);
                        if (ps.executeUpdate() == 1) {
                            claimed.add(e);
                        }
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean advance(Enrollment before, Enrollment after, String node) {
        Enrollments.checkSameEnrollment(before, after);
        return replace(before, after, Objects.requireNonNull(node, "node"));
    }

    @Override
    public boolean release(Enrollment enrollment, String node) {
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(node, "node");
        return CampaignSql.work(dataSource, WHAT, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET claimed_by = NULL,"
                    + " lease_until = NULL WHERE contact_id = ? AND sequence_name = ? AND enrolled_at = ?"
                    + " AND claimed_by = ?")) {
                ps.setString(1, enrollment.contactId());
                ps.setString(2, enrollment.sequence());
                ps.setLong(3, micros(enrollment.enrolledAt()));
                ps.setString(4, node);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<Enrollment> read(PreparedStatement ps) throws SQLException {
        List<Enrollment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Enrollment(rs.getString("contact_id"), rs.getString("sequence_name"),
                        instant(rs.getLong("enrolled_at")), rs.getInt("step"), instant(rs.getLong("next_at")),
                        EnrollmentStatus.valueOf(rs.getString("status")), rs.getString("end_reason")));
            }
        }
        return out;
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
