package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.cli.leadimport.CsvRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * 10,000 hostile lead CSV files through {@code crm import}, in process, against one H2 store at a time: each ends
 * either in counts that add up to the rows of the file (new + duplicates + rejected, the store's leads grown by the
 * new ones, the rejects file holding exactly the rejected rows) or in one clear line on standard error with the right
 * exit status, the store identical to its dump before the run.
 */
class HostileLeadCsvTest {

    /** 10,000 unless {@code -Dhostile.cases=N} says otherwise (for a quick run by hand). */
    private static final int CASES = Integer.getInteger("hostile.cases", 10_000);
    /** Cases per store, so that the store (and its dump) stays small. */
    private static final int CASES_PER_STORE = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    /** Where the case files go: memory-backed when the system has /dev/shm, the test's folder otherwise. */
    private Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private CommandLine crm;
    private Database database;
    private String url;
    /** A connection of the test's own to the store, to dump and count it. */
    private Connection watcher;
    private int ran;
    private int stores;
    /** The dump of the store as it is, or null when a run may have changed it. */
    private String dump;
    private final int[] outcomes = new int[3];

    @BeforeEach
    void caseFolder() throws IOException {
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "hostile-csv-")
                : temp;
    }

    @AfterEach
    void closeStore() throws SQLException, IOException {
        if (database != null) {
            watcher.close();
            database.close();
        }
        if (!dir.equals(temp)) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void hostileLeadFiles_endInCountsThatAddUpOrOneLine_andARefusalLeavesTheStoreAsItWas() {
        qt().withFixedSeed(20_261_204L).withExamples(CASES).withShrinkCycles(0)
                .forAll(HostileLeadCsv.cases())
                .checkAssert(this::run);

        assertEquals(CASES, ran);
        assertTrue(outcomes[0] > CASES / 3 && outcomes[1] > CASES / 10 && outcomes[2] > CASES / 50,
                "imported, refused as a file, refused as an argument: " + List.of(outcomes[0], outcomes[1],
                        outcomes[2]));
    }

    private void run(HostileLeadCsv.Case c) {
        if (ran++ % CASES_PER_STORE == 0) {
            newStore();
        }
        Path input = dir.resolve("case.csv");
        List<String> args = new ArrayList<>(List.of("import", input.toString(), "--as-of", CliRun.AS_OF,
                "--format", "json", "--no-progress"));
        for (String option : c.options()) {
            args.add(option.equals(HostileLeadCsv.MISSING_FOLDER) ? dir.resolve("missing/rejects.csv").toString()
                    : option);
        }
        try {
            Files.write(input, c.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (dump == null && c.expect() != HostileLeadCsv.Expect.IMPORTED) {
            dump = dump(); // a case expected to import fails if it is refused, whatever the store
        }
        long leadsBefore = leads();
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        int exit = crm.execute(args.toArray(String[]::new));

        if (exit != 0 && c.expect() == HostileLeadCsv.Expect.IMPORTED) {
            throw new AssertionError("a well-formed file was refused: " + c + "\n--- exit " + exit + "\n--- err\n" + err);
        }
        String why = c + "\n--- exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        if (exit == 0) {
            assertTrue(c.expect() == HostileLeadCsv.Expect.IMPORTED || c.expect() == HostileLeadCsv.Expect.EITHER,
                    why);
            imported(c, leadsBefore, why);
            outcomes[0]++;
            dump = null;
            return;
        }
        refused(c, exit, why);
    }

    private void imported(HostileLeadCsv.Case c, long leadsBefore, String why) {
        JsonNode json;
        try {
            json = JSON.readTree(out.toString());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + why, e);
        }
        long rows = json.get("rows").asLong();
        assertEquals(rows, json.get("created").asLong() + json.get("duplicates").asLong()
                + json.get("rejected").asLong(), why);
        assertEquals(json.get("duplicates").asLong(), json.get("folded").asLong()
                + json.get("alreadyCaptured").asLong(), why);
        if (c.rows() >= 0) {
            assertEquals(c.rows(), rows, why);
        }
        assertEquals(leadsBefore + json.get("created").asLong(), leads(), why);
        Path rejects = dir.resolve("case.rejects.csv");
        long rejected = json.get("rejected").asLong();
        if (rejected == 0) {
            assertFalse(Files.exists(rejects), "a rejects file without rejects: " + why);
            assertTrue(json.get("rejectsFile").isNull(), why);
        } else {
            assertEquals(rejected, records(rejects), why);
        }
        assertTrue(err.toString().lines().allMatch(l -> l.startsWith("crm: warning: ")), why);
    }

    private void refused(HostileLeadCsv.Case c, int exit, String why) {
        switch (c.expect()) {
            case ARGUMENT_REFUSED -> assertEquals(2, exit, why);
            default -> assertEquals(1, exit, why);
        }
        outcomes[exit == 2 ? 2 : 1]++;
        String error = err.toString();
        assertEquals("", out.toString(), why);
        assertEquals(1, error.lines().count(), why);
        assertTrue(error.startsWith("crm: ") && error.endsWith("\n"), why);
        assertTrue(error.strip().chars().noneMatch(Character::isISOControl), "a control character echoed: " + why);
        assertTrue(error.length() < 1_000, "a long message: " + why);
        assertTrue(error.contains(c.mustSay()), "the error should say '" + c.mustSay() + "': " + why);
        String after = dump();
        assertEquals("", StoreDump.difference(dump, after), "the refused run changed the store: " + why);
    }

    private static long records(Path file) {
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in)) {
            long n = 0;
            while (records.hasNext()) {
                records.next();
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty H2 store with the lead custom fields defined, and the command line importing into it. */
    private void newStore() {
        if (database != null) {
            try {
                watcher.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            database.close();
        }
        url = "jdbc:h2:mem:hostile_" + ProcessHandle.current().pid() + "_" + (stores++) + ";DB_CLOSE_DELAY=-1";
        copyMigratedStore(url);
        database = Database.open(url, Optional.empty(), Optional.empty(), StoreOptions.PREFIX);
        try {
            watcher = DriverManager.getConnection(url, "", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        CrmSetup.on(database.store(), "DE", Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC),
                IdGenerator.seeded(1));
        crm = CrmCommand.commandLine(Map.of());
        crm.setOut(new PrintWriter(out, true));
        crm.setErr(new PrintWriter(err, true));
        ((ImportCommand) crm.getSubcommands().get("import").getCommandSpec().userObject())
                .useStore(database.store());
        dump = null;
    }

    /** The {@code SCRIPT} of a store migrated once per JVM: every table, index and row, Flyway's history included. */
    private static List<String> migratedStore;

    /**
     * Fills the new in-memory database at the URL with what a migration leaves (the {@code SCRIPT} of one store
     * migrated once per JVM), so that {@link Database#open} finds crmkit's tables up to date and runs no migration:
     * one migration for the run instead of one per store (the 25 stores' migrations were most of the time spent
     * outside the cases). The store each case sees is the same empty, migrated one.
     */
    private static void copyMigratedStore(String url) {
        try {
            if (migratedStore == null) {
                String template = "jdbc:h2:mem:hostile_template_" + ProcessHandle.current().pid();
                List<String> script = new ArrayList<>();
                try (Database migrated = Database.open(template, Optional.empty(), Optional.empty(),
                        StoreOptions.PREFIX);
                     Connection c = DriverManager.getConnection(template, "", "");
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
                    while (rs.next()) {
                        if (!rs.getString(1).startsWith("--")) { // the row counts SCRIPT notes as comments
                            script.add(rs.getString(1));
                        }
                    }
                }
                migratedStore = List.copyOf(script);
            }
            try (Connection c = DriverManager.getConnection(url, "", ""); Statement s = c.createStatement()) {
                for (String statement : migratedStore) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the migrated store to " + url, e);
        }
    }

    private String dump() {
        try {
            return StoreDump.of(watcher, "crm_");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long leads() {
        try (Statement s = watcher.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM crm_lead")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
