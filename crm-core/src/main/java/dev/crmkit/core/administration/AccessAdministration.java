package dev.crmkit.core.administration;

import dev.crmkit.core.access.AccessDecision;
import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.Grant;
import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.access.Shares;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.User;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditLog;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Transactions;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The use case of changing access: shares of a record by its owner or an access administrator, and users, teams,
 * roles and default accesses by an access administrator ({@link AdminPermission#ACCESS}); system actors may do all
 * of it. Each change runs in one unit of work with its {@link AuditAction#PERMISSION_CHANGE} audit entry; a refused
 * change returns the refusal and stores nothing. Thread-safe.
 */
public final class AccessAdministration {

    private final AccessDirectory directory;
    private final Shares shares;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Transactions transactions;

    /** Wires the use case on a store's directory, shares and audit log. */
    public AccessAdministration(AccessDirectory directory, Shares shares, AuditLog audit, CurrentActor actor,
                                Transactions transactions) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.shares = Objects.requireNonNull(shares, "shares");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Shares a record with a user or team, replacing the level of an earlier share with them. */
    public AccessDecision share(AccessRecord record, Grantee grantee, ShareLevel level) {
        Share share = new Share(record.ref(), grantee, level);
        return transactions.inTransaction(() -> {
            AccessDecision decision = mayShare(record, "share " + record.ref() + " with " + grantee);
            if (decision.allowed()) {
                Optional<ShareLevel> before = levelOf(record, grantee);
                shares.grant(share);
                audit.record(AuditAction.PERMISSION_CHANGE, Optional.of(record.ref()), List.of(new FieldChange(
                        "share " + grantee, before.map(Enum::name), Optional.of(level.name()))), "");
            }
            return decision;
        });
    }

    /** Removes the share of a record with a user or team; allowed and recorded even when there was none. */
    public AccessDecision revoke(AccessRecord record, Grantee grantee) {
        return transactions.inTransaction(() -> {
            AccessDecision decision = mayShare(record, "revoke the share of " + record.ref() + " with " + grantee);
            if (decision.allowed()) {
                Optional<ShareLevel> before = levelOf(record, grantee);
                if (shares.revoke(record.ref(), grantee)) {
                    audit.record(AuditAction.PERMISSION_CHANGE, Optional.of(record.ref()), List.of(new FieldChange(
                            "share " + grantee, before.map(Enum::name), Optional.empty())), "");
                }
            }
            return decision;
        });
    }

    /** Stores a team. */
    public AccessDecision save(Team team) {
        return administer("save team " + team.id(), () -> directory.save(team));
    }

    /** Stores a role. */
    public AccessDecision save(Role role) {
        return administer("save role " + role.id(), () -> directory.save(role));
    }

    /** Stores a user. */
    public AccessDecision save(User user) {
        return administer("save user " + user.id() + " (team " + user.team().map(Object::toString).orElse("none")
                + ", role " + user.role() + ")", () -> directory.save(user));
    }

    /** Sets the default access of a record type. */
    public AccessDecision setDefault(RecordType type, DefaultAccess access) {
        return administer("set the default access of " + type + " to " + access,
                () -> directory.setDefault(type, access));
    }

    private AccessDecision administer(String what, Runnable change) {
        return transactions.inTransaction(() -> {
            AccessDecision decision = policy().administer(actor.actor(), AdminPermission.ACCESS);
            if (decision.allowed()) {
                change.run();
                directory.organization(); // refuses (and so rolls back) a change that leaves a dangling reference
                audit.record(AuditAction.PERMISSION_CHANGE, Optional.empty(), List.of(), what);
            }
            return decision;
        });
    }

    private AccessDecision mayShare(AccessRecord record, String what) {
        Actor who = actor.actor();
        if (who instanceof Actor.Person p && record.owner().filter(p.user()::equals).isPresent()) {
            return new AccessDecision.Allowed(who, what, List.of(new Grant(Grant.Rule.OWNER,
                    p.user() + " owns " + record.ref())));
        }
        AccessDecision admin = policy().administer(who, AdminPermission.ACCESS);
        return admin instanceof AccessDecision.Allowed a ? new AccessDecision.Allowed(who, what, a.grants())
                : new AccessDecision.Refused(who, what, "only the owner of "
                + record.ref() + " or a holder of " + AdminPermission.ACCESS + " may share it, and "
                + ((AccessDecision.Refused) admin).reason());
    }

    private Optional<ShareLevel> levelOf(AccessRecord record, Grantee grantee) {
        return shares.of(record.ref()).stream().filter(s -> s.grantee().equals(grantee)).map(Share::level)
                .findFirst();
    }

    private AccessPolicy policy() {
        return AccessPolicy.of(directory.organization());
    }
}
