package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * Keys the participants (V54, {@code activity_participant}) of the private activities written before the table was:
 * the participants are a JSON array, which not every dialect can take apart in SQL, so {@link CrmSchema#migrate}
 * runs this after the scripts (the keys of {@link dev.crmkit.core.access.PrivateItems}). Rows whose
 * {@code participants_keyed} is still false are read in batches of {@value #BATCH} and keyed in one transaction per
 * batch, as {@link JdbcActivities#participantKeys} keys a new one;
 * a public row found unkeyed (written by code that left the column at its default) is only marked. Once every row is
 * marked, it is one index lookup that finds none. Safe from several nodes at once: a row is marked before its keys
 * are written, only the node whose update marked it writes them, and it writes them from the participants read again
 * under that row lock (never from the batch's first read, which an erasure may have overtaken); rows are marked in
 * id order, so two nodes filling at once queue instead of deadlocking.
 */
final class ParticipantKeyFill {

    private static final int BATCH = 1_000;

    private ParticipantKeyFill() {
    }

    /**
     * The next batch of activities still to be keyed, ids only, in id order (on PostgreSQL read from the partial
     * index of V88).
     */
    static String unkeyedSelect(Tables tables) {
        return tables.sql("SELECT id FROM {activity} WHERE participants_keyed = FALSE ORDER BY id LIMIT " + BATCH);
    }

    /** Keys every private activity not keyed yet; returns how many were keyed. */
    static int fill(DataSource dataSource, Dialect dialect, String prefix) {
        Tables tables = new Tables(prefix);
        JsonCodec json = new JsonCodec();
        // ids only, in id order: every node marks (locks) rows in the same order, so two fills never deadlock
        String select = unkeyedSelect(tables);
        String reread = tables.sql("SELECT visibility, participants FROM {activity} WHERE id = ?");
        String insert = tables.sql("INSERT INTO {activity_participant} (activity_id, match_kind, participant) "
                + "VALUES (?, ?, ?)");
        String mark = tables.sql("UPDATE {activity} SET participants_keyed = TRUE WHERE id = ? "
                + "AND participants_keyed = FALSE");
        // marked first (the claim): the row stays locked until its batch commits, and a node that marked it
        // before (updated 0 rows) has written its keys, so each row's keys are written once
        return NameKeyFill.claimEach(dataSource, dialect, select, "id", mark,
                "could not key the participants of the private activities", (c, id) -> {
                    // read under the row lock the mark took: an erasure that blanked the participants after the
                    // batch was selected is seen, so an erased e-mail is never keyed again
                    List<String> participants = List.of();
                    try (PreparedStatement ps = c.prepareStatement(reread)) {
                        dialect.setUuid(ps, 1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            // a public item needs no keys (whoever may view its record sees it): it is only marked
                            if (rs.next() && "PRIVATE".equals(rs.getString("visibility"))) {
                                participants = json.strings(dialect.getJson(rs, "participants"));
                            }
                        }
                    }
                    for (String[] key : JdbcActivities.participantKeys(participants)) {
                        try (PreparedStatement ps = c.prepareStatement(insert)) {
                            dialect.setUuid(ps, 1, id);
                            ps.setString(2, key[0]);
                            ps.setString(3, key[1]);
                            ps.executeUpdate();
                        }
                    }
                });
    }
}
