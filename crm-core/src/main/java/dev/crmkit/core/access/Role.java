package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordType;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A role: where a user stands in the reporting hierarchy (a role reports to at most one other; users in a role above
 * see what users in the roles below it own, within their {@link Scope#OWN} scope) and what its users may do: a scope
 * per record type and permission (none unless given), field permissions (edit unless given) and administrative
 * permissions. Immutable and thread-safe; build one with {@link #builder(String, String)}.
 *
 * @param id        the identity
 * @param name      what people call it
 * @param reportsTo the role above it, if any
 * @param scopes    per record type, the scope of each permission it names
 * @param fields    the fields whose access is other than {@link FieldAccess#EDIT}
 * @param admin     its administrative permissions
 */
public record Role(RoleId id, String name, Optional<RoleId> reportsTo, Map<RecordType, Map<Permission, Scope>> scopes,
                   Map<FieldRef, FieldAccess> fields, Set<AdminPermission> admin) {

    /**
     * Copies the maps and validates: a role cannot report to itself, and each field permission names a field of its
     * record type that a role may restrict, hidden only if a record can be shown without it ({@link RecordFields}).
     */
    public Role {
        Objects.requireNonNull(id, "id");
        TeamId.Names.check(Objects.requireNonNull(name, "name"), "name", 200);
        Objects.requireNonNull(reportsTo, "reportsTo");
        Map<RecordType, Map<Permission, Scope>> copy = new EnumMap<>(RecordType.class);
        scopes.forEach((type, byPermission) -> {
            Map<Permission, Scope> inner = new EnumMap<>(Permission.class);
            byPermission.forEach((p, s) -> inner.put(Objects.requireNonNull(p), Objects.requireNonNull(s)));
            copy.put(Objects.requireNonNull(type), java.util.Collections.unmodifiableMap(inner));
        });
        scopes = java.util.Collections.unmodifiableMap(copy);
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        fields.forEach((field, access) -> RecordFields.of(field.type()).check(id, field,
                Objects.requireNonNull(access, "access")));
        admin = admin.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(admin));
        if (reportsTo.filter(id::equals).isPresent()) {
            throw dev.crmkit.core.kernel.ValidationException.of("reportsTo", "acyclic", "role " + id
                    + " cannot report to itself");
        }
    }

    /**
     * The scope of a permission on a record type; {@link Scope#NONE} unless the role names it. Tasks came after the
     * other record types: a role that names no permission at all on {@link RecordType#TASK} (stored before tasks had
     * scopes, or built by a host that does not know them yet) takes its scopes on {@link RecordType#LEAD} for tasks,
     * so upgrading does not lock its users out of their tasks. A role that names any permission on tasks, even
     * {@link Scope#NONE}, gets exactly what it names.
     */
    public Scope scope(RecordType type, Permission permission) {
        Map<Permission, Scope> named = scopes.getOrDefault(type, Map.of());
        if (named.isEmpty() && type == RecordType.TASK) {
            named = scopes.getOrDefault(RecordType.LEAD, Map.of());
        }
        return named.getOrDefault(permission, Scope.NONE);
    }

    /** What the role may do with a field; {@link FieldAccess#EDIT} unless the role names it. */
    public FieldAccess field(FieldRef field) {
        return fields.getOrDefault(field, FieldAccess.EDIT);
    }

    /** Starts a role with an id and a name. */
    public static Builder builder(String id, String name) {
        return new Builder(RoleId.of(id), name);
    }

    /** Builds a {@link Role}. Not thread-safe. */
    public static final class Builder {
        private final RoleId id;
        private final String name;
        private Optional<RoleId> reportsTo = Optional.empty();
        private final Map<RecordType, Map<Permission, Scope>> scopes = new EnumMap<>(RecordType.class);
        private final Map<FieldRef, FieldAccess> fields = new LinkedHashMap<>();
        private final Set<AdminPermission> admin = EnumSet.noneOf(AdminPermission.class);

        private Builder(RoleId id, String name) {
            this.id = id;
            this.name = name;
        }

        /** The role above this one. */
        public Builder reportsTo(String role) {
            this.reportsTo = Optional.of(RoleId.of(role));
            return this;
        }

        /** The scope of some permissions on a record type. */
        public Builder scope(RecordType type, Scope scope, Permission... permissions) {
            for (Permission p : permissions) {
                scopes.computeIfAbsent(type, t -> new EnumMap<>(Permission.class)).put(p, scope);
            }
            return this;
        }

        /** The scope of every permission on every record type. */
        public Builder everywhere(Scope scope) {
            for (RecordType type : RecordType.values()) {
                scope(type, scope, Permission.values());
            }
            return this;
        }

        /** What the role may do with a field. */
        public Builder field(RecordType type, String field, FieldAccess access) {
            fields.put(new FieldRef(type, field), access);
            return this;
        }

        /** Administrative permissions. */
        public Builder admin(AdminPermission... permissions) {
            admin.addAll(java.util.List.of(permissions));
            return this;
        }

        /** The role. */
        public Role build() {
            return new Role(id, name, reportsTo, scopes, fields, admin);
        }
    }
}
