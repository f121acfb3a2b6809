package dev.crmkit.examples.cli;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps an H2 file the {@code crm} program writes near the size of its data. H2's MVStore appends every change and
 * frees old pages only later, so a write-heavy run (30,000 leads imported) left a file 4-5 times its data (8.3 KB per
 * lead where the data needs 1.9 KB), and a plain close compacts for 200 ms only. On close, when less than
 * {@value #COMPACT_BELOW_FILL_RATE}% of the file is live data, or when the command grew the file by more than
 * {@value #COMPACT_AFTER_GROWTH_BYTES} bytes (the fill rate of a store still open counts chunks being written as live,
 * so an import's waste shows only after a reopen), {@code SHUTDOWN COMPACT} rewrites it to its data.
 * Only an embedded file database the program owns is compacted: not one in memory, behind a server ({@code tcp:},
 * {@code ssl:}) or shared with {@code AUTO_SERVER}.
 */
final class H2Compaction {

    /** The share of live data in the file (H2's {@code info.CHUNKS_FILL_RATE}) under which closing compacts it. */
    static final int COMPACT_BELOW_FILL_RATE = 60;

    /** How much a command may grow the file before closing compacts it whatever the fill rate. */
    static final long COMPACT_AFTER_GROWTH_BYTES = 1 << 20;

    private static final Pattern EMBEDDED_FILE = Pattern.compile("(?i)jdbc:h2:(file:|\\.|/|~|[a-z]:[\\\\/]).*");

    private H2Compaction() {
    }

    /** Whether the URL names an embedded H2 file database that closing may compact. */
    static boolean applies(String url) {
        return EMBEDDED_FILE.matcher(url).matches() && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
    }

    /**
     * Compacts the database when its file is mostly dead pages, which also closes it: call it just before closing the
     * pool. A failure leaves the file as it is, still consistent: compaction is an optimization.
     *
     * @return whether it compacted
     */
    static boolean compactIfWasteful(DataSource dataSource, long sizeAtOpen) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT"); // write what is still in memory, so the file's size and fill rate are final
            long fillRate = setting(s, "info.CHUNKS_FILL_RATE", 100);
            long grown = setting(s, "info.FILE_SIZE", sizeAtOpen) - sizeAtOpen;
            if (fillRate >= COMPACT_BELOW_FILL_RATE && grown <= COMPACT_AFTER_GROWTH_BYTES) {
                return false;
            }
            // the pool's connections fail once the database is shut: keep H2 from tracing that to crm.trace.db
            s.execute("SET TRACE_LEVEL_FILE 0");
            s.execute("SHUTDOWN COMPACT");
            return true;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    /** The size of the database's file now, in bytes; 0 when it cannot be read. */
    static long fileSize(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return setting(s, "info.FILE_SIZE", 0);
        } catch (SQLException | NumberFormatException e) {
            return 0;
        }
    }

    private static long setting(Statement s, String name, long otherwise) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME = '" + name + "'")) {
            return rs.next() ? Long.parseLong(rs.getString(1).strip()) : otherwise;
        }
    }
}
