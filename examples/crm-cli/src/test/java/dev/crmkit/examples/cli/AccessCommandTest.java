package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.core.Crm;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.access.Origin;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm access demo|explain|share} and {@code crm audit} end to end on an H2 file: a contact owned by david
 * (a DACH rep) and changed by him, a lead owned by ben (a UK/US rep), the demo organization stored by the CLI.
 */
class AccessCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;

    /** The reference of ben's lead as the fixture wrote it (once per JVM: see {@link H2Templates}). */
    private static String written;

    private String leadRef;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @BeforeEach
    void store() {
        H2Templates.copy("access", dir, AccessCommandTest::write);
        leadRef = written;
    }

    private static void write(String url) {
        try (Database db = Database.open(url, Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(T0, ZoneOffset.UTC))
                    .ids(IdGenerator.seeded(15)).defaultRegion("DE")
                    .actor(CurrentActor.fixed(Actor.user("david"), Origin.API)).build();
            Contact eva = crm.customers().createContact(new NewContact("Eva", "Lang", List.of("eva@kunde.example"),
                    List.of(), "", Optional.of(UserId.of("david")), Map.of()));
            crm.customers().addEmail(eva.id(), "eva.lang@kunde.example", false);
            crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Bob", "Hill").email("bob@hill.example")
                    .owner(UserId.of("ben")).build());
            written = "lead:" + db.store().leads().findByOwner(UserId.of("ben"), PageRequest.first(1)).items().get(0)
                    .id().value();
        }
    }

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--jdbc-url");
        all.add(h2());
        return CliRun.crm(all.toArray(String[]::new));
    }

    private void demo() {
        CliRun run = crm("access", "demo", "--as-of", CliRun.AS_OF);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("anna   team dach    role team-lead"), run.out());
    }

    private static List<String> rules(JsonNode decision) {
        List<String> out = new ArrayList<>();
        decision.get("grants").forEach(g -> out.add(g.get("rule").asText()));
        return out;
    }

    @Test
    void explain_teamLead_seesHerRepsContact_byHierarchyTeamAndDefault_andSaysWhy() {
        demo();
        JsonNode json = crm("access", "explain", "anna", "eva@kunde.example", "--format", "json").json();
        assertEquals("david", json.get("owner").asText());
        JsonNode view = json.get("decisions").get(0);
        assertEquals("view", view.get("permission").asText());
        assertEquals(List.of("ROLE_HIERARCHY", "TEAM_SCOPE", "DEFAULT_TEAM"), rules(view));
        assertTrue(view.get("grants").get(0).get("why").asText().contains("david has role rep, which reports to "
                + "team-lead"), view.toString());
        JsonNode delete = json.get("decisions").get(2);
        assertEquals(List.of("ROLE_HIERARCHY"), rules(delete), "team leads delete their own and their reports'");
        JsonNode export = json.get("decisions").get(3);
        assertEquals(List.of("ROLE_HIERARCHY"), rules(export));
    }

    @Test
    void explain_repOfAnotherTeam_isRefusedWithTheReason() {
        demo();
        CliRun run = crm("access", "explain", "ben", "eva@kunde.example");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("  view    refused  role rep may view own contacts, the default access of "
                + "contacts is TEAM_READ, owner david, and no share with ben or team uk-us grants it"), run.out());
    }

    @Test
    void share_byTheOwner_widensAccess_isAudited_andAStrangersShareIsRefused() {
        demo();
        JsonNode before = crm("access", "explain", "carla", leadRef, "--format", "json").json();
        assertEquals(false, before.get("decisions").get(0).get("allowed").asBoolean());

        CliRun refused = crm("access", "share", leadRef, "user:carla", "--by", "carla", "--as-of", CliRun.AS_OF);
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.out().startsWith("Refused: user:carla may not share " + leadRef), refused.out());

        CliRun shared = crm("access", "share", leadRef, "user:carla", "--by", "ben", "--as-of", CliRun.AS_OF);
        assertEquals(0, shared.exitCode(), shared.toString());
        JsonNode after = crm("access", "explain", "carla", leadRef, "--format", "json").json();
        assertEquals(List.of("USER_SHARE"), rules(after.get("decisions").get(0)));
        assertEquals(false, after.get("decisions").get(1).get("allowed").asBoolean(), "a read share does not edit");

        CliRun audit = crm("audit", leadRef);
        assertEquals(0, audit.exitCode(), audit.toString());
        assertTrue(audit.out().contains("user:ben via API  PERMISSION_CHANGE"), audit.out());
        assertTrue(audit.out().contains("    share user carla: (none) -> READ"), audit.out());
        assertTrue(audit.out().startsWith("Audit trail of " + leadRef + ": 1 entry"), audit.out());
    }

    @Test
    void audit_json_listsTheContactsCreationAndChange_withOldAndNewValues() {
        JsonNode json = crm("audit", "eva@kunde.example", "--format", "json").json();
        JsonNode entries = json.get("entries");
        assertEquals(2, entries.size(), json.toString());
        assertEquals("CREATE", entries.get(0).get("action").asText());
        JsonNode change = entries.get(1);
        assertEquals("user:david", change.get("actor").asText());
        assertEquals("API", change.get("origin").asText());
        assertEquals(T0.toString(), change.get("at").asText());
        JsonNode field = change.get("changes").get(0);
        assertEquals("emails", field.get("field").asText());
        assertEquals("eva@kunde.example", field.get("before").asText());
        assertEquals("eva@kunde.example, eva.lang@kunde.example", field.get("after").asText());
        assertEquals(false, json.get("more").asBoolean());
    }

    @Test
    void explain_withoutAnOrganization_orForAnUnknownUser_failsNamingWhatToDo() {
        CliRun empty = crm("access", "explain", "anna", "eva@kunde.example");
        assertEquals(1, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("crm access demo"), empty.err());
        demo();
        CliRun unknown = crm("access", "explain", "zoe", "eva@kunde.example");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("there is no user zoe; the users are anna, ben, carla, dana, david"),
                unknown.err());
        CliRun noRecord = crm("audit", "nobody@nowhere.example");
        assertEquals(1, noRecord.exitCode(), noRecord.toString());
        assertTrue(noRecord.err().contains("no contact has the e-mail address nobody@nowhere.example"),
                noRecord.err());
    }
}
