package dev.crmkit.adapters.json.export;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.TeamId;
import dev.crmkit.pipeline.contract.PopulatedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access directory in the full export: parents before children, fixed field order, restored equal. */
class AccessExportTest {

    @TempDir
    Path dir;

    @Test
    void teamsAndRolesAreWrittenParentsFirst_evenWhenTheirIdsSortTheOtherWay() throws IOException {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        PopulatedStore.fillAccess(store);

        StoreExport.standard().write(store, dir);

        List<String> teams = Files.readAllLines(dir.resolve("access-teams.jsonl"), StandardCharsets.UTF_8);
        assertEquals(3, teams.size(), teams.toString());
        assertTrue(teams.get(0).startsWith("{\"depth\":0,") && teams.get(0).contains("\"z-sales\""), teams.get(0));
        assertTrue(teams.get(1).startsWith("{\"depth\":1,") && teams.get(1).contains("\"m-dach\""), teams.get(1));
        assertTrue(teams.get(2).startsWith("{\"depth\":2,") && teams.get(2).contains("\"a-berlin\""), teams.get(2));
        List<String> roles = Files.readAllLines(dir.resolve("access-roles.jsonl"), StandardCharsets.UTF_8);
        assertEquals(3, roles.size(), roles.toString());
        assertTrue(roles.get(2).contains("\"a-rep\""), roles.get(2));
        String rep = roles.get(2);
        int contact = rep.indexOf("contact.email");
        int deal = rep.indexOf("deal.lostReason");
        int lead = rep.indexOf("lead.customFields.margin");
        assertTrue(contact > 0 && contact < deal && deal < lead, "field permissions in text order: " + rep);
        assertEquals(3, Files.readAllLines(dir.resolve("access-users.jsonl")).size());
        assertEquals(3, Files.readAllLines(dir.resolve("access-defaults.jsonl")).size());
    }

    @Test
    void theRestoredOrganizationEqualsTheExportedOne_andAMergeKeepsWhatTheStoreHolds() throws IOException {
        InMemoryCrmStore source = InMemoryCrmStore.create();
        PopulatedStore.fillAccess(source);
        StoreExport.standard().write(source, dir.resolve("a"));
        InMemoryCrmStore target = InMemoryCrmStore.create();

        ImportOutcome outcome = StoreImport.builder().batchSize(1).build().into(target, dir.resolve("a"));

        assertInstanceOf(ImportOutcome.Imported.class, outcome, outcome.toString());
        assertEquals(source.accessDirectory().organization(), target.accessDirectory().organization());

        InMemoryCrmStore holding = InMemoryCrmStore.create();
        holding.accessDirectory().save(Team.of("z-sales", "Kept as it was"));
        ImportOutcome merged = StoreImport.builder().merge(true).build().into(holding, dir.resolve("a"));

        assertInstanceOf(ImportOutcome.Imported.class, merged, merged.toString());
        assertEquals("Kept as it was",
                holding.accessDirectory().organization().team(TeamId.of("z-sales")).orElseThrow().name());
        assertEquals(3, holding.accessDirectory().organization().teams().size());
    }
}
