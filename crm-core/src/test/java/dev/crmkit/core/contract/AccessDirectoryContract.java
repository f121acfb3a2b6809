package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.access.Shares;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.User;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link AccessDirectory} and {@link Shares}: what is saved reads back exactly (a role with every
 * scope, field and administrative permission; a generated organization as a whole), a save replaces by id, writes of
 * a unit of work that rolls back are gone, and a share per record and grantee is replaced, listed and revoked. Extend
 * it with a class that returns a fresh, empty store.
 */
public abstract class AccessDirectoryContract {

    private AccessDirectory directory;
    private Shares shares;
    private Transactions tx;

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUp() {
        CrmStore store = newStore();
        directory = store.accessDirectory();
        shares = store.shares();
        tx = store.transactions();
    }

    @Test
    void organization_empty_isEmptyAndPrivate() {
        Organization org = directory.organization();
        assertEquals(Organization.empty(), org);
        assertEquals(DefaultAccess.PRIVATE, org.defaultAccess(RecordType.LEAD));
    }

    @Test
    void save_aGeneratedOrganization_readsBackEqual() {
        for (long seed = 1; seed <= 3; seed++) {
            AccessPopulation pop = AccessPopulation.generate(seed, 0, RecordType.CONTACT);
            CrmStore store = newStore();
            AccessDirectory fresh = store.accessDirectory();
            store.transactions().run(() -> {
                pop.organization().teams().forEach(fresh::save);
                pop.organization().roles().forEach(fresh::save);
                pop.organization().users().forEach(fresh::save);
                pop.organization().defaults().forEach(fresh::setDefault);
            });
            Organization read = fresh.organization();
            assertEquals(sortedUsers(pop.organization()), sortedUsers(read), "seed " + seed);
            assertEquals(Map.copyOf(pop.organization().defaults()), Map.copyOf(read.defaults()));
            for (Role r : pop.organization().roles()) {
                assertEquals(Optional.of(r), read.role(r.id()), "seed " + seed);
            }
            for (Team t : pop.organization().teams()) {
                assertEquals(Optional.of(t), read.team(t.id()), "seed " + seed);
            }
        }
    }

    @Test
    void save_sameId_replaces() {
        tx.run(() -> {
            directory.save(Team.of("sales", "Sales"));
            directory.save(Role.builder("rep", "Rep").scope(RecordType.LEAD, Scope.OWN, Permission.VIEW).build());
            directory.save(User.of("ann", "sales", "rep"));
        });
        Role changed = Role.builder("rep", "Sales rep").scope(RecordType.LEAD, Scope.TEAM, Permission.EDIT)
                .field(RecordType.LEAD, "customFields.margin", FieldAccess.HIDDEN).admin(AdminPermission.STATISTICS)
                .build();
        tx.run(() -> {
            directory.save(changed);
            directory.save(User.of("ann", "sales", "rep").withEmail("ann@example.com"));
            directory.setDefault(RecordType.LEAD, DefaultAccess.TEAM_READ);
            directory.setDefault(RecordType.LEAD, DefaultAccess.PUBLIC_READ);
        });
        Organization org = directory.organization();
        assertEquals(Optional.of(changed), org.role(changed.id()));
        assertEquals(Scope.NONE, org.role(changed.id()).orElseThrow().scope(RecordType.LEAD, Permission.VIEW));
        assertEquals(Optional.of("ann@example.com"), org.user(UserId.of("ann")).orElseThrow().email());
        assertEquals(DefaultAccess.PUBLIC_READ, org.defaultAccess(RecordType.LEAD));
        assertEquals(1, org.users().size());
    }

    @Test
    void save_inAUnitThatRollsBack_isGone() {
        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            directory.save(Team.of("sales", "Sales"));
            directory.save(Role.builder("rep", "Rep").build());
            directory.save(User.of("ann", "sales", "rep"));
            directory.setDefault(RecordType.CONTACT, DefaultAccess.PUBLIC_READ_WRITE);
            shares.grant(new Share(record(1), Grantee.user("ann"), ShareLevel.READ));
            throw new IllegalStateException("boom");
        }));
        assertEquals(Organization.empty(), directory.organization());
        assertEquals(List.of(), shares.of(record(1)));
    }

    @Test
    void shares_oneperGrantee_replacedListedAndRevoked() {
        RecordRef record = record(1);
        shares.grant(new Share(record, Grantee.team("sales"), ShareLevel.READ));
        shares.grant(new Share(record, Grantee.user("bob"), ShareLevel.READ));
        shares.grant(new Share(record, Grantee.user("ann"), ShareLevel.READ));
        shares.grant(new Share(record, Grantee.user("bob"), ShareLevel.READ_WRITE));
        shares.grant(new Share(record(2), Grantee.user("ann"), ShareLevel.READ));
        assertEquals(List.of(new Share(record, Grantee.user("ann"), ShareLevel.READ),
                new Share(record, Grantee.user("bob"), ShareLevel.READ_WRITE),
                new Share(record, Grantee.team("sales"), ShareLevel.READ)), shares.of(record));
        assertTrue(shares.revoke(record, Grantee.user("bob")));
        assertFalse(shares.revoke(record, Grantee.user("bob")));
        assertFalse(shares.revoke(record, Grantee.team("ann")), "a team named like a user is another grantee");
        assertEquals(2, shares.of(record).size());
        assertEquals(1, shares.of(record(2)).size());
    }

    @Test
    void shares_sameIdOfAnotherType_areApart() {
        UUID id = new UUID(9, 9);
        shares.grant(new Share(new RecordRef(RecordType.LEAD, id), Grantee.user("ann"), ShareLevel.READ));
        assertEquals(List.of(), shares.of(new RecordRef(RecordType.CONTACT, id)));
    }

    private static RecordRef record(long n) {
        return new RecordRef(RecordType.LEAD, new UUID(0, n));
    }

    private static List<User> sortedUsers(Organization org) {
        return org.users().stream().sorted(java.util.Comparator.comparing(u -> u.id().value())).toList();
    }
}
