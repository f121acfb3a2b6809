package dev.crmkit.core.access;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, on one {@link Organization}, whether an actor may do something, and explains why. A permission on a record
 * is granted by any of these rules (they only ever add up, none takes away):
 * <ul>
 *   <li>the actor is a system process;</li>
 *   <li>the role's scope for the record type and permission: {@link Scope#OWN} reaches the actor's own records and
 *       those owned by users whose role reports to the actor's, {@link Scope#TEAM} also those owned by members of the
 *       actor's team and the teams below it, {@link Scope#EVERYTHING} every record;</li>
 *   <li>the type's {@link DefaultAccess} (viewing, and editing for the read-write ones);</li>
 *   <li>a {@link Share} with the actor or with the actor's team or a team above it (viewing, and editing for
 *       {@link ShareLevel#READ_WRITE}).</li>
 * </ul>
 * An unowned record is reached by {@link Scope#EVERYTHING}, a public default and shares only. An actor who is not a
 * user of the organization is refused everything. Immutable and thread-safe.
 */
public final class AccessPolicy {

    private static final java.util.Map<Scope, String> SCOPE_WORDS = java.util.Map.of(Scope.NONE, "no",
            Scope.OWN, "own", Scope.TEAM, "its team's", Scope.EVERYTHING, "all");

    private final Organization org;

    private AccessPolicy(Organization org) {
        this.org = Objects.requireNonNull(org, "org");
    }

    /** The policy of an organization. */
    public static AccessPolicy of(Organization org) {
        return new AccessPolicy(org);
    }

    /** The organization it decides on. */
    public Organization organization() {
        return org;
    }

    /**
     * Whether an actor may do something with a record.
     *
     * @param shares the record's shares (others are ignored)
     */
    public AccessDecision decide(Actor actor, Permission permission, AccessRecord record, Collection<Share> shares) {
        String what = permission.name().toLowerCase(Locale.ROOT) + " " + record.ref();
        if (actor instanceof Actor.SystemProcess) {
            return new AccessDecision.Allowed(actor, what, List.of(new Grant(Grant.Rule.SYSTEM_ACTOR,
                    actor + " is a system process")));
        }
        Optional<User> found = org.user(((Actor.Person) actor).user());
        if (found.isEmpty()) {
            return new AccessDecision.Refused(actor, what, "there is no user " + ((Actor.Person) actor).user());
        }
        User user = found.get();
        Role role = org.role(user.role()).orElseThrow();
        RecordType type = record.ref().type();
        Scope scope = role.scope(type, permission);
        Optional<User> owner = record.owner().flatMap(org::user);
        List<Grant> grants = new ArrayList<>();
        String scopeText = "role " + role.id() + " may " + permission.name().toLowerCase(Locale.ROOT) + " "
                + SCOPE_WORDS.get(scope) + " " + plural(type);
        if (scope.covers(Scope.OWN) && record.owner().filter(user.id()::equals).isPresent()) {
            grants.add(new Grant(Grant.Rule.OWNER, scopeText + ", and " + user.id() + " owns it"));
        }
        if (scope.covers(Scope.OWN) && owner.filter(o -> org.reportsTo(o.role(), role.id())).isPresent()) {
            grants.add(new Grant(Grant.Rule.ROLE_HIERARCHY, scopeText + ", and its owner " + owner.get().id()
                    + " has role " + owner.get().role() + ", which reports to " + role.id()));
        }
        if (scope.covers(Scope.TEAM) && inTeamOf(user, owner)) {
            grants.add(new Grant(Grant.Rule.TEAM_SCOPE, scopeText + ", and its owner " + owner.get().id()
                    + " is in team " + owner.get().team().orElseThrow() + ", within team "
                    + user.team().orElseThrow()));
        }
        if (scope == Scope.EVERYTHING) {
            grants.add(new Grant(Grant.Rule.EVERYTHING_SCOPE, scopeText));
        }
        DefaultAccess defaults = org.defaultAccess(type);
        String defaultText = "the default access of " + plural(type) + " is " + defaults;
        if (defaults.everyone(permission)) {
            grants.add(new Grant(Grant.Rule.DEFAULT_PUBLIC, defaultText));
        } else if (defaults.team(permission) && inTeamOf(user, owner)) {
            grants.add(new Grant(Grant.Rule.DEFAULT_TEAM, defaultText + ", and its owner " + owner.get().id()
                    + " is in team " + owner.get().team().orElseThrow() + ", within team "
                    + user.team().orElseThrow()));
        }
        for (Share s : shares) {
            if (!s.record().equals(record.ref()) || !s.level().grants(permission)) {
                continue;
            }
            if (s.grantee() instanceof Grantee.ToUser u && u.user().equals(user.id())) {
                grants.add(new Grant(Grant.Rule.USER_SHARE, "it is shared " + s.level() + " with " + s.grantee()));
            } else if (s.grantee() instanceof Grantee.ToTeam t && user.team().isPresent()
                    && org.teamAndAbove(user.team().get()).contains(t.team())) {
                grants.add(new Grant(Grant.Rule.TEAM_SHARE, "it is shared " + s.level() + " with " + s.grantee()
                        + ", which " + user.id() + " is in or below"));
            }
        }
        if (grants.isEmpty()) {
            return new AccessDecision.Refused(actor, what, scopeText + ", " + defaultText + ", owner "
                    + record.owner().map(UserId::value).orElse("none") + ", and no share with " + user.id()
                    + " or team " + user.team().map(TeamId::value).orElse("none") + " grants it");
        }
        return new AccessDecision.Allowed(actor, what, grants);
    }

    /** Every permission on a record, decided: the answer to "why can user X see (or edit, ...) record Y". */
    public List<AccessDecision> explain(Actor actor, AccessRecord record, Collection<Share> shares) {
        List<AccessDecision> out = new ArrayList<>();
        for (Permission p : Permission.values()) {
            out.add(decide(actor, p, record, shares));
        }
        return out;
    }

    /**
     * The policy for one actor, record type and permission as a filter a store query applies; it passes exactly the
     * records {@link #decide} allows.
     */
    public AccessFilter filter(Actor actor, RecordType type, Permission permission) {
        if (actor instanceof Actor.SystemProcess) {
            return AccessFilter.all();
        }
        Optional<User> found = org.user(((Actor.Person) actor).user());
        if (found.isEmpty()) {
            return AccessFilter.none();
        }
        User user = found.get();
        Scope scope = org.role(user.role()).orElseThrow().scope(type, permission);
        DefaultAccess defaults = org.defaultAccess(type);
        if (scope == Scope.EVERYTHING || defaults.everyone(permission)) {
            return AccessFilter.all();
        }
        Set<UserId> owners = new LinkedHashSet<>();
        if (scope.covers(Scope.OWN)) {
            owners.add(user.id());
            org.users().stream().filter(u -> org.reportsTo(u.role(), user.role())).forEach(u -> owners.add(u.id()));
        }
        if (scope.covers(Scope.TEAM) || defaults.team(permission)) {
            org.users().stream().filter(u -> inTeamOf(user, Optional.of(u))).forEach(u -> owners.add(u.id()));
        }
        Set<ShareLevel> levels = EnumSet.noneOf(ShareLevel.class);
        for (ShareLevel level : ShareLevel.values()) {
            if (level.grants(permission)) {
                levels.add(level);
            }
        }
        Set<TeamId> teams = user.team().map(org::teamAndAbove).orElse(Set.of());
        return new AccessFilter(false, owners, Optional.of(user.id()), teams, levels);
    }

    /** What an actor may do with a field of a record they may see: the role's field access; everything for systems. */
    public FieldAccess field(Actor actor, FieldRef field) {
        if (actor instanceof Actor.SystemProcess) {
            return FieldAccess.EDIT;
        }
        return org.user(((Actor.Person) actor).user()).flatMap(u -> org.role(u.role())).map(r -> r.field(field))
                .orElse(FieldAccess.HIDDEN);
    }

    /**
     * The fields of a record type that an actor may not change, with what they may do with each ({@link FieldAccess#READ}
     * or {@link FieldAccess#HIDDEN}), by field name ({@code lostReason}, {@code customFields.margin}): the role's field
     * permissions of the type; none for a system process; for an actor who is not a user, every field that can be
     * hidden, hidden.
     */
    public java.util.Map<String, FieldAccess> restrictedFields(Actor actor, RecordType type) {
        Objects.requireNonNull(type, "type");
        if (actor instanceof Actor.SystemProcess) {
            return java.util.Map.of();
        }
        Optional<Role> role = org.user(((Actor.Person) actor).user()).flatMap(u -> org.role(u.role()));
        java.util.Map<String, FieldAccess> out = new java.util.LinkedHashMap<>();
        if (role.isEmpty()) {
            RecordFields fields = RecordFields.of(type);
            fields.names().stream().filter(fields::hideable).forEach(f -> out.put(f, FieldAccess.HIDDEN));
            return java.util.Collections.unmodifiableMap(out);
        }
        role.get().fields().forEach((field, access) -> {
            if (field.type() == type && access != FieldAccess.EDIT) {
                out.put(field.field(), access);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Whether an actor may read ({@code edit} false) or change ({@code edit} true) a field, explained. */
    public AccessDecision decideField(Actor actor, FieldRef field, boolean edit) {
        String what = (edit ? "edit" : "read") + " field " + field;
        FieldAccess access = field(actor, field);
        boolean ok = edit ? access == FieldAccess.EDIT : access != FieldAccess.HIDDEN;
        String why = actor instanceof Actor.SystemProcess ? actor + " is a system process"
                : org.user(((Actor.Person) actor).user()).map(u -> "role " + u.role() + " has " + access + " on "
                + field).orElse("there is no user " + actor);
        return ok ? new AccessDecision.Allowed(actor, what, List.of(new Grant(
                actor instanceof Actor.SystemProcess ? Grant.Rule.SYSTEM_ACTOR : Grant.Rule.FIELD_PERMISSION, why)))
                : new AccessDecision.Refused(actor, what, why);
    }

    /**
     * Refuses a lookup or a filter on a field the actor may not read, since what it finds would tell the field's value
     * (a contact looked up by an e-mail address the role hides confirms the address; deals filtered by an owner the
     * role hides name their owner); does nothing when the actor may read the field. Refused whether or not anything
     * would be found, so the refusal itself reveals nothing.
     *
     * @param parameter the name of the lookup's or the filter's parameter ({@code email}, {@code owner})
     * @throws dev.crmkit.core.kernel.ValidationException with field {@code parameter} and rule {@code hidden-field},
     *                                                    naming the actor, the field and the role
     *                                                    ({@code "user:ben may not read field deal.owner: role rep has
     *                                                    HIDDEN on deal.owner; a lookup or filter on it would reveal
     *                                                    it"})
     */
    public void checkFilter(Actor actor, FieldRef field, String parameter) {
        Objects.requireNonNull(parameter, "parameter");
        if (decideField(Objects.requireNonNull(actor, "actor"), Objects.requireNonNull(field, "field"),
                false) instanceof AccessDecision.Refused refused) {
            throw dev.crmkit.core.kernel.ValidationException.of(parameter, "hidden-field", refused.explain()
                    + "; a lookup or filter on it would reveal it");
        }
    }

    /** Whether an actor holds an administrative permission. */
    public AccessDecision administer(Actor actor, AdminPermission permission) {
        String what = "administer " + permission;
        if (actor instanceof Actor.SystemProcess) {
            return new AccessDecision.Allowed(actor, what, List.of(new Grant(Grant.Rule.SYSTEM_ACTOR,
                    actor + " is a system process")));
        }
        Optional<User> user = org.user(((Actor.Person) actor).user());
        if (user.isEmpty()) {
            return new AccessDecision.Refused(actor, what, "there is no user " + ((Actor.Person) actor).user());
        }
        Role role = org.role(user.get().role()).orElseThrow();
        return role.admin().contains(permission)
                ? new AccessDecision.Allowed(actor, what, List.of(new Grant(Grant.Rule.ADMIN_PERMISSION,
                "role " + role.id() + " holds " + permission)))
                : new AccessDecision.Refused(actor, what, "role " + role.id() + " does not hold " + permission);
    }

    /**
     * Whether an actor may see a timeline item, apart from the records it is about: a public item is seen with them;
     * a private one only by its owner and its participants (by the user's id or e-mail address).
     */
    public AccessDecision timelineItem(Actor actor, Activity item) {
        String what = "see timeline item " + item.id();
        if (item.visibility() == Visibility.PUBLIC) {
            return new AccessDecision.Allowed(actor, what, List.of(new Grant(Grant.Rule.PUBLIC_ITEM,
                    "it is public: it is seen by whoever may view a record it is about")));
        }
        if (actor instanceof Actor.SystemProcess) {
            return new AccessDecision.Allowed(actor, what, List.of(new Grant(Grant.Rule.SYSTEM_ACTOR,
                    actor + " is a system process")));
        }
        UserId id = ((Actor.Person) actor).user();
        if (item.owner().filter(id::equals).isPresent()) {
            return new AccessDecision.Allowed(actor, what, List.of(new Grant(Grant.Rule.ITEM_OWNER,
                    "it is private and " + id + " owns it")));
        }
        Optional<String> email = org.user(id).flatMap(User::email);
        for (String p : item.participants()) {
            String normalized = p.trim().toLowerCase(Locale.ROOT);
            if (p.trim().equals(id.value()) || email.filter(normalized::equals).isPresent()) {
                return new AccessDecision.Allowed(actor, what, List.of(new Grant(Grant.Rule.ITEM_PARTICIPANT,
                        "it is private and " + id + " took part as " + p)));
            }
        }
        return new AccessDecision.Refused(actor, what, "it is private to " + item.owner().map(UserId::value)
                .orElse("nobody") + " and its participants, and " + id + " is neither");
    }

    /**
     * The private timeline items an actor sees, as a predicate a store's timeline query applies: it passes exactly the
     * items {@link #timelineItem} allows (everything for a system process; for a user their own items and those they
     * took part in, by id or e-mail address).
     */
    public PrivateItems privateItems(Actor actor) {
        if (actor instanceof Actor.SystemProcess) {
            return PrivateItems.everything();
        }
        UserId id = ((Actor.Person) actor).user();
        return new PrivateItems(false, Optional.of(id), org.user(id).flatMap(User::email));
    }

    private boolean inTeamOf(User user, Optional<User> owner) {
        return user.team().isPresent() && owner.flatMap(User::team)
                .filter(t -> org.teamAndBelow(user.team().get()).contains(t)).isPresent();
    }

    private static String plural(RecordType type) {
        return type.name().toLowerCase(Locale.ROOT) + "s";
    }
}
