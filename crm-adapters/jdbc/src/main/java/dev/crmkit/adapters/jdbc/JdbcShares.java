package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.access.Shares;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.kit.archive.ShareKey;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Shares in {@code access_share} (migration V32), one row per record and grantee: kind {@code U} with the user's id or
 * {@code T} with the team's. Thread-safe.
 */
final class JdbcShares implements Shares {

    private final Jdbc jdbc;
    private final String delete;
    private final String insert;

    JdbcShares(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.delete = jdbc.sql("DELETE FROM {access_share} WHERE record_type = ? AND record_id = ? AND grantee_kind = ?"
                + " AND grantee_id = ?");
        this.insert = jdbc.sql("INSERT INTO {access_share} (record_type, record_id, grantee_kind, grantee_id, "
                + "share_level) VALUES (?, ?, ?, ?, ?)");
    }

    @Override
    public void grant(Share share) {
        Objects.requireNonNull(share, "share");
        jdbc.tx.write(c -> {
            jdbc.update(c, delete, share.record().type().name(), share.record().id(), kind(share.grantee()),
                    id(share.grantee()));
            return jdbc.update(c, insert, share.record().type().name(),
                    share.record().id(), kind(share.grantee()), id(share.grantee()), share.level().name());
        });
    }

    @Override
    public boolean revoke(RecordRef record, Grantee grantee) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(grantee, "grantee");
        return jdbc.tx.write(c -> jdbc.update(c, delete, record.type().name(), record.id(), kind(grantee),
                id(grantee)) > 0);
    }

    @Override
    public List<Share> of(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return jdbc.tx.read(c -> jdbc.list(c, jdbc.sql("SELECT grantee_kind, grantee_id, share_level FROM "
                        + "{access_share} WHERE record_type = ? AND record_id = ? "
                        + "ORDER BY grantee_kind DESC, grantee_id"),
                rs -> new Share(record, rs.getString("grantee_kind").equals("U")
                        ? Grantee.user(rs.getString("grantee_id")) : Grantee.team(rs.getString("grantee_id")),
                        ShareLevel.valueOf(rs.getString("share_level"))), record.type().name(), record.id()));
    }

    /** The archive of the shares, keyed by {@link ShareKey}: export and restore only. */
    JdbcArchive<Share> archive() {
        Dialect d = jdbc.dialect;
        String type = d.binaryText("record_type");
        String grantee = d.binaryText("grantee_id");
        return new JdbcArchive<>(jdbc, "share", "SELECT record_type, record_id, grantee_kind, grantee_id, share_level "
                + "FROM {access_share}", "(" + type + " > " + d.binaryText("?") + " OR (record_type = ? AND "
                + "(record_id > ? OR (record_id = ? AND (grantee_kind > ? OR (grantee_kind = ? AND " + grantee + " > "
                + d.binaryText("?") + "))))))", type + ", record_id, grantee_kind, " + grantee,
                "record_type = ? AND record_id = ? AND grantee_kind = ? AND grantee_id = ?",
                rs -> new Share(new RecordRef(RecordType.valueOf(rs.getString("record_type")),
                        d.getUuid(rs, "record_id")), rs.getString("grantee_kind").equals("U")
                        ? Grantee.user(rs.getString("grantee_id")) : Grantee.team(rs.getString("grantee_id")),
                        ShareLevel.valueOf(rs.getString("share_level"))), ShareKey::of,
                k -> {
                    String[] p = ShareKey.parts(k);
                    UUID id = JdbcArchive.uuid(p[1]);
                    return new Object[]{p[0], p[0], id, id, p[2], p[2], p[3]};
                },
                k -> {
                    String[] p = ShareKey.parts(k);
                    return new Object[]{p[0], JdbcArchive.uuid(p[1]), p[2], p[3]};
                }, (c, share) -> grant(share)).restoringAll((c, all) -> jdbc.batch(c, insert, all,
                        share -> new Object[]{share.record().type().name(), share.record().id(), kind(share.grantee()),
                                id(share.grantee()), share.level().name()}));
    }

    /** The grantee kind column's value. */
    static String kind(Grantee grantee) {
        return grantee instanceof Grantee.ToUser ? "U" : "T";
    }

    private static String id(Grantee grantee) {
        return grantee instanceof Grantee.ToUser u ? u.user().value() : ((Grantee.ToTeam) grantee).team().value();
    }
}
