package dev.crmkit.adapters.json.export;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.pipeline.contract.PopulatedStore;
import dev.crmkit.service.Handover;
import dev.crmkit.service.ServiceDesk;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.contract.ServiceRecords;
import dev.crmkit.service.contract.ServiceStores;
import dev.crmkit.service.plan.ServicePlan;
import dev.crmkit.service.reminder.ReminderRun;
import dev.crmkit.service.visit.Visit;
import dev.crmkit.service.visit.VisitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store restored from an export goes on with its service business where the source stood: the plan's next due
 * date, the completed visit's report and documents, a commitment already handed over is not handed over again and the
 * open one falls due, and an occurrence reminded before the export is not reminded again.
 */
class ServiceExportTest {

    @TempDir
    Path dir;

    @Test
    void restoredStore_goesOnWithItsServiceRecords_withoutRemindingOrHandingOverTwice() {
        InMemoryCrmStore source = InMemoryCrmStore.create();
        PopulatedStore.fill(source, source, 5, 8);
        ServiceRecords.fill(ServiceStores.of(source), 19);
        StoreExport.standard().write(source, dir.resolve("a"));
        InMemoryCrmStore restored = InMemoryCrmStore.create();
        assertInstanceOf(ImportOutcome.Imported.class, StoreImport.builder().build().into(restored, dir.resolve("a")));

        Crm crm = Crm.builder().store(restored).clock(TestClock.at("2028-01-10T08:00:00Z")).ids(IdGenerator.seeded(3))
                .defaultRegion("DE").build();
        ServiceDesk desk = ServiceDesk.builder().crm(crm).store(restored).build();
        ServicePlan plan = restored.servicePlans().active().get(0);
        assertEquals(source.servicePlans().findById(plan.id()).orElseThrow(), plan);
        assertEquals(LocalDate.of(2027, 7, 31), plan.nextDue().orElseThrow());
        List<Visit> visits = desk.visitsOf(plan.customer());
        Visit done = visits.stream().filter(v -> v.status() == VisitStatus.COMPLETED).findFirst().orElseThrow();
        assertEquals("after.jpg", done.report().orElseThrow().documents().get(0).fileName());

        assertEquals(new ReminderRun(LocalDate.of(2027, 7, 17), List.of(), 1),
                desk.sendDueReminders(LocalDate.of(2027, 7, 17)), "reminded in the source already");
        List<Handover> handed = desk.handOverDueCommitments(LocalDate.of(2028, 1, 10));
        assertEquals(1, handed.size(), "the one handed over in the source is not handed over again");
        Commitment open = assertInstanceOf(Handover.HandedOver.class, handed.get(0)).commitment();
        assertEquals("A call in a year", open.promise());
        assertTrue(desk.commitmentsOf(plan.customer()).stream().noneMatch(Commitment::open));
    }
}
