package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.FieldRef;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.RoleId;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.access.User;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Users, teams, roles and default accesses in the {@code access_*} tables (migration V32). A save deletes the row of
 * its id (and a role's grant rows) and inserts it anew, in one unit of work. Thread-safe.
 */
final class JdbcAccessDirectory implements AccessDirectory {

    private static final String NO_TYPE = "";

    private final Jdbc jdbc;

    JdbcAccessDirectory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Team team) {
        Objects.requireNonNull(team, "team");
        jdbc.tx.write(c -> {
            jdbc.update(c, jdbc.sql("DELETE FROM {access_team} WHERE id = ?"), team.id().value());
            return jdbc.update(c, jdbc.sql("INSERT INTO {access_team} (id, name, parent_id) VALUES (?, ?, ?)"),
                    team.id().value(), team.name(), Jdbc.text(team.parent().map(TeamId::value)));
        });
    }

    @Override
    public void save(Role role) {
        Objects.requireNonNull(role, "role");
        jdbc.tx.write(c -> {
            String id = role.id().value();
            jdbc.update(c, jdbc.sql("DELETE FROM {access_role_grant} WHERE role_id = ?"), id);
            jdbc.update(c, jdbc.sql("DELETE FROM {access_role} WHERE id = ?"), id);
            jdbc.update(c, jdbc.sql("INSERT INTO {access_role} (id, name, reports_to) VALUES (?, ?, ?)"), id,
                    role.name(), Jdbc.text(role.reportsTo().map(RoleId::value)));
            String grant = jdbc.sql("INSERT INTO {access_role_grant} (role_id, kind, record_type, name, grant_value) "
                    + "VALUES (?, ?, ?, ?, ?)");
            for (Map.Entry<RecordType, Map<Permission, Scope>> byType : role.scopes().entrySet()) {
                for (Map.Entry<Permission, Scope> e : byType.getValue().entrySet()) {
                    jdbc.update(c, grant, id, "SCOPE", byType.getKey().name(), e.getKey().name(), e.getValue().name());
                }
            }
            for (Map.Entry<FieldRef, FieldAccess> e : role.fields().entrySet()) {
                jdbc.update(c, grant, id, "FIELD", e.getKey().type().name(), e.getKey().field(), e.getValue().name());
            }
            for (AdminPermission a : role.admin()) {
                jdbc.update(c, grant, id, "ADMIN", NO_TYPE, a.name(), "GRANTED");
            }
            return null;
        });
    }

    @Override
    public void save(User user) {
        Objects.requireNonNull(user, "user");
        jdbc.tx.write(c -> {
            jdbc.update(c, jdbc.sql("DELETE FROM {access_user} WHERE id = ?"), user.id().value());
            return jdbc.update(c, jdbc.sql("INSERT INTO {access_user} (id, name, email, team_id, role_id) "
                            + "VALUES (?, ?, ?, ?, ?)"), user.id().value(), user.name(), Jdbc.text(user.email()),
                    Jdbc.text(user.team().map(TeamId::value)), user.role().value());
        });
    }

    @Override
    public void setDefault(RecordType type, DefaultAccess access) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
        jdbc.tx.write(c -> {
            jdbc.update(c, jdbc.sql("DELETE FROM {access_default} WHERE record_type = ?"), type.name());
            return jdbc.update(c, jdbc.sql("INSERT INTO {access_default} (record_type, default_access) VALUES (?, ?)"),
                    type.name(), access.name());
        });
    }

    @Override
    public Organization organization() {
        return jdbc.tx.read(c -> Organization.of(users(c), teams(c), roles(c), defaults(c)));
    }

    private List<Team> teams(Connection c) throws SQLException {
        return jdbc.list(c, jdbc.sql("SELECT id, name, parent_id FROM {access_team} ORDER BY id"),
                rs -> new Team(TeamId.of(rs.getString("id")), rs.getString("name"),
                        Optional.ofNullable(rs.getString("parent_id")).map(TeamId::of)));
    }

    private List<User> users(Connection c) throws SQLException {
        return jdbc.list(c, jdbc.sql("SELECT id, name, email, team_id, role_id FROM {access_user} ORDER BY id"),
                rs -> new User(UserId.of(rs.getString("id")), rs.getString("name"),
                        Optional.ofNullable(rs.getString("email")),
                        Optional.ofNullable(rs.getString("team_id")).map(TeamId::of),
                        RoleId.of(rs.getString("role_id"))));
    }

    private Map<RecordType, DefaultAccess> defaults(Connection c) throws SQLException {
        Map<RecordType, DefaultAccess> out = new EnumMap<>(RecordType.class);
        jdbc.list(c, jdbc.sql("SELECT record_type, default_access FROM {access_default}"), rs -> out.put(
                RecordType.valueOf(rs.getString("record_type")),
                DefaultAccess.valueOf(rs.getString("default_access"))));
        return out;
    }

    private List<Role> roles(Connection c) throws SQLException {
        Map<String, Map<RecordType, Map<Permission, Scope>>> scopes = new HashMap<>();
        Map<String, Map<FieldRef, FieldAccess>> fields = new HashMap<>();
        Map<String, Set<AdminPermission>> admin = new HashMap<>();
        jdbc.list(c, jdbc.sql("SELECT role_id, kind, record_type, name, grant_value FROM {access_role_grant} "
                + "ORDER BY role_id, kind, record_type, name"), rs -> {
            String role = rs.getString("role_id");
            String kind = rs.getString("kind");
            String name = rs.getString("name");
            String value = rs.getString("grant_value");
            if (kind.equals("ADMIN")) {
                admin.computeIfAbsent(role, r -> EnumSet.noneOf(AdminPermission.class))
                        .add(AdminPermission.valueOf(name));
                return null;
            }
            RecordType type = RecordType.valueOf(rs.getString("record_type"));
            if (kind.equals("SCOPE")) {
                scopes.computeIfAbsent(role, r -> new EnumMap<>(RecordType.class))
                        .computeIfAbsent(type, t -> new EnumMap<>(Permission.class))
                        .put(Permission.valueOf(name), Scope.valueOf(value));
            } else {
                fields.computeIfAbsent(role, r -> new LinkedHashMap<>())
                        .put(new FieldRef(type, name), FieldAccess.valueOf(value));
            }
            return null;
        });
        List<Role> out = new ArrayList<>();
        for (String[] row : jdbc.list(c, jdbc.sql("SELECT id, name, reports_to FROM {access_role} ORDER BY id"),
                rs -> new String[]{rs.getString("id"), rs.getString("name"), rs.getString("reports_to")})) {
            out.add(new Role(RoleId.of(row[0]), row[1], Optional.ofNullable(row[2]).map(RoleId::of),
                    scopes.getOrDefault(row[0], Map.of()), fields.getOrDefault(row[0], Map.of()),
                    admin.getOrDefault(row[0], Set.of())));
        }
        return out;
    }
}
