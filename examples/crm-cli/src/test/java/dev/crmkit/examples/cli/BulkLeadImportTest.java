package dev.crmkit.examples.cli;

import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.MutableClock;
import dev.crmkit.examples.cli.leadimport.ImportListener;
import dev.crmkit.examples.cli.leadimport.ImportTally;
import dev.crmkit.examples.cli.leadimport.LeadImport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm import} captures a chunk at once by default: on the same seeded file (people repeated within and across
 * chunks, bad rows, hostile strings, rows with and without a submission time) it leaves the database row for row as
 * capturing one by one does, with the same tally.
 */
class BulkLeadImportTest {

    private static final String[] HOSTILE = {"O'Brien", "x'); DROP TABLE crm_lead;--", "Zoë \"\"Z\"\" Ünal", "李",
        "😀", "a\\b%_c"};

    @Test
    void bulkImport_seededFile_leavesTheDatabaseAsOneByOne() throws SQLException {
        String csv = file(160);
        Imported single = importInto("single", csv, false);
        Imported bulk = importInto("bulk", csv, true);

        assertEquals("", StoreDump.difference(single.dump(), bulk.dump()), "one by one, then bulk");
        assertEquals(single.tally().byKind(), bulk.tally().byKind());
        assertTrue(bulk.tally().rejected() > 0 && bulk.tally().created() > 0, bulk.tally().byKind().toString());
    }

    /**
     * Runs of 13 rows submitted at one time cross the chunks of 40 (each chunk prepared on the helper thread while the
     * one before is captured with the clock set for its runs), with rows without a time and rows with a bad time among
     * them: the timelines, tasks and leads are dated as capturing one by one dates them.
     */
    @Test
    void bulkImport_runsOfRowsSubmittedAtOneTimeAcrossChunks_leaveTheDatabaseAsOneByOne() throws SQLException {
        String csv = file(200, i -> i % 31 == 7 ? "yesterday"
                : (i / 13) % 4 == 3 ? "" : "2026-11-" + (10 + i / 13) + "T08:" + String.format("%02d", i / 13) + ":00Z");
        Imported single = importInto("runs-single", csv, false);
        Imported bulk = importInto("runs-bulk", csv, true);

        assertEquals("", StoreDump.difference(single.dump(), bulk.dump()), "one by one, then bulk");
        assertEquals(single.tally().byKind(), bulk.tally().byKind());
        assertTrue(bulk.dump().contains("2026-11-12"), "the rows' times are in the store");
    }

    private record Imported(String dump, ImportTally tally) {
    }

    private static Imported importInto(String name, String csv, boolean bulk) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:bulk-import-" + name + ";DB_CLOSE_DELAY=-1");
        MutableClock clock = MutableClock.fixedAt(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        dev.crmkit.adapters.jdbc.CrmSchema.migrate(ds);
        Crm crm = CrmSetup.on(JdbcCrmStore.builder(ds).build(), "DE", clock, IdGenerator.seeded(3));
        ImportTally tally = new LeadImport(crm, clock, 40, bulk).run(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportListener.none());
        try (Connection c = ds.getConnection()) {
            String dump = StoreDump.of(c, "crm_").lines() // Flyway's history holds the time of the migration
                    .filter(line -> !line.startsWith("installed_rank=")).collect(Collectors.joining("\n"));
            c.createStatement().execute("SHUTDOWN");
            return new Imported(dump, tally);
        }
    }

    private static String file(int rows) {
        return file(rows, i -> i % 10 == 0 ? "2026-11-2" + (i % 3) + "T08:00:00Z" : "");
    }

    private static String file(int rows, java.util.function.IntFunction<String> submittedAt) {
        SplittableRandom r = new SplittableRandom(17);
        StringBuilder csv = new StringBuilder("first_name,last_name,email,phone,company,external_id,owner,request,"
                + "submitted_at\n");
        for (int i = 0; i < rows; i++) {
            int p = r.nextInt(90);
            String last = p % 4 == 0 ? HOSTILE[p % HOSTILE.length] : "No" + p;
            String email = switch (r.nextInt(5)) {
                case 0 -> "";
                case 1 -> "broken@@example";
                case 2 -> ("P" + p + "@Firm" + (p % 6) + ".de").toUpperCase(java.util.Locale.ROOT);
                default -> "p" + p + "@firm" + (p % 6) + ".de";
            };
            String phone = r.nextInt(4) == 0 ? "" : "0151 " + (40_000_000 + p * 13);
            String company = p % 3 == 0 ? "Firm " + (p % 6) + " GmbH" : "";
            String owner = r.nextBoolean() ? "rep" + (p % 3) : "";
            String at = submittedAt.apply(i);
            csv.append("Person,\"").append(last).append("\",").append(email).append(',').append(phone).append(',')
                    .append(company).append(",row-").append(i % 50 == 49 ? i - 7 : i).append(',').append(owner)
                    .append(",\"").append(HOSTILE[i % HOSTILE.length]).append("\",").append(at).append('\n');
        }
        return csv.toString();
    }
}
