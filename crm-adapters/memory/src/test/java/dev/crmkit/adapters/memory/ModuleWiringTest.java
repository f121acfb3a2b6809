package dev.crmkit.adapters.memory;

import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.service.ServiceDesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The builders of the modules on top of a Crm (deal pipeline, service desk) name the first setting missing, or a
 * store that does not run in the Crm store's units of work, with one wording ({@link dev.crmkit.core.ModuleWiring}).
 */
class ModuleWiringTest {

    private final InMemoryCrmStore store = InMemoryCrmStore.create();
    private final Crm crm = Crm.builder().store(store).clock(Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"),
            ZoneOffset.UTC)).ids(IdGenerator.seeded(3)).defaultRegion("DE").build();

    @Test
    void dealPipelineBuilder_namesTheMissingCrm_thenStore_thenAStoreOfOtherUnitsOfWork() {
        assertRefused("crm was not set: call crm(...) with the Crm built by Crm.builder()",
                () -> DealPipeline.builder().store(store).build());
        assertRefused("store was not set: call store(...) with the store the Crm uses, for example the "
                + "InMemoryCrmStore from crm-adapters", () -> DealPipeline.builder().crm(crm).build());
        assertRefused("store does not share the Crm store's units of work: pass the same store object to "
                + "Crm.builder().store(...) and DealPipeline.builder().store(...)",
                () -> DealPipeline.builder().crm(crm).store(InMemoryCrmStore.create()).build());
        assertNotNull(DealPipeline.builder().crm(crm).store(store).build());
    }

    @Test
    void serviceDeskBuilder_namesTheMissingCrm_thenStore_thenAStoreOfOtherUnitsOfWork() {
        assertRefused("crm was not set: call crm(...) with the Crm built by Crm.builder()",
                () -> ServiceDesk.builder().store(store).build());
        assertRefused("store was not set: call store(...) with the store the Crm uses, for example the "
                + "InMemoryCrmStore from crm-adapters", () -> ServiceDesk.builder().crm(crm).build());
        assertRefused("store does not share the Crm store's units of work: pass the same store object to "
                + "Crm.builder().store(...) and ServiceDesk.builder().store(...)",
                () -> ServiceDesk.builder().crm(crm).store(InMemoryCrmStore.create()).build());
        assertNotNull(ServiceDesk.builder().crm(crm).store(store).build());
    }

    private static void assertRefused(String message, Executable build) {
        assertEquals(message, assertThrows(IllegalStateException.class, build).getMessage());
    }
}
