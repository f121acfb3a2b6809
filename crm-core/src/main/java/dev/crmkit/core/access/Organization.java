package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The users, teams, roles and per-type default accesses of one CRM, checked as a whole: every team's parent and every
 * user's team and role exist, and neither teams nor roles form a cycle. The {@link AccessPolicy} decides on one such
 * snapshot; {@link AccessDirectory#organization()} loads the stored one. Immutable and thread-safe.
 */
public final class Organization {

    private final Map<UserId, User> users = new LinkedHashMap<>();
    private final Map<TeamId, Team> teams = new LinkedHashMap<>();
    private final Map<RoleId, Role> roles = new LinkedHashMap<>();
    private final Map<RecordType, DefaultAccess> defaults = new EnumMap<>(RecordType.class);

    private Organization(Collection<User> users, Collection<Team> teams, Collection<Role> roles,
                         Map<RecordType, DefaultAccess> defaults) {
        teams.forEach(t -> put(this.teams, t.id(), t, "teams"));
        roles.forEach(r -> put(this.roles, r.id(), r, "roles"));
        users.forEach(u -> put(this.users, u.id(), u, "users"));
        this.defaults.putAll(defaults);
        check();
    }

    /**
     * An organization.
     *
     * @throws ValidationException naming the first dangling reference, duplicate or cycle
     */
    public static Organization of(Collection<User> users, Collection<Team> teams, Collection<Role> roles,
                                  Map<RecordType, DefaultAccess> defaults) {
        return new Organization(users, teams, roles, defaults);
    }

    /** An organization with nobody in it, where every type is private. */
    public static Organization empty() {
        return new Organization(Set.of(), Set.of(), Set.of(), Map.of());
    }

    private static <K, V> void put(Map<K, V> map, K key, V value, String field) {
        if (map.putIfAbsent(key, value) != null) {
            throw ValidationException.of(field, "unique", key + " appears twice");
        }
    }

    private void check() {
        for (Team t : teams.values()) {
            t.parent().filter(p -> !teams.containsKey(p)).ifPresent(p -> {
                throw ValidationException.of("teams.parent", "exists", "team " + t.id() + " is below unknown team "
                        + p);
            });
            requireAcyclic(t.id(), id -> teams.get(id).parent(), "teams.parent", "team");
        }
        for (Role r : roles.values()) {
            r.reportsTo().filter(p -> !roles.containsKey(p)).ifPresent(p -> {
                throw ValidationException.of("roles.reportsTo", "exists", "role " + r.id()
                        + " reports to unknown role " + p);
            });
            requireAcyclic(r.id(), id -> roles.get(id).reportsTo(), "roles.reportsTo", "role");
        }
        for (User u : users.values()) {
            u.team().filter(t -> !teams.containsKey(t)).ifPresent(t -> {
                throw ValidationException.of("users.team", "exists", "user " + u.id() + " is in unknown team " + t);
            });
            if (!roles.containsKey(u.role())) {
                throw ValidationException.of("users.role", "exists", "user " + u.id() + " has unknown role "
                        + u.role());
            }
        }
    }

    private static <K> void requireAcyclic(K start, java.util.function.Function<K, Optional<K>> up, String field,
                                           String noun) {
        Set<K> seen = new HashSet<>();
        Optional<K> at = Optional.of(start);
        while (at.isPresent()) {
            if (!seen.add(at.get())) {
                throw ValidationException.of(field, "acyclic", noun + " " + start + " is in a cycle");
            }
            at = up.apply(at.get());
        }
    }

    /** A user. */
    public Optional<User> user(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    /** A team. */
    public Optional<Team> team(TeamId id) {
        return Optional.ofNullable(teams.get(id));
    }

    /** A role. */
    public Optional<Role> role(RoleId id) {
        return Optional.ofNullable(roles.get(id));
    }

    /** Every user, in the order given. */
    public Collection<User> users() {
        return java.util.Collections.unmodifiableCollection(users.values());
    }

    /** Every team, in the order given. */
    public Collection<Team> teams() {
        return java.util.Collections.unmodifiableCollection(teams.values());
    }

    /** Every role, in the order given. */
    public Collection<Role> roles() {
        return java.util.Collections.unmodifiableCollection(roles.values());
    }

    /** The default access of a record type; {@link DefaultAccess#PRIVATE} unless set. */
    public DefaultAccess defaultAccess(RecordType type) {
        return defaults.getOrDefault(type, DefaultAccess.PRIVATE);
    }

    /** The default accesses that were set. */
    public Map<RecordType, DefaultAccess> defaults() {
        return java.util.Collections.unmodifiableMap(defaults);
    }

    /** A team and every team below it, at any depth. */
    public Set<TeamId> teamAndBelow(TeamId top) {
        Set<TeamId> out = new LinkedHashSet<>();
        out.add(top);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Team t : teams.values()) {
                if (t.parent().filter(out::contains).isPresent() && out.add(t.id())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    /** A team and every team above it. */
    public Set<TeamId> teamAndAbove(TeamId bottom) {
        Set<TeamId> out = new LinkedHashSet<>();
        Optional<TeamId> at = Optional.of(bottom);
        while (at.isPresent() && out.add(at.get())) {
            at = team(at.get()).flatMap(Team::parent);
        }
        return out;
    }

    /** Whether role {@code lower} reports to role {@code upper}, directly or through others (not itself). */
    public boolean reportsTo(RoleId lower, RoleId upper) {
        Optional<RoleId> at = role(lower).flatMap(Role::reportsTo);
        while (at.isPresent()) {
            if (at.get().equals(upper)) {
                return true;
            }
            at = role(at.get()).flatMap(Role::reportsTo);
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Organization other && users.equals(other.users) && teams.equals(other.teams)
                && roles.equals(other.roles) && defaults.equals(other.defaults);
    }

    @Override
    public int hashCode() {
        return Objects.hash(users, teams, roles, defaults);
    }

    @Override
    public String toString() {
        return "Organization[" + users.size() + " users, " + teams.size() + " teams, " + roles.size() + " roles]";
    }
}
