package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.cap.CapCheck;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.message.MessageKind;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger of due campaign messages in {@code <prefix>campaign_message} (migration V28), shared by every node on
 * the database. A claim is a conditional update per candidate row ({@code ... WHERE lease_until IS NULL OR
 * lease_until < now}): of two nodes updating one row, the database lets the second see the first's lease and update
 * nothing, so one node holds a message at a time. {@link #admit} holds the contact's row in
 * {@code <prefix>campaign_cap_lock} (V44; {@code SELECT ... FOR UPDATE}) while it reads the contact's cap days and
 * records one, so nodes admit one at a time per contact. Instants are kept as epoch milliseconds, days as epoch days.
 * Needs crm-campaigns on the class path (an optional dependency of this module). Thread-safe.
 */
public final class JdbcCampaignMessages implements CampaignMessages {

    private static final String COLUMNS = "msg_key, contact_id, campaign, step, occurrence, send_on, valid_until, "
            + "kind, claimed_by, lease_until, claims, done_at, outcome";

    private static final String WHAT = "the campaign message ledger";
    private static final String[] CONTACT = {"contact_id"};

    private final DataSource dataSource;
    private final String table;
    private final String capLock;

    /** The ledger in the database of the data source, tables with the default prefix {@code crm_}. */
    public JdbcCampaignMessages(DataSource dataSource) {
        this(dataSource, Tables.DEFAULT_PREFIX);
    }

    /**
     * The ledger with a table prefix, as given to {@link CrmSchema#migrate}.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 30 lower-case letters, digits and underscores
     */
    public JdbcCampaignMessages(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Tables.checkPrefix(tablePrefix) + "campaign_message";
        this.capLock = tablePrefix + "campaign_cap_lock";
    }

    @Override
    public boolean schedule(DueMessage m) {
        Objects.requireNonNull(m, "message");
        return work(c -> {
            if (find(c, m.key()).isPresent()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 0, NULL, NULL)")) {
                ps.setString(1, m.key());
                ps.setString(2, m.contactId());
                ps.setString(3, m.campaign());
                ps.setInt(4, m.step());
                ps.setString(5, m.occurrence());
                ps.setInt(6, Math.toIntExact(m.sendOn().toEpochDay()));
                ps.setInt(7, Math.toIntExact(m.validUntil().toEpochDay()));
                ps.setString(8, m.kind().name());
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (find(c, m.key()).isPresent()) {
                    return false; // another node recorded it between the look and the insert
                }
                throw e;
            }
        });
    }

    @Override
    public List<DueMessage> claim(String node, LocalDate day, Instant now, Duration lease, int max) {
        Objects.requireNonNull(node, "node");
        long nowMillis = now.toEpochMilli();
        long until = now.plus(lease).toEpochMilli();
        int epochDay = Math.toIntExact(day.toEpochDay());
        return work(c -> {
            List<DueMessage> claimed = new ArrayList<>();
            while (claimed.size() < max) {
                List<DueMessage> candidates = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                        + " WHERE done_at IS NULL AND send_on <= ? AND valid_until >= ?"
                        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY send_on, msg_key LIMIT ?")) {
                    ps.setInt(1, epochDay);
                    ps.setInt(2, epochDay);
                    ps.setLong(3, nowMillis);
                    ps.setInt(4, max - claimed.size());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            candidates.add(state(rs).message());
                        }
                    }
                }
                if (candidates.isEmpty()) {
                    break;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET claimed_by = ?, "
                        + "lease_until = ?, claims = claims + 1 WHERE msg_key = ? AND done_at IS NULL"
                        + " AND (lease_until IS NULL OR lease_until < ?)")) {
                    for (DueMessage m : candidates) {
                        ps.setString(1, node);
                        ps.setLong(2, until);
                        ps.setString(3, m.key());
                        ps.setLong(4, nowMillis);
                        if (ps.executeUpdate() == 1) {
                            claimed.add(m);
                        }
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean markDone(String key, String node, String outcome, Instant at) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET done_at = ?, outcome = ? "
                    + "WHERE msg_key = ? AND claimed_by = ? AND done_at IS NULL")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome);
                ps.setString(3, key);
                ps.setString(4, node);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean release(String key, String node) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(node, "node");
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET lease_until = NULL "
                    + "WHERE msg_key = ? AND claimed_by = ? AND done_at IS NULL")) {
                ps.setString(1, key);
                ps.setString(2, node);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public CapCheck admit(DueMessage m, LocalDate day, FrequencyCaps caps) {
        Objects.requireNonNull(m, "message");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(caps, "caps");
        if (m.kind() == MessageKind.TRANSACTIONAL) {
            return caps.check(List.of(), day, m.kind());
        }
        work(c -> {
            CampaignSql.ensureLockRow(c, capLock, CONTACT, m.contactId());
            return null;
        });
        return CampaignSql.inTransaction(dataSource, WHAT, c -> admit(c, m, day, caps));
    }

    private CapCheck admit(Connection c, DueMessage m, LocalDate day, FrequencyCaps caps) throws SQLException {
        CampaignSql.lock(c, capLock, CONTACT, m.contactId());
        // read committed: a read after the lock sees every cap day committed before it, and locks nothing more (a
        // locking read here would take gap locks on MariaDB that block other nodes' inserts)
        List<LocalDate> admitted = new ArrayList<>();
        boolean recorded = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT msg_key, cap_day FROM " + table
                + " WHERE contact_id = ?")) {
            ps.setString(1, m.contactId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean self = rs.getString(1).equals(m.key());
                    recorded |= self;
                    int capDay = rs.getInt(2);
                    if (!rs.wasNull() && !self) {
                        admitted.add(LocalDate.ofEpochDay(capDay));
                    }
                }
            }
        }
        if (!recorded) {
            throw new IllegalArgumentException("message " + m.key() + " is not in the ledger");
        }
        CapCheck check = caps.check(admitted, day, m.kind());
        if (check.admitted()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET cap_day = ? WHERE msg_key = ?")) {
                ps.setInt(1, Math.toIntExact(day.toEpochDay()));
                ps.setString(2, m.key());
                ps.executeUpdate();
            }
        }
        return check;
    }

    @Override
    public Optional<MessageState> find(String key) {
        Objects.requireNonNull(key, "key");
        return work(c -> find(c, key));
    }

    private Optional<MessageState> find(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE msg_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(state(rs)) : Optional.empty();
            }
        }
    }

    static MessageState state(ResultSet rs) throws SQLException {
        DueMessage m = new DueMessage(rs.getString("contact_id"), rs.getString("campaign"), rs.getInt("step"),
                rs.getString("occurrence"), LocalDate.ofEpochDay(rs.getInt("send_on")),
                LocalDate.ofEpochDay(rs.getInt("valid_until")), MessageKind.valueOf(rs.getString("kind")));
        long lease = rs.getLong("lease_until");
        Optional<Instant> leaseUntil = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lease));
        String claimedBy = rs.getString("claimed_by");
        int claims = rs.getInt("claims");
        long done = rs.getLong("done_at");
        Optional<Instant> doneAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(done));
        return new MessageState(m, Optional.ofNullable(claimedBy), leaseUntil, claims, doneAt,
                Optional.ofNullable(rs.getString("outcome")));
    }

    private <T> T work(CampaignSql.SqlCall<T> call) {
        return CampaignSql.work(dataSource, WHAT, call);
    }
}
