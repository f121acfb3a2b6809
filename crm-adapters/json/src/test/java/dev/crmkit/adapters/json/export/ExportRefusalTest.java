package dev.crmkit.adapters.json.export;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.Guarded;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.User;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full export as an actor: all or nothing, refused naming the permission when the actor may not export all. */
class ExportRefusalTest {

    @TempDir
    Path dir;

    private static InMemoryCrmStore store() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        store.transactions().run(() -> {
            store.accessDirectory().save(Team.of("ops", "Ops"));
            store.accessDirectory().save(Role.builder("rep", "Rep").everywhere(Scope.OWN)
                    .scope(RecordType.CONTACT, Scope.EVERYTHING, Permission.EXPORT).build());
            Role.Builder archivist = Role.builder("archivist", "Archivist");
            for (RecordType type : RecordType.values()) {
                archivist.scope(type, Scope.EVERYTHING, Permission.EXPORT);
            }
            store.accessDirectory().save(archivist.build());
            store.accessDirectory().save(Role.builder("admin", "Admin").admin(AdminPermission.ACCESS).build());
            store.accessDirectory().save(User.of("ron", "ops", "rep"));
            store.accessDirectory().save(User.of("ada", "ops", "archivist"));
            store.accessDirectory().save(User.of("root", "ops", "admin"));
            Role.Builder auditor = Role.builder("auditor", "Auditor")
                    .field(RecordType.DEAL, "lostReason", dev.crmkit.core.access.FieldAccess.HIDDEN)
                    .field(RecordType.CONTACT, "birthday", dev.crmkit.core.access.FieldAccess.READ);
            for (RecordType type : RecordType.values()) {
                auditor.scope(type, Scope.EVERYTHING, Permission.EXPORT);
            }
            store.accessDirectory().save(auditor.build());
            store.accessDirectory().save(User.of("aud", "ops", "auditor"));
        });
        return store;
    }

    @Test
    void aNarrowerExportScope_isRefusedNamingThePermission_andWritesNothing() {
        Path out = dir.resolve("ron");
        Guarded<ExportManifest> refused = StoreExport.standard().write(store(), out, Actor.user("ron"));

        assertFalse(refused.allowed());
        assertEquals("user:ron may not export everything: a full export needs permission EXPORT with scope "
                + "EVERYTHING on every record type (or the administrative permission ACCESS), and role rep has EXPORT "
                + "on companies OWN, leads OWN, deals OWN, tasks OWN", refused.decision().explain());
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void exportEverything_accessAdministrator_andSystem_write() {
        InMemoryCrmStore store = store();
        for (Actor actor : new Actor[] {Actor.user("ada"), Actor.user("root"), Actor.system("backup")}) {
            Path out = dir.resolve(actor.toString().replace(':', '-'));
            Guarded<ExportManifest> done = StoreExport.standard().write(store, out, actor);
            assertTrue(done.allowed(), done.toString());
            assertTrue(Files.exists(out.resolve("manifest.json")), actor.toString());
        }
    }

    @Test
    void exportEverything_butARoleHidingAField_isRefusedNamingTheField_andWritesNothing() {
        Path out = dir.resolve("aud");
        Guarded<ExportManifest> refused = StoreExport.standard().write(store(), out, Actor.user("aud"));

        assertFalse(refused.allowed());
        assertEquals("user:aud may not export everything: role auditor hides deal.lostReason; an export holds every "
                + "field of its records", refused.decision().explain());
        assertFalse(Files.exists(out), "nothing was written");
    }
}
