package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may export the whole store. A full export (every record of every type, the timeline with private items, the
 * shares and the audit trail) is only ever all or nothing: a "full export" cut down to what one user may see would be
 * misleading as a backup or a move to another store, so it is refused unless the actor may export everything: a
 * system process, a user whose role holds {@link Permission#EXPORT} with {@link Scope#EVERYTHING} on every record
 * type, or a user whose role holds {@link AdminPermission#ACCESS} (who may grant themselves that anyway). The
 * refusal names the permission and each record type the role's scope falls short on. Stateless.
 */
public final class ExportAccess {

    /** What a full export is called in decisions: {@code export everything}. */
    public static final String WHAT = "export everything";

    private ExportAccess() {
    }

    /** Whether an actor may export the whole store, explained. */
    public static AccessDecision fullExport(AccessPolicy policy, Actor actor) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(actor, "actor");
        if (actor instanceof Actor.SystemProcess) {
            return new AccessDecision.Allowed(actor, WHAT, List.of(new Grant(Grant.Rule.SYSTEM_ACTOR,
                    actor + " is a system process")));
        }
        Organization org = policy.organization();
        Optional<User> user = org.user(((Actor.Person) actor).user());
        if (user.isEmpty()) {
            return new AccessDecision.Refused(actor, WHAT, "there is no user " + ((Actor.Person) actor).user());
        }
        Role role = org.role(user.get().role()).orElseThrow();
        if (role.admin().contains(AdminPermission.ACCESS)) {
            return new AccessDecision.Allowed(actor, WHAT, List.of(new Grant(Grant.Rule.ADMIN_PERMISSION,
                    "role " + role.id() + " holds " + AdminPermission.ACCESS)));
        }
        List<String> narrower = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            Scope scope = role.scope(type, Permission.EXPORT);
            if (scope != Scope.EVERYTHING) {
                narrower.add(plural(type) + " " + scope);
            }
        }
        if (!narrower.isEmpty()) {
            return new AccessDecision.Refused(actor, WHAT, "a full export needs permission EXPORT with scope "
                    + "EVERYTHING on every record type (or the administrative permission ACCESS), and role "
                    + role.id() + " has EXPORT on " + String.join(", ", narrower));
        }
        return new AccessDecision.Allowed(actor, WHAT, List.of(new Grant(Grant.Rule.EVERYTHING_SCOPE,
                "role " + role.id() + " may export all records of every type")));
    }

    private static String plural(RecordType type) {
        String name = type.name().toLowerCase(Locale.ROOT);
        return name.endsWith("y") ? name.substring(0, name.length() - 1) + "ies" : name + "s";
    }
}
