package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may export the whole store ({@link ExportAccess}) and whose statistics cover everything ({@link StatisticsScope}). */
class ExportAccessTest {

    private static final Role ARCHIVIST = Role.builder("archivist", "Archivist")
            .everywhere(Scope.OWN).scope(RecordType.CONTACT, Scope.EVERYTHING, Permission.EXPORT)
            .scope(RecordType.COMPANY, Scope.EVERYTHING, Permission.EXPORT)
            .scope(RecordType.LEAD, Scope.EVERYTHING, Permission.EXPORT)
            .scope(RecordType.DEAL, Scope.EVERYTHING, Permission.EXPORT)
            .scope(RecordType.TASK, Scope.EVERYTHING, Permission.EXPORT).build();
    private static final Role REP = Role.builder("rep", "Rep").everywhere(Scope.OWN)
            .scope(RecordType.CONTACT, Scope.EVERYTHING, Permission.EXPORT).build();
    private static final Role ADMIN = Role.builder("admin", "Admin").admin(AdminPermission.ACCESS).build();
    private static final Role AUDITOR = Role.builder("auditor", "Auditor").everywhere(Scope.EVERYTHING)
            .field(RecordType.DEAL, "amount", FieldAccess.HIDDEN)
            .field(RecordType.DEAL, "lostReason", FieldAccess.HIDDEN)
            .field(RecordType.CONTACT, "phones", FieldAccess.READ).build();
    private static final Role KEEPER = Role.builder("keeper", "Keeper").admin(AdminPermission.ACCESS)
            .field(RecordType.COMPANY, "customFields.credit", FieldAccess.HIDDEN).build();
    private static final Role READER = Role.builder("reader", "Reader").everywhere(Scope.EVERYTHING)
            .field(RecordType.CONTACT, "birthday", FieldAccess.READ).build();
    private static final Role ANALYST = Role.builder("analyst", "Analyst").admin(AdminPermission.STATISTICS).build();

    private final AccessPolicy policy = AccessPolicy.of(Organization.of(List.of(
            User.of("ada", "ops", "archivist"), User.of("ron", "ops", "rep"), User.of("root", "ops", "admin"),
            User.of("ann", "ops", "analyst"), User.of("aud", "ops", "auditor"), User.of("kim", "ops", "keeper"),
            User.of("rea", "ops", "reader")), List.of(Team.of("ops", "Ops")),
            List.of(ARCHIVIST, REP, ADMIN, ANALYST, AUDITOR, KEEPER, READER), Map.of()));

    @Test
    void fullExport_exportEverythingOnEveryType_isAllowed() {
        AccessDecision d = ExportAccess.fullExport(policy, Actor.user("ada"));
        assertEquals(Grant.Rule.EVERYTHING_SCOPE, assertInstanceOf(AccessDecision.Allowed.class, d).grants().get(0)
                .rule());
    }

    @Test
    void fullExport_aNarrowerScope_isRefusedNamingThePermissionAndTheTypesShort() {
        AccessDecision d = ExportAccess.fullExport(policy, Actor.user("ron"));
        assertFalse(d.allowed());
        assertEquals("user:ron may not export everything: a full export needs permission EXPORT with scope "
                + "EVERYTHING on every record type (or the administrative permission ACCESS), and role rep has EXPORT "
                + "on companies OWN, leads OWN, deals OWN, tasks OWN", d.explain());
    }

    @Test
    void fullExport_accessAdministrator_systemProcess_allowed_unknownUser_refused() {
        assertEquals(Grant.Rule.ADMIN_PERMISSION, assertInstanceOf(AccessDecision.Allowed.class,
                ExportAccess.fullExport(policy, Actor.user("root"))).grants().get(0).rule());
        assertTrue(ExportAccess.fullExport(policy, Actor.system("backup")).allowed());
        assertEquals("user:ghost may not export everything: there is no user ghost",
                ExportAccess.fullExport(policy, Actor.user("ghost")).explain());
    }

    @Test
    void fullExport_exportEverything_butAHiddenField_isRefusedNamingTheRoleAndEveryHiddenField() {
        AccessDecision d = ExportAccess.fullExport(policy, Actor.user("aud"));
        assertFalse(d.allowed());
        assertEquals("user:aud may not export everything: role auditor hides deal.amount, deal.lostReason; an export "
                + "holds every field of its records", d.explain());
        AccessDecision admin = ExportAccess.fullExport(policy, Actor.user("kim"));
        assertEquals("user:kim may not export everything: role keeper hides company.customFields.credit; an export "
                + "holds every field of its records", admin.explain());
        assertEquals(Grant.Rule.EVERYTHING_SCOPE, assertInstanceOf(AccessDecision.Allowed.class,
                ExportAccess.fullExport(policy, Actor.user("rea"))).grants().get(0).rule(), "a READ field is seen");
    }

    @Test
    void hiddenFields_onlyOfTheTypesTheExportHolds_neverForASystemProcess() {
        assertEquals("user:kim may not export contact:x: role keeper hides company.customFields.credit; an export "
                + "holds every field of its records", ExportAccess.hiddenFields(policy, Actor.user("kim"),
                "export contact:x", List.of(RecordType.COMPANY)).orElseThrow().explain());
        assertTrue(ExportAccess.hiddenFields(policy, Actor.user("kim"), "export contact:x",
                ExportAccess.PERSONAL_DATA).isEmpty(), "a person's data holds no company");
        assertTrue(ExportAccess.hiddenFields(policy, Actor.user("aud"), "export contact:x",
                ExportAccess.PERSONAL_DATA).isPresent(), "it holds their deals");
        assertTrue(ExportAccess.hiddenFields(policy, Actor.user("rea"), "x", ExportAccess.PERSONAL_DATA).isEmpty());
        assertTrue(ExportAccess.hiddenFields(policy, Actor.system("backup"), "x", List.of(RecordType.values()))
                .isEmpty());
    }

    @Test
    void statisticsScope_statisticsPermission_coversEverything_elseTheViewFilters() {
        assertTrue(StatisticsScope.of(policy, Actor.user("ann")).everything());
        assertEquals(AccessFilter.all(), StatisticsScope.of(policy, Actor.user("ann")).filter(RecordType.DEAL));
        StatisticsScope ron = StatisticsScope.of(policy, Actor.user("ron"));
        assertFalse(ron.everything());
        for (RecordType type : RecordType.values()) {
            assertEquals(policy.filter(Actor.user("ron"), type, Permission.VIEW), ron.filter(type), type.name());
        }
        assertTrue(StatisticsScope.everything(Actor.system("job")).everything());
    }
}
