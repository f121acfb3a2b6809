package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.crmkit.core.Crm;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.NewCompany;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.MergeRecord;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm merge} and {@code crm unmerge} on a store the demo filled. */
class MergeCommandTest {

    private static final String LARA = "lara.neumann@gmx.net";
    private static final String LARA_AT_WORK = "l.neumann@neumann-design.de";
    /** The tables whose rows a merge and its undo add on purpose: the merge record, its snapshots, the events. */
    private static final Set<String> RECORD_TABLES = Set.of("crm_contact_merge", "crm_contact_merge_snapshot",
            "crm_company_merge", "crm_company_merge_snapshot", "crm_company_merge_contact", "crm_outbox",
            "crm_lead_merge", "crm_lead_merge_snapshot");

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    private JsonNode demo() {
        CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-url", h2(), "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        return run.json();
    }

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--as-of", CliRun.AS_OF, "--jdbc-url", h2()));
        return CliRun.crm(all.toArray(String[]::new));
    }

    @Test
    void demo_mergesADuplicate_andItsTimelineKeepsTheDuplicatesCall() {
        JsonNode merge = demo().get("merge");

        assertEquals(List.of(LARA, LARA_AT_WORK), strings(merge.get("emails")));
        assertEquals(1, merge.get("mergedAway").size());
        List<String> subjects = new ArrayList<>();
        merge.get("timeline").forEach(a -> subjects.add(a.get("subject").asText()));
        assertTrue(subjects.get(0).startsWith("Merged 1 duplicate into Lara Neumann"), subjects.toString());
        assertTrue(subjects.contains("Called from the office: wants the offer for 3 seats"), subjects.toString());
        assertTrue(subjects.stream().anyMatch(s -> s.startsWith("Lead captured via")), subjects.toString());
    }

    @Test
    void unmergeThenMerge_byEmail_json_restoresTheStoreExactlyAndMergesAgain() {
        String mergeId = demo().get("merge").get("merge").asText();

        CliRun unmerge = crm("unmerge", mergeId, "--format", "json");

        assertEquals(0, unmerge.exitCode(), unmerge.toString());
        JsonNode undone = unmerge.json();
        assertEquals(1, undone.get("restored").size());
        String restored = StoreDump.h2(dir.resolve("crm"));
        CliRun again = crm("merge", LARA, LARA_AT_WORK, "--survivor", LARA_AT_WORK, "--format", "json");
        assertEquals(0, again.exitCode(), again.toString());
        JsonNode json = again.json();
        assertEquals(true, json.get("merged").asBoolean());
        assertEquals(undone.get("restored").get(0).asText(), json.get("survivor").asText());
        // the merged-away record's timeline: at least its capture, the first merge's entry and the undo's
        assertTrue(json.get("repointed").get("activity").asInt() >= 3, json.toString());
        assertTrue(json.get("repointed").get("lead").asInt() >= 1, json.toString());
        assertEquals(1, json.get("mergedAway").size());
        // undone again, every table is as it was before this merge, but for the merge's records, its events, the
        // two timeline entries it wrote (the merge's, the undo's) and the versions, which only went up
        CliRun undoAgain = crm("unmerge", json.get("merge").asText(), "--format", "json");
        assertEquals(0, undoAgain.exitCode(), undoAgain.toString());
        String twice = StoreDump.h2(dir.resolve("crm"));
        Set<String> entries = Set.of(json.get("entry").asText(), undoAgain.json().get("entry").asText());
        assertRestored(restored, twice, entries, json.get("merge").asText());
    }

    @Test
    void merge_refused_exit3_printsEveryReason_storeUnchanged() {
        demo();
        String before = StoreDump.h2(dir.resolve("crm"));

        CliRun run = crm("merge", LARA, "felix.wolf@wolf-maschinenbau.de", "--survivor",
                "00000000-0000-4000-8000-000000000001");
        CliRun same = crm("merge", LARA, LARA_AT_WORK);

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().contains("survivor: the survivor"), run.out());
        assertEquals(3, same.exitCode(), same.toString());
        assertTrue(same.out().contains("(unique)"), same.out());
        assertEquals(before, StoreDump.h2(dir.resolve("crm")));
    }

    @Test
    void unmerge_afterTheSurvivorChanged_refusedNamingIt_exit3() {
        String mergeId = demo().get("merge").get("merge").asText();
        CliRun first = crm("unmerge", mergeId);
        assertEquals(0, first.exitCode(), first.toString());

        CliRun second = crm("unmerge", mergeId);

        assertEquals(3, second.exitCode(), second.toString());
        assertTrue(second.out().contains("merge " + mergeId + " was undone at"), second.out());
    }

    @Test
    void demo_findsTheHandTypedDuplicateByTheMatcher_andExplainsItBeforeMerging() {
        JsonNode merge = demo().get("merge");
        JsonNode found = merge.get("found");

        assertEquals(merge.get("survivor").asText(), found.get("b").asText());
        assertEquals(merge.get("mergedAway").get(0).asText(), found.get("a").asText());
        assertTrue(found.get("score").asDouble() >= 0.8, found.toString());
        String reasons = found.get("reasons").toString();
        assertTrue(reasons.contains("'neuman' ~ 'neumann'"), reasons);
        assertTrue(reasons.contains("phone"), reasons);
        CliRun text = CliRun.crm("demo", "--no-report", "--in-memory");
        assertTrue(text.out().contains("Fuzzy duplicate found: Lara Neuman"), text.out());
    }

    @Test
    void mergeCompanies_byDomainAndId_json_thenUnmergeRestoresTheStore() {
        demo();
        String acme;
        String typo;
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(Instant.parse(CliRun.AS_OF),
                    ZoneOffset.UTC)).ids(IdGenerator.seeded(5)).defaultRegion("DE").build();
            Company kept = crm.customers().createCompany(new NewCompany("Acme Robotics GmbH", "Acme Robotics GmbH",
                    "HRB 4711", "", Optional.empty(), "acme-robotics.de", "", CompanySize.UNKNOWN, Map.of()));
            Company copy = crm.customers().createCompany(NewCompany.of("ACME Robotics", ""));
            Contact worker = crm.store().contacts().findByEmail(EmailAddress.parse(LARA)).orElseThrow();
            crm.customers().affiliate(worker.id(), copy.id(), Set.of(CompanyRole.EMPLOYEE), "");
            acme = kept.id().toString();
            typo = copy.id().toString();
        }
        String before = StoreDump.h2(dir.resolve("crm"));

        CliRun merge = crm("merge", "--companies", "acme-robotics.de", typo, "--format", "json");

        assertEquals(0, merge.exitCode(), merge.toString());
        JsonNode json = merge.json();
        assertEquals(acme, json.get("survivor").asText());
        assertEquals(List.of(typo), strings(json.get("mergedAway")));
        assertEquals(1, json.get("repointed").get("contact").asInt(), json.toString());
        CliRun text = crm("merge", "--companies", acme, typo);
        assertEquals(3, text.exitCode(), text.toString());
        assertTrue(text.out().contains("was merged into " + acme), text.out());

        CliRun unmerge = crm("unmerge", json.get("merge").asText(), "--format", "json");

        assertEquals(0, unmerge.exitCode(), unmerge.toString());
        assertEquals(List.of(typo), strings(unmerge.json().get("restored")));
        Set<String> entries = Set.of(json.get("entry").asText(), unmerge.json().get("entry").asText());
        assertRestored(before, StoreDump.h2(dir.resolve("crm")), entries, json.get("merge").asText());
        // --rule applies to companies: created at the same instant, the oldest is the first listed, not the fuller
        CliRun byAge = crm("merge", "--companies", typo, "acme-robotics.de", "--rule", "oldest", "--format", "json");
        assertEquals(0, byAge.exitCode(), byAge.toString());
        assertEquals(typo, byAge.json().get("survivor").asText(), byAge.toString());
    }

    @Test
    void mergeLeads_json_thenUnmergeRestoresTheStore() {
        demo();
        String kept;
        String copy;
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            Instant at = Instant.parse(CliRun.AS_OF);
            Contact lara = db.store().contacts().findByEmail(EmailAddress.parse(LARA)).orElseThrow();
            Lead first = db.store().leads().insertOrGet(Lead.builder(new LeadId(new UUID(7, 1)), lara.id(),
                    LeadSource.of(Channel.WEB_FORM), lara.name(), at).reachableAt(Optional.of(
                    EmailAddress.parse("lara.leads@example.org")), Optional.empty()).externalId("form-7", "p7")
                    .build());
            Lead second = db.store().leads().insertOrGet(Lead.builder(new LeadId(new UUID(7, 2)), lara.id(),
                    LeadSource.of(Channel.WEB_FORM), lara.name(), at.plusSeconds(5)).reachableAt(Optional.of(
                    EmailAddress.parse("lara.leads@example.org")), Optional.empty()).companyName("Acme")
                    .externalId("form-8", "p8").build());
            db.store().tasks().insert(Task.open(new TaskId(new UUID(8, 1)), "Call back", at.plusSeconds(3600),
                    Optional.empty(), UserId.of("alice"), Optional.of(new RecordRef(RecordType.LEAD,
                            second.id().value())), at));
            kept = first.id().toString();
            copy = second.id().toString();
        }
        String before = StoreDump.h2(dir.resolve("crm"));

        CliRun merge = crm("merge", "--leads", copy, kept, "--survivor", kept, "--format", "json");

        assertEquals(0, merge.exitCode(), merge.toString());
        JsonNode json = merge.json();
        assertEquals(kept, json.get("survivor").asText());
        assertEquals(List.of(copy), strings(json.get("mergedAway")));
        assertEquals(1, json.get("repointed").get("task").asInt(), json.toString());
        CliRun again = crm("merge", "--leads", kept, copy);
        assertEquals(3, again.exitCode(), again.toString());
        assertTrue(again.out().contains("was merged into " + kept), again.out());

        CliRun unmerge = crm("unmerge", json.get("merge").asText(), "--format", "json");

        assertEquals(0, unmerge.exitCode(), unmerge.toString());
        assertEquals(List.of(copy), strings(unmerge.json().get("restored")));
        Set<String> entries = Set.of(json.get("entry").asText(), unmerge.json().get("entry").asText());
        assertRestored(before, StoreDump.h2(dir.resolve("crm")), entries, json.get("merge").asText());
    }

    @Test
    void unmerge_notAnId_badArgument() {
        CliRun run = crm("unmerge", "yesterday");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("'yesterday' is not a merge id"), run.err());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The strict {@link dev.crmkit.core.contract.Restored#assertRestored(Object, Object, java.util.Collection,
     * Instant)}: the dump after the undo of a merge is the dump before it, but for the record tables, the rows of the
     * merge's and undo's timeline entries, and versions and times of the last change, which only went up; each record
     * the undo wrote (read from the merge record the store keeps) went up a version and was last changed at the
     * undo's instant.
     */
    private void assertRestored(String before, String after, Set<String> entries, String mergeId) {
        MergeRecord<?, ?> merge;
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(Instant.parse(CliRun.AS_OF),
                    ZoneOffset.UTC)).ids(IdGenerator.seeded(5)).defaultRegion("DE").build();
            MergeId id = MergeId.parse(mergeId);
            merge = crm.merging().find(id).<MergeRecord<?, ?>>map(m -> m)
                    .or(() -> crm.companyMerging().find(id)).or(() -> crm.leadMerging().find(id)).orElseThrow();
        }
        dev.crmkit.core.contract.Restored.assertRestored(withoutRecords(before, Set.of()),
                withoutRecords(after, entries), dev.crmkit.core.contract.Restored.written(merge),
                merge.undoneAt().orElseThrow());
    }

    /** The dump without the record tables and without the rows of the given timeline entries. */
    private static String withoutRecords(String dump, Set<String> entries) {
        StringBuilder out = new StringBuilder();
        String table = "";
        for (String line : dump.lines().toList()) {
            if (line.startsWith("== ")) {
                table = line.substring(3);
            }
            if (RECORD_TABLES.contains(table) || entries.stream().anyMatch(line::contains)) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
