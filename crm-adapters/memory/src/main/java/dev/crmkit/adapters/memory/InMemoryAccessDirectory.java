package dev.crmkit.adapters.memory;

import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.RoleId;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.access.User;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Users, teams, roles and default accesses in memory, undone with the unit of work that saved them. Thread-safe. */
final class InMemoryAccessDirectory implements AccessDirectory {

    private final InMemoryTransactions tx;
    private final Map<TeamId, Team> teams = new TreeMap<>(java.util.Comparator.comparing(TeamId::value));
    private final Map<RoleId, Role> roles = new TreeMap<>(java.util.Comparator.comparing(RoleId::value));
    private final Map<UserId, User> users = new TreeMap<>(java.util.Comparator.comparing(UserId::value));
    private final Map<RecordType, DefaultAccess> defaults = new EnumMap<>(RecordType.class);

    InMemoryAccessDirectory(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Team team) {
        put(teams, Objects.requireNonNull(team, "team").id(), team);
    }

    @Override
    public void save(Role role) {
        put(roles, Objects.requireNonNull(role, "role").id(), role);
    }

    @Override
    public void save(User user) {
        put(users, Objects.requireNonNull(user, "user").id(), user);
    }

    @Override
    public void setDefault(RecordType type, DefaultAccess access) {
        put(defaults, Objects.requireNonNull(type, "type"), Objects.requireNonNull(access, "access"));
    }

    @Override
    public Organization organization() {
        return tx.read(() -> Organization.of(users.values(), teams.values(), roles.values(), defaults));
    }

    private <K, V> void put(Map<K, V> map, K key, V value) {
        tx.run(() -> {
            V before = map.put(key, value);
            tx.onRollback(() -> {
                if (before == null) {
                    map.remove(key);
                } else {
                    map.put(key, before);
                }
            });
        });
    }
}
