package dev.crmkit.core.access;

import dev.crmkit.core.kernel.UserId;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The policy for one actor, one record type and one permission as a predicate over what a store holds of a record:
 * its owner and its shares. A store query applies it (the in-memory store with {@link #allows}, the JDBC store as a
 * WHERE fragment), so a list holds exactly the records that {@link AccessPolicy#decide} allows. Immutable and
 * thread-safe; {@link AccessPolicy#filter} makes one.
 *
 * @param everything  whether every record passes
 * @param owners      the owners whose records pass
 * @param shareUser   the user a share must name to pass, if shares count
 * @param shareTeams  the teams a share may name to pass (the actor's team and the teams above it)
 * @param shareLevels the share levels that grant the permission; empty if shares do not count
 */
public record AccessFilter(boolean everything, Set<UserId> owners, Optional<UserId> shareUser, Set<TeamId> shareTeams,
                           Set<ShareLevel> shareLevels) {

    /** Copies the sets. */
    public AccessFilter {
        owners = Set.copyOf(owners);
        Objects.requireNonNull(shareUser, "shareUser");
        shareTeams = Set.copyOf(shareTeams);
        shareLevels = shareLevels.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(shareLevels));
    }

    /** The filter that lets every record through. */
    public static AccessFilter all() {
        return new AccessFilter(true, Set.of(), Optional.empty(), Set.of(), Set.of());
    }

    /** The filter that lets nothing through. */
    public static AccessFilter none() {
        return new AccessFilter(false, Set.of(), Optional.empty(), Set.of(), Set.of());
    }

    /** Whether nothing can pass. */
    public boolean nothing() {
        return !everything && owners.isEmpty()
                && (shareLevels.isEmpty() || shareUser.isEmpty() && shareTeams.isEmpty());
    }

    /** Whether a record with this owner and these shares passes. */
    public boolean allows(Optional<UserId> owner, Collection<Share> shares) {
        if (everything || owner.filter(owners::contains).isPresent()) {
            return true;
        }
        for (Share s : shares) {
            if (shareLevels.contains(s.level()) && grantee(s.grantee())) {
                return true;
            }
        }
        return false;
    }

    private boolean grantee(Grantee grantee) {
        if (grantee instanceof Grantee.ToUser u) {
            return shareUser.filter(u.user()::equals).isPresent();
        }
        return shareTeams.contains(((Grantee.ToTeam) grantee).team());
    }
}
