package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.adapters.metrics.QualityRecords;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.examples.cli.quality.StoreQuality;
import dev.crmkit.metrics.quality.FillReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm quality}: fill rates of the store's records, in JSON end to end. */
class QualityCommandTest {

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    private static void capture(CrmStore store) {
        Crm crm = Crm.builder().store(store).clock(Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"),
                ZoneOffset.UTC)).ids(IdGenerator.seeded(7)).defaultRegion("DE").build();
        crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe").email("jane@example.com")
                .company("Example GmbH").owner(UserId.of("ann")).build());
        crm.capture().capture(LeadSubmission.from(Channel.CALL).name("", "Roe").phone("030 901820")
                .owner(UserId.of("bob")).build());
        crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Max", "").email("max@gmail.com")
                .request("a quote").build());
    }

    @Test
    void quality_json_fillRatesPerFieldAndOwner_andTheRequiredMostOftenEmpty() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            capture(db.store());
        }

        CliRun run = CliRun.crm("quality", "--jdbc-url", h2(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode email = field(run.json().get("fields"), "lead", "email");
        assertEquals(3, email.get("records").asLong());
        assertEquals(2, email.get("filled").asLong());
        assertTrue(email.get("required").asBoolean());
        assertEquals(2.0 / 3, email.get("fillRate").asDouble(), 1e-9);
        assertEquals(1, field(run.json().get("byOwner").get("ann"), "lead", "email").get("filled").asLong());
        JsonNode empty = run.json().get("mostOftenEmptyRequired");
        assertEquals(5, empty.size(), empty.toString());
        assertEquals("company industry 1", empty.get(0).get("recordType").asText() + " "
                + empty.get(0).get("field").asText() + " " + empty.get(0).get("empty").asLong(), "ties by type, field");
    }

    @Test
    void quality_json_noDuplicatesSuspected_amongDifferentPeople() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            capture(db.store());
        }

        JsonNode duplicates = CliRun.crm("quality", "--jdbc-url", h2(), "--format", "json").json()
                .get("duplicatesSuspected");

        assertEquals(3, duplicates.get("contacts").asInt(), duplicates.toString());
        assertEquals(0, duplicates.get("pairs").asInt(), duplicates.toString());
        assertEquals(0, duplicates.get("examples").size(), duplicates.toString());
    }

    @Test
    void quality_duplicatesSuspected_countsTheFuzzyPair_inJsonAndText() {
        String katherine;
        String kathy;
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            capture(db.store());
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(Instant.parse("2026-11-03T09:00:00Z"),
                    ZoneOffset.UTC)).ids(IdGenerator.seeded(8)).defaultRegion("DE").build();
            katherine = contactOf(crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                    .name("Katherine", "Smith").email("katherine.smith@example.com").phone("040 5551230").build()));
            kathy = contactOf(crm.capture().capture(LeadSubmission.from(Channel.CALL).name("Kathy", "Smith")
                    .email("kathy.smith@example.org").phone("040 5551231").build()));
        }

        CliRun json = CliRun.crm("quality", "--jdbc-url", h2(), "--format", "json");
        CliRun text = CliRun.crm("quality", "--jdbc-url", h2());

        assertEquals(0, json.exitCode(), json.toString());
        JsonNode duplicates = json.json().get("duplicatesSuspected");
        assertEquals(5, duplicates.get("contacts").asInt(), duplicates.toString());
        assertEquals(1, duplicates.get("pairs").asInt(), duplicates.toString());
        assertEquals(1, duplicates.get("clusters").asInt(), duplicates.toString());
        JsonNode pair = duplicates.get("examples").get(0);
        assertEquals(java.util.Set.of(katherine, kathy), java.util.Set.of(pair.get("a").asText(),
                pair.get("b").asText()), pair.toString());
        assertTrue(pair.get("score").asDouble() >= 0.8, pair.toString());
        assertTrue(text.out().contains("Duplicates suspected: 1 pairs in 1 clusters among 5 contacts"), text.out());
    }

    private static String contactOf(dev.crmkit.core.capture.CaptureOutcome outcome) {
        return ((dev.crmkit.core.capture.CaptureOutcome.NewLeadNewContact) outcome).contact().id().toString();
    }

    @Test
    void quality_requiredOption_replacesTheStandardRequiredFields() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            capture(db.store());
        }

        JsonNode json = CliRun.crm("quality", "--jdbc-url", h2(), "--required", "lead.request", "--format", "json")
                .json();

        assertTrue(field(json.get("fields"), "lead", "request").get("required").asBoolean());
        assertEquals(false, field(json.get("fields"), "lead", "email").get("required").asBoolean());
        assertEquals("request", json.get("mostOftenEmptyRequired").get(0).get("field").asText());
    }

    @Test
    void quality_badRequired_exits2() {
        CliRun run = CliRun.crm("quality", "--in-memory", "--required", "order.total");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--required"), run.err());
    }

    @Test
    void fillRates_inMemoryWalk_equalsTheDatabasePushdown_onTheSameCaptures() {
        InMemoryCrmStore memory = InMemoryCrmStore.create();
        capture(memory);
        FillReport pushed;
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), "crm_")) {
            capture(db.store());
            pushed = StoreQuality.fillRates(db.store(), QualityRecords.DEFAULT_REQUIRED);
        }

        assertEquals(StoreQuality.fillRates(memory, QualityRecords.DEFAULT_REQUIRED), pushed);
        assertTrue(pushed.fields().size() > 20, pushed.toString());
    }

    private static JsonNode field(JsonNode fields, String type, String name) {
        for (JsonNode f : fields) {
            if (f.get("recordType").asText().equals(type) && f.get("field").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no " + type + "." + name + " in " + fields);
    }
}
