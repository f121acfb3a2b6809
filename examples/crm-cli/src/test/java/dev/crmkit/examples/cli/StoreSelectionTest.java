package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.adapters.jdbc.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which store {@code crm demo} and {@code crm import} use, and what they say when it cannot be used. */
class StoreSelectionTest {

    @TempDir
    Path dir;

    private String h2(String name) {
        return "jdbc:h2:file:" + dir.resolve(name);
    }

    @Test
    void demo_twiceOnTheSameDatabase_secondRunSeesTheFirstRunsLeads() {
        JsonNode first = CliRun.crm("demo", "--no-report", "--jdbc-url", h2("crm"), "--format", "json").json();
        CliRun again = CliRun.crm("demo", "--no-report", "--jdbc-url", h2("crm"));
        JsonNode second = CliRun.crm("demo", "--no-report", "--jdbc-url", h2("crm"), "--format", "json").json();

        assertEquals(18, first.get("created").asInt());
        assertEquals(0, first.get("store").get("before").get("leads").asInt());
        assertEquals(18, first.get("store").get("after").get("leads").asInt());
        assertTrue(first.get("store").get("persistent").asBoolean());

        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("before  18 contacts, 18 leads"), again.out());
        assertTrue(again.out().contains("from earlier runs"), again.out());
        assertTrue(again.out().contains("21 rows with an external id captured before"), again.out());

        assertEquals(21, second.get("alreadyCaptured").asInt(), "every external id is known: " + second);
        // the rows without an external id fold into their person's open lead, or open a new lead when an earlier
        // run converted that person's lead into a deal (a converted lead takes no more submissions)
        assertEquals(3, second.get("folded").asInt() + second.get("created").asInt(), second.toString());
        assertEquals(0, second.get("contactsCreated").asInt(), "no new person on a rerun");
        assertEquals(1, second.get("rejected").asInt());
        assertEquals(18, second.get("store").get("before").get("contacts").asInt());
        assertEquals(18, second.get("store").get("after").get("contacts").asInt());
        assertEquals(second.get("store").get("before").get("leads").asInt() + second.get("created").asInt(),
                second.get("store").get("after").get("leads").asInt());
        assertEquals(3, second.get("deals").get("opened").size(), "each run converts the next three new leads");
    }

    @Test
    void demo_inMemory_printsTheSameEveryTime() {
        CliRun first = CliRun.crm("demo", "--no-report", "--in-memory");
        CliRun second = CliRun.crm("demo", "--no-report", "--in-memory");

        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(first.out(), second.out());
    }

    @Test
    void demo_onPostgres_twice() {
        String url = EmbeddedDatabase.url(EmbeddedDatabase.newDatabase("demo"));

        JsonNode first = CliRun.crm("demo", "--no-report", "--jdbc-url", url, "--jdbc-user", "postgres", "--format",
                "json").json();
        JsonNode second = CliRun.crm("demo", "--no-report", "--jdbc-url", url, "--jdbc-user", "postgres", "--format",
                "json").json();

        assertTrue(first.get("store").get("description").asText().startsWith("PostgreSQL"), first.toString());
        assertEquals(18, first.get("created").asInt());
        assertEquals(0, second.get("contactsCreated").asInt(), second.toString());
        assertEquals(18, second.get("store").get("after").get("contacts").asInt());
        assertEquals(18 + second.get("created").asInt(), second.get("store").get("after").get("leads").asInt());
        assertEquals(6, countDeals(second.get("deals").get("board")), "three deals per run");
    }

    private static int countDeals(JsonNode board) {
        int deals = 0;
        for (JsonNode stage : board.get("stages")) {
            deals += stage.get("count").asInt();
        }
        return deals;
    }

    @Test
    void environment_givesTheUrl_andTheOptionWins() {
        Map<String, String> env = Map.of("CRM_JDBC_URL", h2("from-env"));

        JsonNode fromEnv = CliRun.crm(env, "demo", "--no-report", "--format", "json").json();
        JsonNode fromOption = CliRun.crm(env, "demo", "--no-report", "--jdbc-url", h2("from-option"), "--format",
                "json").json();
        JsonNode inMemory = CliRun.crm(env, "demo", "--no-report", "--in-memory", "--format", "json").json();

        assertTrue(fromEnv.get("store").get("description").asText().contains("from-env"), fromEnv.toString());
        assertTrue(fromOption.get("store").get("description").asText().contains("from-option"),
                fromOption.toString());
        assertFalse(inMemory.get("store").get("persistent").asBoolean(), inMemory.toString());
    }

    @Test
    void unreachableDatabase_exitsWith1AndOneLineNamingTheUrlWithoutThePassword() {
        CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/crm?password=geheim",
                "--jdbc-user", "anna", "--jdbc-password", "s3cret");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("crm: cannot connect to jdbc:postgresql://127.0.0.1:1/crm?password=***: "),
                run.err());
        assertFalse(run.err().contains("geheim") || run.err().contains("s3cret"), run.err());
    }

    @Test
    void unreachableDatabaseFromTheEnvironment_exitsWith1() throws java.io.IOException {
        Path csv = java.nio.file.Files.writeString(dir.resolve("any.csv"), "email\nann@example.com\n");

        CliRun run = CliRun.crm(Map.of("CRM_JDBC_URL", "jdbc:mariadb://127.0.0.1:1/crm",
                "CRM_JDBC_PASSWORD", "s3cret"), "import", "--as-of", CliRun.AS_OF, csv.toString(), "--no-progress");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("crm: cannot connect to jdbc:mariadb://127.0.0.1:1/crm: "), run.err());
        assertFalse(run.err().contains("s3cret"), run.err());
    }

    @Test
    void notAJdbcUrl_exitsWith2() {
        CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-url", "postgres://user:secret@localhost/crm");

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("crm: Invalid value for option '--jdbc-url': "), run.err());
        assertTrue(run.err().contains("postgres://user:***@localhost/crm"), run.err());
        assertFalse(run.err().contains("secret"), run.err());
    }

    @Test
    void urlNoDriverTakes_exitsWith2() {
        CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-url", "jdbc:oracle:thin:@localhost:1521:crm");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no bundled JDBC driver takes jdbc:oracle:thin:@localhost:1521:crm"),
                run.err());
    }

    @Test
    void inMemoryWithAUrl_exitsWith2() {
        CliRun run = CliRun.crm("demo", "--no-report", "--in-memory", "--jdbc-url", h2("x"));

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--in-memory and --jdbc-url exclude each other"), run.err());
    }

    @Test
    void userWithoutUrl_exitsWith2() {
        CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-user", "anna");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--jdbc-user needs --jdbc-url"), run.err());
    }

    @Test
    void unreachableDatabase_passwordThatIsPartOfTheUrl_leavesTheUrlReadable() {
        CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/rel_scratch",
                "--jdbc-user", "rel", "--jdbc-password", "rel");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("crm: cannot connect to jdbc:postgresql://127.0.0.1:1/rel_scratch: "),
                run.err());
    }

    @Test
    void unreachableDatabase_userInfoPassword_isHiddenByItsPlaceOnly() {
        CliRun run = CliRun.crm("demo", "--no-report", "--jdbc-url",
                "jdbc:postgresql://rel:rel@127.0.0.1:1/rel_scratch?sslpassword=rel");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith(
                "crm: cannot connect to jdbc:postgresql://rel:***@127.0.0.1:1/rel_scratch?sslpassword=***: "),
                run.err());
    }
}
