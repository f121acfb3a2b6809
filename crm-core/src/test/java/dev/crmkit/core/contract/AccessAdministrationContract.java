package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.AccessDecision;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Origin;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.User;
import dev.crmkit.core.administration.AccessAdministration;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditLog;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link AccessAdministration} over a store: only access administrators (and system actors) change
 * the organization, owners and administrators share records, each change is one audit entry in its unit of work, and
 * a refused or invalid change stores nothing and records nothing. Extend it with a class that returns a fresh store.
 */
public abstract class AccessAdministrationContract {

    private CrmStore store;
    private final IdGenerator ids = IdGenerator.seeded(15);

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
        AccessAdministration system = as(Actor.system("setup"));
        assertTrue(system.save(Team.of("sales", "Sales")).allowed());
        system.save(Role.builder("admin", "Admin").admin(AdminPermission.ACCESS).build());
        system.save(Role.builder("rep", "Rep").build());
        system.save(User.of("ann", "sales", "admin"));
        system.save(User.of("bob", "sales", "rep"));
    }

    private AccessAdministration as(Actor actor) {
        Context context = new Context(store.transactions(), e -> { }, EdgeValidation.plain(), Fixtures.CLOCK,
                ids);
        CurrentActor current = CurrentActor.fixed(actor, Origin.API);
        return new AccessAdministration(store.accessDirectory(), store.shares(),
                new AuditLog(store.auditTrail(), current, context), current, store.transactions());
    }

    private List<AuditEntry> byActor(Actor actor) {
        return store.auditTrail().byActor(actor, PageRequest.first(100)).items();
    }

    @Test
    void organizationChanges_needTheAccessPermission_andAreAudited() {
        AccessDecision refused = as(Actor.user("bob")).setDefault(RecordType.LEAD, DefaultAccess.PUBLIC_READ);
        assertFalse(refused.allowed());
        assertEquals(DefaultAccess.PRIVATE, store.accessDirectory().organization().defaultAccess(RecordType.LEAD));
        assertEquals(List.of(), byActor(Actor.user("bob")));

        assertTrue(as(Actor.user("ann")).setDefault(RecordType.LEAD, DefaultAccess.PUBLIC_READ).allowed());
        assertEquals(DefaultAccess.PUBLIC_READ, store.accessDirectory().organization().defaultAccess(RecordType.LEAD));
        List<AuditEntry> entries = byActor(Actor.user("ann"));
        assertEquals(1, entries.size());
        assertEquals(AuditAction.PERMISSION_CHANGE, entries.get(0).action());
        assertEquals("set the default access of LEAD to PUBLIC_READ", entries.get(0).note());
        assertEquals(5, byActor(Actor.system("setup")).size(), "the setup's saves are audited too");
    }

    @Test
    void aChangeThatLeavesADanglingReference_isRefusedWhole() {
        assertThrows(ValidationException.class, () -> as(Actor.user("ann")).save(User.of("cy", "nowhere", "rep")));
        assertEquals(Optional.empty(), store.accessDirectory().organization().user(UserId.of("cy")));
        assertEquals(List.of(), byActor(Actor.user("ann")));
    }

    @Test
    void shares_byTheOwnerOrAnAdministrator_withOldAndNewLevel() {
        AccessRecord bobs = AccessRecord.of(RecordType.LEAD, new UUID(5, 5), Optional.of(UserId.of("bob")));
        AccessRecord anns = AccessRecord.of(RecordType.LEAD, new UUID(5, 6), Optional.of(UserId.of("ann")));

        assertTrue(as(Actor.user("bob")).share(bobs, Grantee.team("sales"), ShareLevel.READ).allowed());
        assertTrue(as(Actor.user("ann")).share(bobs, Grantee.team("sales"), ShareLevel.READ_WRITE).allowed());
        AccessDecision refused = as(Actor.user("bob")).share(anns, Grantee.user("bob"), ShareLevel.READ_WRITE);
        assertFalse(refused.allowed());
        assertTrue(refused.explain().contains("only the owner of " + anns.ref()), refused.explain());

        assertEquals(List.of(new Share(bobs.ref(), Grantee.team("sales"), ShareLevel.READ_WRITE)),
                store.shares().of(bobs.ref()));
        assertEquals(List.of(), store.shares().of(anns.ref()));
        List<AuditEntry> entries = store.auditTrail().forRecord(bobs.ref(), PageRequest.first(10)).items();
        assertEquals(List.of(Actor.user("bob"), Actor.user("ann")), entries.stream().map(AuditEntry::actor).toList());
        assertEquals(List.of(new FieldChange("share team sales", Optional.of("READ"), Optional.of("READ_WRITE"))),
                entries.get(1).changes());

        assertTrue(as(Actor.user("bob")).revoke(bobs, Grantee.team("sales")).allowed());
        assertEquals(List.of(), store.shares().of(bobs.ref()));
        assertEquals(3, store.auditTrail().forRecord(bobs.ref(), PageRequest.first(10)).items().size());
    }
}
