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
 * refusal names the permission and each record type the role's scope falls short on. An export holds every field
 * of the records it holds, so it is also refused when the actor's role hides a field ({@link FieldAccess#HIDDEN}) of
 * a record type in it ({@link #hiddenFields}): the full export holds every type, a person's data export
 * ({@link #PERSONAL_DATA}) their contact, leads, deals and tasks. A system process is never refused. Stateless.
 */
public final class ExportAccess {

    /** What a full export is called in decisions: {@code export everything}. */
    public static final String WHAT = "export everything";

    /**
     * The record types whose fields a person's data export holds (the contact, their leads, deals and tasks, and
     * the audit entries of those records, which quote old and new values).
     */
    public static final java.util.Set<RecordType> PERSONAL_DATA = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(RecordType.CONTACT, RecordType.LEAD, RecordType.DEAL, RecordType.TASK));

    private ExportAccess() {
    }

    /**
     * The refusal of an export ({@code what}, e.g. {@code "export contact:ID"}) that would hold a field the actor's
     * role hides: a field {@link AccessPolicy#restrictedFields} marks {@link FieldAccess#HIDDEN} on one of the
     * record types; the reason names the role and every such field ({@code role rep hides contact.birthday,
     * deal.lostReason}). Empty for a system process, and for a role that hides no field of those types (a user the
     * organization does not hold is refused as hiding every field, see {@link AccessPolicy#restrictedFields}).
     */
    public static Optional<AccessDecision.Refused> hiddenFields(AccessPolicy policy, Actor actor, String what,
                                                                java.util.Collection<RecordType> types) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(what, "what");
        if (actor instanceof Actor.SystemProcess) {
            return Optional.empty();
        }
        List<String> hidden = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            if (types.contains(type)) {
                policy.restrictedFields(actor, type).forEach((field, access) -> {
                    if (access == FieldAccess.HIDDEN) {
                        hidden.add(new FieldRef(type, field).toString());
                    }
                });
            }
        }
        if (hidden.isEmpty()) {
            return Optional.empty();
        }
        String who = policy.organization().user(((Actor.Person) actor).user()).map(u -> "role " + u.role())
                .orElse("there is no user " + ((Actor.Person) actor).user() + ", who");
        return Optional.of(new AccessDecision.Refused(actor, what, who + " hides " + String.join(", ", hidden)
                + "; an export holds every field of its records"));
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
        Optional<AccessDecision.Refused> hidden = hiddenFields(policy, actor, WHAT, List.of(RecordType.values()));
        if (role.admin().contains(AdminPermission.ACCESS)) {
            if (hidden.isPresent()) {
                return hidden.get();
            }
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
        if (hidden.isPresent()) {
            return hidden.get();
        }
        return new AccessDecision.Allowed(actor, WHAT, List.of(new Grant(Grant.Rule.EVERYTHING_SCOPE,
                "role " + role.id() + " may export all records of every type")));
    }

    private static String plural(RecordType type) {
        String name = type.name().toLowerCase(Locale.ROOT);
        return name.endsWith("y") ? name.substring(0, name.length() - 1) + "ies" : name + "s";
    }
}
