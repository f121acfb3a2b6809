package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.core.Crm;
import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.examples.cli.pipeline.PipelineSetup;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm --as USER pipeline show|deal move} end to end on an H2 file with the organization of
 * {@code crm access demo} (deals private; reps see and edit their own, the team lead anna her team's and, up the role
 * hierarchy, every rep's, the head of sales dana everything): B2C deals of ben, carla, david and anna, carla's shared with ben to read. Each user's board,
 * deal list and forecast hold exactly their deals; ben may not move carla's deal (refused naming the permission and
 * the deal, nothing changed), does not find david's, and moves his own.
 */
class ScopedDealCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;

    /** The deals the fixture opened, by owner (once per JVM: see {@link H2Templates}). */
    private static final Map<String, Deal> WRITTEN = new LinkedHashMap<>();

    private Map<String, Deal> byOwner;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @BeforeEach
    void store() {
        H2Templates.copy("scoped-deals", dir, ScopedDealCommandTest::write);
        byOwner = new LinkedHashMap<>(WRITTEN);
    }

    private static void write(String url) {
        WRITTEN.clear(); // a set-up that failed is tried again by the next test
        CliRun demo = CliRun.crm("access", "demo", "--as-of", CliRun.AS_OF, "--jdbc-url", url);
        assertEquals(0, demo.exitCode(), demo.toString());
        try (Database db = Database.open(url, Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            IdGenerator ids = IdGenerator.seeded(31);
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(T0, ZoneOffset.UTC)).ids(ids)
                    .defaultRegion("DE").build();
            DealPipeline pipelines = PipelineSetup.on(crm, ids);
            PipelineSetup.ensure(pipelines, Optional.empty());
            Pipeline b2c = pipelines.pipelineNamed("B2C").orElseThrow();
            int n = 1;
            for (String owner : List.of("ben", "carla", "david", "anna")) {
                WRITTEN.put(owner, pipelines.open(OpenDeal.of(b2c.id(), "Deal of " + owner,
                        Money.of(n * 1000 + ".00", "EUR"), Actor.of(owner)).closingOn(LocalDate.of(2026, 12, n))));
                n++;
            }
            db.store().shares().grant(new Share(ref(WRITTEN.get("carla")), new Grantee.ToUser(UserId.of("ben")),
                    ShareLevel.READ));
        }
    }

    private static RecordRef ref(Deal d) {
        return new RecordRef(RecordType.DEAL, d.id().value());
    }

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--jdbc-url");
        all.add(h2());
        return CliRun.crm(all.toArray(String[]::new));
    }

    private Set<String> ids(String... owners) {
        Set<String> out = new TreeSet<>();
        for (String o : owners) {
            out.add(byOwner.get(o).id().toString());
        }
        return out;
    }

    private JsonNode show(String... as) {
        List<String> args = new ArrayList<>(List.of(as));
        args.addAll(List.of("pipeline", "show", "--pipeline", "B2C", "--deals", "--forecast", "--format", "json"));
        CliRun run = crm(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        return run.json();
    }

    private static Set<String> listed(JsonNode json) {
        Set<String> out = new TreeSet<>();
        json.get("deals").forEach(d -> out.add(d.get("id").asText()));
        return out;
    }

    private static long count(JsonNode json) {
        long sum = 0;
        for (JsonNode s : json.get("stages")) {
            sum += s.get("count").asLong();
        }
        return sum;
    }

    @Test
    void pipelineShow_asAUser_boardDealsAndForecastHoldOnlyTheirDeals() {
        Map<String, Set<String>> expected = Map.of("ben", ids("ben", "carla"), "carla", ids("carla"),
                "david", ids("david"), "anna", ids("anna", "ben", "carla", "david"), "dana", ids("ben", "carla", "david", "anna"));
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            JsonNode json = show("--as", e.getKey());
            assertEquals(e.getValue(), listed(json), e.getKey());
            assertEquals(e.getValue().size(), count(json), e.getKey() + "'s board counts what they see: " + json);
            assertEquals("user:" + e.getKey(), json.get("actor").asText());
            long total = byOwner.values().stream().filter(d -> e.getValue().contains(d.id().toString()))
                    .mapToLong(d -> d.amount().orElseThrow().amount().longValue()).sum();
            assertEquals(new java.math.BigDecimal(total + ".00"), new java.math.BigDecimal(json.get("forecast")
                    .get("categories").get("pipeline").get("EUR").asText()),
                    e.getKey() + "'s forecast sums what they see: " + json.get("forecast"));
        }
        JsonNode all = show();
        assertEquals(ids("ben", "carla", "david", "anna"), listed(all), "without --as: every deal");
        assertTrue(all.get("actor") == null, all.toString());
        JsonNode ben = show("--as", "ben");
        assertEquals("300.00", ben.get("forecast").get("byMonth").get("2026-12").get("EUR").asText(),
                "10 % of ben's 1000.00 and carla's 2000.00 closing in December");
    }

    @Test
    void dealMove_asAUserWhoMayOnlyReadTheDeal_isRefusedNamingThePermissionAndTheDeal() {
        Deal carlas = byOwner.get("carla");
        CliRun run = crm("--as", "ben", "deal", "move", carlas.id().toString(), "Interest");
        assertEquals(DealCommand.Move.REFUSED, run.exitCode(), run.toString());
        assertTrue(run.out().contains("user:ben may not edit deal:" + carlas.id()), run.out());
        assertTrue(run.out().contains("(access)"), run.out());
        JsonNode json = crm("--as", "ben", "deal", "move", carlas.id().toString(), "Interest", "--format", "json")
                .json();
        assertEquals(false, json.get("moved").asBoolean());
        assertEquals("access", json.get("reasons").get(0).get("rule").asText());
        assertEquals(Set.of("Attention"), stagesOf(ids("carla")), "nothing moved");

        CliRun hidden = crm("--as", "ben", "deal", "move", byOwner.get("david").id().toString(), "Interest");
        assertEquals(1, hidden.exitCode(), hidden.toString());
        assertTrue(hidden.err().contains("no deal with id " + byOwner.get("david").id()), hidden.err());
        CliRun byTitle = crm("--as", "ben", "deal", "move", "Deal of david", "Interest");
        assertEquals(1, byTitle.exitCode(), byTitle.toString());
        assertTrue(byTitle.err().contains("no deal with the id or title"), byTitle.err());

        CliRun own = crm("--as", "ben", "deal", "move", "Deal of ben", "Interest");
        assertEquals(0, own.exitCode(), own.toString());
        assertEquals(Set.of("Interest"), stagesOf(ids("ben")));
        CliRun lead = crm("--as", "anna", "deal", "move", byOwner.get("david").id().toString(), "Interest");
        assertEquals(0, lead.exitCode(), "a team lead edits her team's deals: " + lead);
    }

    @Test
    void pipelineShow_asAUserWhoseRoleHidesTheAmount_printsNoAmountNorASumOfThem() {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            dev.crmkit.core.access.Organization org = db.store().accessDirectory().organization();
            dev.crmkit.core.access.Role role = org.role(org.user(UserId.of("ben")).orElseThrow().role())
                    .orElseThrow();
            Map<dev.crmkit.core.access.FieldRef, dev.crmkit.core.access.FieldAccess> fields =
                    new LinkedHashMap<>(role.fields());
            fields.put(new dev.crmkit.core.access.FieldRef(RecordType.DEAL, "amount"),
                    dev.crmkit.core.access.FieldAccess.HIDDEN);
            db.store().transactions().run(() -> db.store().accessDirectory().save(new dev.crmkit.core.access.Role(
                    role.id(), role.name(), role.reportsTo(), role.scopes(), fields, role.admin())));
        }
        List<String> amounts = List.of(
                dev.crmkit.examples.cli.pipeline.BoardView.money(Money.of("1000.00", "EUR")),
                dev.crmkit.examples.cli.pipeline.BoardView.money(Money.of("2000.00", "EUR")),
                dev.crmkit.examples.cli.pipeline.BoardView.money(Money.of("3000.00", "EUR")), "1000", "2000", "300");
        CliRun everything = crm("pipeline", "show", "--pipeline", "B2C", "--deals", "--forecast");
        assertEquals(0, everything.exitCode(), everything.toString());
        assertTrue(everything.out().contains(amounts.get(0)), "without --as the amounts show: " + everything.out());

        CliRun ben = crm("--as", "ben", "pipeline", "show", "--pipeline", "B2C", "--deals", "--forecast");
        assertEquals(0, ben.exitCode(), ben.toString());
        assertTrue(ben.out().contains("Deal of ben") && ben.out().contains("Deal of carla"), ben.out());
        for (String amount : amounts) {
            assertTrue(!ben.out().contains(amount), "ben's role hides deal.amount, yet '" + amount + "' shows: "
                    + ben.out());
        }
        JsonNode json = show("--as", "ben");
        assertEquals(ids("ben", "carla"), listed(json));
        assertEquals(2, count(json), "the hidden amounts still count: " + json);
        json.get("deals").forEach(d -> assertTrue(d.get("amount") == null || d.get("amount").isNull(), d.toString()));
        for (String amount : amounts) {
            assertTrue(!json.toString().contains(amount), "'" + amount + "' in " + json);
        }
    }

    private Set<String> stagesOf(Set<String> wanted) {
        Set<String> out = new TreeSet<>();
        show().get("deals").forEach(d -> {
            if (wanted.contains(d.get("id").asText())) {
                out.add(d.get("stage").asText());
            }
        });
        return out;
    }
}
