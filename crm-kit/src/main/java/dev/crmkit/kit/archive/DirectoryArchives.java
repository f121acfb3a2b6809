package dev.crmkit.kit.archive;

import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.FieldRef;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.User;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The archives of an {@link AccessDirectory}'s teams, roles, users and default accesses, built on the directory's
 * own port, so they work for every store that keeps one. An organization is small (it is read whole by
 * {@link AccessDirectory#organization()} on every access decision), so a page is cut from that snapshot.
 *
 * <p>Teams and roles are exported with their depth ({@link TeamEntry}, {@link RoleEntry}) and keyed by it, so a
 * restore in key order stores the teams above a team (the roles a role reports to) first and the directory, which
 * refuses to read an organization with a dangling reference, stays readable throughout. Users are keyed by id,
 * defaults by the record type's name. A role's field permissions are given in the order of their text, the same
 * from every store.
 */
public final class DirectoryArchives {

    private static final int DEPTH_DIGITS = 10;

    private DirectoryArchives() {
    }

    /** The teams with their depth, parents first. */
    public static Archive<TeamEntry> teams(AccessDirectory directory) {
        return new Snapshot<>(directory, org -> org.teams().stream().map(t -> new TeamEntry(
                depth(t.id(), id -> org.team(id).flatMap(Team::parent)), t)).toList(),
                TeamEntry::key, (d, e) -> d.save(e.team()), Function.identity());
    }

    /** The roles with their depth, the roles they report to first, field permissions in a fixed order. */
    public static Archive<RoleEntry> roles(AccessDirectory directory) {
        return new Snapshot<>(directory, org -> org.roles().stream().map(r -> new RoleEntry(
                depth(r.id(), id -> org.role(id).flatMap(Role::reportsTo)), r)).toList(),
                RoleEntry::key, (d, e) -> d.save(e.role()), e -> new RoleEntry(e.depth(), fieldsInOrder(e.role())));
    }

    /** The users, keyed by id. */
    public static Archive<User> users(AccessDirectory directory) {
        return new Snapshot<>(directory, Organization::users, user -> user.id().value(),
                (d, user) -> d.save(user), Function.identity());
    }

    /** The default accesses set, keyed by the record type's name. */
    public static Archive<AccessDefault> defaults(AccessDirectory directory) {
        return new Snapshot<>(directory, org -> org.defaults().entrySet().stream()
                .map(e -> new AccessDefault(e.getKey(), e.getValue())).toList(),
                d -> d.type().name(), (d, def) -> d.setDefault(def.type(), def.access()), Function.identity());
    }

    /** The key of a team or role entry: the depth padded to 10 digits, a slash, the id. */
    static String depthKey(int depth, String id) {
        String digits = Integer.toString(depth);
        return "0".repeat(Math.max(0, DEPTH_DIGITS - digits.length())) + digits + "/" + id;
    }

    private static <I> int depth(I id, Function<I, Optional<I>> up) {
        int depth = 0;
        Optional<I> above = up.apply(id);
        while (above.isPresent()) {
            depth++;
            above = up.apply(above.get());
        }
        return depth;
    }

    private static Role fieldsInOrder(Role role) {
        Map<FieldRef, FieldAccess> sorted = new LinkedHashMap<>();
        role.fields().entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().toString(),
                Archive::compareKeys)).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Role(role.id(), role.name(), role.reportsTo(), role.scopes(), sorted, role.admin());
    }

    /** One kind of directory entry, paged from a snapshot of the organization. */
    private static final class Snapshot<T> implements Archive<T> {
        private final AccessDirectory directory;
        private final Function<Organization, Collection<T>> entries;
        private final Function<T, String> keyOf;
        private final BiConsumer<AccessDirectory, T> save;
        private final Function<T, T> normal;

        Snapshot(AccessDirectory directory, Function<Organization, Collection<T>> entries, Function<T, String> keyOf,
                 BiConsumer<AccessDirectory, T> save, Function<T, T> normal) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.entries = entries;
            this.keyOf = keyOf;
            this.save = save;
            this.normal = normal;
        }

        @Override
        public List<T> after(Optional<String> after, int limit) {
            Archive.checkLimit(limit);
            Organization org = directory.organization();
            List<Map.Entry<String, T>> keyed = new ArrayList<>();
            for (T entry : entries.apply(org)) {
                String key = keyOf.apply(entry);
                if (after.isEmpty() || Archive.compareKeys(key, after.get()) > 0) {
                    keyed.add(Map.entry(key, normal.apply(entry)));
                }
            }
            keyed.sort((a, b) -> Archive.compareKeys(a.getKey(), b.getKey()));
            return keyed.stream().limit(limit).map(Map.Entry::getValue).toList();
        }

        @Override
        public String key(T record) {
            return keyOf.apply(record);
        }

        @Override
        public boolean contains(String key) {
            return entries.apply(directory.organization()).stream().anyMatch(e -> keyOf.apply(e).equals(key));
        }

        @Override
        public void restore(T record) {
            save.accept(directory, Objects.requireNonNull(record, "record"));
        }
    }
}
