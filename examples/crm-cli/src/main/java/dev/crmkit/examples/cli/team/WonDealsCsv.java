package dev.crmkit.examples.cli.team;

import dev.crmkit.metrics.team.WonDeal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads a won deals file: CSV with a header holding {@code owner}, {@code won_at} (ISO date; a date-time counts on
 * its day in the given zone), {@code amount} and {@code currency} (ISO 4217; the amount at most its decimals). Every
 * bad value ends the read naming the file, line and column.
 */
final class WonDealsCsv {

    private WonDealsCsv() {
    }

    /** Every deal of the file, in file order. */
    static List<WonDeal> read(Path file, ZoneId zone) {
        return TeamCsv.read(file, List.of("owner", "won_at", "amount", "currency"), List.of(), zone,
                row -> new WonDeal(row.required("owner"), row.day("won_at"), row.money("amount", "currency")));
    }
}
