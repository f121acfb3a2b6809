package dev.crmkit.kit.archive;

import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Share;

import java.util.Objects;

/**
 * The archive key of a {@link Share}: {@code <record type>/<record id>/<U or T>/<grantee id>}, U for a user and T for
 * a team. Ordered by {@link Archive#compareKeys}, keys sort as the columns record type, record id, grantee kind and
 * grantee id do (record types are upper-case names and sort before any longer name they begin, as {@code '/'} sorts
 * before letters and {@code '_'}; the id, of any text, comes last).
 */
public final class ShareKey {

    private ShareKey() {
    }

    /** The key of a share. */
    public static String of(Share share) {
        Objects.requireNonNull(share, "share");
        return share.record().type().name() + "/" + share.record().id() + "/" + kind(share.grantee()) + "/"
                + granteeId(share.grantee());
    }

    /** {@code U} for a user, {@code T} for a team. */
    public static String kind(Grantee grantee) {
        return grantee instanceof Grantee.ToUser ? "U" : "T";
    }

    /** The id of the user or team. */
    public static String granteeId(Grantee grantee) {
        return grantee instanceof Grantee.ToUser u ? u.user().value() : ((Grantee.ToTeam) grantee).team().value();
    }

    /**
     * The four parts of a key: record type, record id, grantee kind, grantee id.
     *
     * @throws IllegalArgumentException if it is not a share key
     */
    public static String[] parts(String key) {
        String[] parts = Objects.requireNonNull(key, "key").split("/", 4);
        if (parts.length != 4 || !(parts[2].equals("U") || parts[2].equals("T"))) {
            throw new IllegalArgumentException("not an archive key of a share: '" + key + "'");
        }
        return parts;
    }
}
