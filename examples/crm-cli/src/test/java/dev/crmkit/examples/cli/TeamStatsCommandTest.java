package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm team stats}: from CSV files and from the store, in JSON end to end. */
class TeamStatsCommandTest {

    private static final String ACTIVITIES = """
            owner,type,direction,at,duration_seconds,outcome
            ann,call,in,2026-11-02T09:00:00Z,120,answered
            ann,call,out,2026-11-02T10:00:00Z,60,answered
            ann,call,out,2026-11-02T11:00:00Z,,missed
            ann,call,out,2026-11-03T11:00:00Z,,answered
            ann,email,out,2026-11-04T08:00:00Z,,
            ann,email,in,2026-11-04T09:00:00Z,,
            ann,meeting,,2026-11-05T14:00:00Z,,
            ann,task,,2026-11-06T17:00:00Z,,done
            ann,task,,2026-11-07T17:00:00Z,,overdue
            bob,call,in,2026-10-31T23:30:00Z,30,answered
            bob,call,in,2026-12-01T00:00:00Z,30,answered
            """;
    private static final String DEALS = """
            owner,won_at,amount,currency
            ann,2026-11-03,3000.00,EUR
            ann,2026-11-20,2000.00,EUR
            ann,2026-11-21,150,USD
            ann,2026-10-15,9999.00,EUR
            bob,2026-11-10,1000.00,EUR
            """;
    private static final String TARGETS = """
            owner,period,amount,currency
            ann,2026-11,10000.00,EUR
            ann,2026-Q4,30000.00,EUR
            bob,2026-11,4000.00,EUR
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private CliRun stats(String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("team", "stats",
                "--activities", file("activities.csv", ACTIVITIES).toString(),
                "--deals", file("deals.csv", DEALS).toString(), "--targets", file("targets.csv", TARGETS).toString(),
                "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json"));
        args.addAll(List.of(more));
        return CliRun.crm(args.toArray(String[]::new));
    }

    @Test
    void stats_files_json_hasTheIssuesShapePerPerson() throws IOException {
        CliRun run = stats("--as-of", "2026-11-15");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode ann = run.json().get("people").get("ann");
        JsonNode calls = ann.get("calls");
        assertEquals(4, calls.get("total").asLong());
        assertEquals(1, calls.get("inbound").asLong());
        assertEquals(3, calls.get("outbound").asLong());
        assertEquals(3, calls.get("answered").asLong());
        assertEquals(1, calls.get("missed").asLong());
        assertEquals(180, calls.get("talkSeconds").asLong());
        assertEquals(90.0, calls.get("averageTalkSeconds").asDouble(), "over the answered calls with a duration");
        assertEquals(1, ann.get("emails").get("sent").asLong());
        assertEquals(1, ann.get("emails").get("received").asLong());
        assertEquals(1, ann.get("meetings").asLong());
        assertEquals(1, ann.get("tasks").get("done").asLong());
        assertEquals(1, ann.get("tasks").get("overdue").asLong());
        assertEquals(List.of("calls", "emails", "meetings", "tasks", "targets"), fieldNames(ann));
    }

    @Test
    void stats_files_targets_perPeriodAndCurrency_amountsAsStrings_attainmentANumber() throws IOException {
        JsonNode targets = stats("--as-of", "2026-11-15").json().get("people").get("ann").get("targets");

        assertEquals(4, targets.size(), targets.toString());
        assertEquals(List.of("2026-Q4 EUR", "2026-Q4 USD", "2026-11 EUR", "2026-11 USD"), keys(targets),
                "by period (start, then shorter) and currency");
        JsonNode november = target(targets, "2026-11", "EUR");
        assertEquals("2026-11", november.get("period").asText());
        assertEquals("EUR", november.get("currency").asText());
        assertEquals("10000.00", november.get("target").asText());
        assertTrue(november.get("target").isTextual() && november.get("achieved").isTextual());
        assertEquals("5000.00", november.get("achieved").asText());
        assertTrue(november.get("attainment").isNumber());
        assertEquals(0.5, november.get("attainment").asDouble());
        assertEquals("5000.00", november.get("expectedToDate").asText(), "15 of 30 days");
        assertEquals("333.34", november.get("dailyRunRate").asText());
        JsonNode usd = target(targets, "2026-11", "USD");
        assertEquals("USD", usd.get("currency").asText());
        assertTrue(usd.get("target").isNull() && usd.get("attainment").isNull(), "a currency with no target: " + usd);
        assertEquals("150.00", usd.get("achieved").asText());
        JsonNode quarter = target(targets, "2026-Q4", "EUR");
        assertEquals("5000.00", quarter.get("achieved").asText(), "October's deal is outside --from");
    }

    @Test
    void stats_files_rowsOutsideTheWindow_areIgnored_andTheZoneDecidesTheDay() throws IOException {
        JsonNode utc = stats().json().get("people").get("bob");
        JsonNode berlin = stats("--zone", "Europe/Berlin").json().get("people").get("bob");

        assertEquals(0, utc.get("calls").get("total").asLong(), "31 Oct 23:30 UTC and 1 Dec are outside");
        assertEquals(1, berlin.get("calls").get("total").asLong(), "31 Oct 23:30 UTC is 1 Nov in Berlin");
        assertTrue(utc.get("calls").get("averageTalkSeconds").isNull());
    }

    @Test
    void stats_asOfDefaultsToTheLastDay() throws IOException {
        JsonNode november = target(stats().json().get("people").get("ann").get("targets"), "2026-11", "EUR");

        assertEquals("10000.00", november.get("expectedToDate").asText());
        assertTrue(november.get("dailyRunRate").isNull(), "no day left");
    }

    @Test
    void stats_text_namesPeopleTargetsAndPerformers() throws IOException {
        CliRun run = CliRun.crm("team", "stats", "--activities", file("a.csv", ACTIVITIES).toString(),
                "--targets", file("t.csv", TARGETS).toString(), "--from", "2026-10-01", "--to", "2026-12-31");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("ann") && run.out().contains("2026-Q4 target EUR 30000.00")
                && run.out().contains("calls: top ann 4, bob 2"), run.out());
    }

    @Test
    void stats_countTargets_callsMadeMeetingsHeldDealsWon_asNumbers() throws IOException {
        Path targets = file("counts.csv", """
                owner,period,amount,currency,measure
                ann,2026-11,10000.00,EUR,
                ann,2026-11,6,,calls_made
                ann,2026-11,2,,meetings_held
                ann,2026-11,4,,deals_won
                """);

        CliRun run = CliRun.crm("team", "stats", "--activities", file("a.csv", ACTIVITIES).toString(), "--deals",
                file("d.csv", DEALS).toString(), "--targets", targets.toString(), "--from", "2026-11-01", "--to",
                "2026-11-30", "--as-of", "2026-11-15", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode list = run.json().get("people").get("ann").get("targets");
        assertEquals("won_amount", target(list, "2026-11", "EUR").get("measure").asText());
        JsonNode calls = measure(list, "calls_made");
        assertEquals(6, calls.get("target").asLong());
        assertEquals(3, calls.get("achieved").asLong(), "outbound calls");
        assertEquals(0.5, calls.get("attainment").asDouble());
        assertEquals(3.0, calls.get("expectedToDate").asDouble());
        assertTrue(calls.get("currency").isNull() && calls.get("target").isNumber());
        assertEquals(1, measure(list, "meetings_held").get("achieved").asLong());
        assertEquals(3, measure(list, "deals_won").get("achieved").asLong(), "two in EUR and one in USD");
    }

    @Test
    void stats_badCountTargets_nameTheirColumn() throws IOException {
        assertRefused("targets", TARGETS.replace("owner,period,amount,currency", "owner,period,amount,currency,"
                + "measure") + "ann,2026-11,5,EUR,calls_made\n", "line 5: column currency must be empty");
        assertRefused("targets", "owner,period,amount,currency,measure\nann,2026-11,0,,calls_made\n",
                "line 2: column amount must be above zero");
        assertRefused("targets", "owner,period,amount,currency,measure\nann,2026-11,2.5,,calls_made\n",
                "line 2: column amount is not a whole number");
        assertRefused("targets", "owner,period,amount,currency,measure\nann,2026-11,2,,visits\n",
                "line 2: column measure must be one of");
    }

    @Test
    void stats_badRow_exits1NamingFileLineAndColumn() throws IOException {
        Path bad = file("bad.csv", ACTIVITIES + "cy,call,sideways,2026-11-02T09:00:00Z,,\n");

        CliRun run = CliRun.crm("team", "stats", "--activities", bad.toString(), "--from", "2026-11-01", "--to",
                "2026-11-30");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.csv line 13: column direction must be one of in, out"), run.err());
    }

    @Test
    void stats_badValues_nameTheirColumn() throws IOException {
        assertRefused("activities", ACTIVITIES + "cy,task,,2026-11-02T09:00:00Z,,answered\n",
                "line 13: column outcome");
        assertRefused("activities", ACTIVITIES + "cy,call,in,2026-11-02T09:00:00Z,-5,\n",
                "line 13: column duration_seconds");
        assertRefused("activities", ACTIVITIES + "cy,call,in,yesterday,,\n", "line 13: column at");
        assertRefused("deals", DEALS + "cy,2026-11-02,12.345,EUR\n", "line 7: column amount has more decimals");
        assertRefused("deals", DEALS + "cy,2026-11-02,12,EURO\n", "line 7: column currency");
        assertRefused("targets", TARGETS + "cy,2026-Q5,100,EUR\n", "line 5: column period");
        assertRefused("targets", TARGETS + "ann,2026-11,100,EUR\n", "line 5: column period repeats a target");
        assertRefused("targets", "owner,period,amount\nann,2026,1\n", "has no column currency");
    }

    private void assertRefused(String kind, String text, String expected) throws IOException {
        Path f = file(kind + "-bad.csv", text);
        List<String> args = new java.util.ArrayList<>(List.of("team", "stats", "--" + kind, f.toString(), "--from",
                "2026-11-01", "--to", "2026-11-30"));
        if (!kind.equals("activities")) {
            args.addAll(List.of("--activities", file("ok.csv", ACTIVITIES).toString()));
        }
        CliRun run = CliRun.crm(args.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains(f.getFileName().toString()) && run.err().contains(expected), run.err());
    }

    @Test
    void stats_toBeforeFrom_orBadAsOf_exits2() throws IOException {
        Path a = file("a.csv", ACTIVITIES);

        CliRun backwards = CliRun.crm("team", "stats", "--activities", a.toString(), "--from", "2026-11-30",
                "--to", "2026-11-01");
        CliRun badAsOf = CliRun.crm("team", "stats", "--activities", a.toString(), "--from", "2026-11-01",
                "--to", "2026-11-30", "--as-of", "soon");

        assertEquals(2, backwards.exitCode(), backwards.toString());
        assertTrue(backwards.err().contains("--to"), backwards.err());
        assertEquals(2, badAsOf.exitCode(), badAsOf.toString());
        assertTrue(badAsOf.err().contains("--as-of"), badAsOf.err());
    }

    @Test
    void stats_store_countsTimelineTasksAndWonDeals_withLeadResponse() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("crm");
        Instant t = Instant.parse("2026-11-02T09:00:00Z");
        try (Database db = Database.open(url, Optional.empty(), Optional.empty(), "crm_")) {
            JdbcCrmStore store = db.store();
            RecordRef about = new RecordRef(RecordType.CONTACT, new UUID(0, 1));
            store.activities().append(entry(1, ActivityType.CALL, Direction.OUTBOUND, t, "ann", about)
                    .withOutcome(ActivityOutcome.ANSWERED).withDuration(Duration.ofSeconds(95)));
            store.activities().append(entry(2, ActivityType.CALL, Direction.INBOUND, t, "ann", about)
                    .withOutcome(ActivityOutcome.MISSED).withDuration(Duration.ZERO));
            store.activities().append(entry(10, ActivityType.CALL, Direction.OUTBOUND, t, "ann", about)
                    .withOutcome(ActivityOutcome.ANSWERED));
            store.activities().append(entry(11, ActivityType.MEETING, Direction.OUTBOUND, t, "bob", about)
                    .withOutcome(ActivityOutcome.CANCELLED));
            store.activities().append(entry(3, ActivityType.EMAIL, Direction.OUTBOUND, t, "ann", about));
            store.activities().append(entry(4, ActivityType.MEETING, Direction.INTERNAL, t, "bob", about));
            store.activities().append(entry(5, ActivityType.NOTE, Direction.INTERNAL, t, "bob", about));
            store.activities().append(entry(6, ActivityType.CALL, Direction.OUTBOUND, Instant.parse(
                    "2026-12-02T09:00:00Z"), "ann", about));
            store.tasks().insert(new Task(new TaskId(new UUID(0, 7)), 0, "call back", t, Optional.empty(),
                    UserId.of("ann"), Optional.empty(), TaskStatus.DONE, Optional.of(t.minusSeconds(60)), t));
            store.tasks().insert(new Task(new TaskId(new UUID(0, 8)), 0, "send offer", t, Optional.empty(),
                    UserId.of("ann"), Optional.empty(), TaskStatus.OPEN, Optional.empty(), t));
            store.deals().insert(won(9, "ann", "2026-11-05T10:00:00Z", Money.of("4000.00", "EUR")));
        }
        Path targets = file("targets.csv", TARGETS);

        CliRun run = CliRun.crm("team", "stats", "--targets", targets.toString(), "--from", "2026-11-01", "--to",
                "2026-11-30", "--as-of", "2026-11-15T00:00:00Z", "--jdbc-url", url, "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode ann = run.json().get("people").get("ann");
        JsonNode calls = ann.get("calls");
        assertEquals(3, calls.get("total").asLong());
        assertEquals(1, calls.get("inbound").asLong());
        assertEquals(2, calls.get("answered").asLong());
        assertEquals(1, calls.get("missed").asLong());
        assertEquals(95, calls.get("talkSeconds").asLong());
        assertEquals(95.0, calls.get("averageTalkSeconds").asDouble(), "over the answered call with a duration");
        assertEquals(1, ann.get("emails").get("sent").asLong());
        assertEquals(1, ann.get("tasks").get("done").asLong());
        assertEquals(1, ann.get("tasks").get("overdue").asLong(), "open past its due time as of 15 November");
        JsonNode november = target(ann.get("targets"), "2026-11", "EUR");
        assertEquals("4000.00", november.get("achieved").asText());
        assertEquals(0.4, november.get("attainment").asDouble());
        assertEquals("5000.00", november.get("expectedToDate").asText(), "15 November has begun: 15 of 30 days");
        assertEquals(1, run.json().get("people").get("bob").get("meetings").asLong(), "the cancelled one is no "
                + "meeting held");
        assertEquals(0, run.json().get("leadResponse").get("overall").get("leads").asLong());
    }

    @Test
    void stats_inMemoryStore_isRefusedSayingWhy() {
        CliRun run = CliRun.crm("team", "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--in-memory");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--in-memory"), run.err());
    }

    @Test
    void help_listsTeamAndQuality() {
        CliRun run = CliRun.crm("--help");

        assertTrue(run.out().contains("team") && run.out().contains("quality"), run.out());
    }

    private static Activity entry(int id, ActivityType type, Direction direction, Instant at, String owner,
                                  RecordRef about) {
        return new Activity(new ActivityId(new UUID(0, id)), type, type.name(), "", direction, at, List.of(),
                Set.of(about), Optional.of(UserId.of(owner)), Visibility.PUBLIC, at);
    }

    private static Deal won(int id, String owner, String at, Money amount) {
        Instant wonAt = Instant.parse(at);
        return new Deal(new DealId(new UUID(0, id)), 0, new PipelineId(new UUID(0, 99)), "deal", "won", wonAt, 100,
                Optional.empty(), Optional.of(amount), Optional.empty(), Optional.empty(),
                Optional.of(UserId.of(owner)), Optional.empty(), Optional.empty(), Optional.empty(), "web",
                CustomFields.empty(), Map.of(), Set.of(), Optional.empty(), Optional.of(wonAt), Optional.empty(),
                wonAt, wonAt);
    }

    private static JsonNode target(JsonNode targets, String period, String currency) {
        for (JsonNode t : targets) {
            if (t.get("period").asText().equals(period) && t.get("currency").asText().equals(currency)) {
                return t;
            }
        }
        throw new AssertionError("no " + period + " " + currency + " in " + targets);
    }

    private static JsonNode measure(JsonNode targets, String measure) {
        for (JsonNode t : targets) {
            if (t.get("measure").asText().equals(measure)) {
                return t;
            }
        }
        throw new AssertionError("no " + measure + " in " + targets);
    }

    private static List<String> keys(JsonNode targets) {
        List<String> out = new java.util.ArrayList<>();
        targets.forEach(t -> out.add(t.get("period").asText() + " " + t.get("currency").asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
