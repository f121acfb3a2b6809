package dev.crmkit.examples.cli.team;

import dev.crmkit.metrics.team.CountTarget;
import dev.crmkit.metrics.team.Counted;
import dev.crmkit.metrics.team.Period;
import dev.crmkit.metrics.team.SalesTarget;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a sales targets file: CSV with a header holding {@code owner}, {@code period} ({@code 2026-11},
 * {@code 2026-Q4} or {@code 2026}), {@code amount} (above zero) and {@code currency} (ISO 4217), and optionally
 * {@code measure}: {@code won_amount} (the default) for a target in money, or {@code deals_won},
 * {@code meetings_held}, {@code calls_made} for a target in counts, whose amount is a whole number and whose currency
 * is empty. One target per owner, period, measure and currency. Every bad value ends the read naming the file, line
 * and column.
 */
final class TargetsCsv {

    private static final List<String> MEASURES = List.of("won_amount", "deals_won", "meetings_held", "calls_made");

    private TargetsCsv() {
    }

    /** Every target of the file. */
    static Plans read(Path file) {
        Set<List<Object>> seen = new HashSet<>();
        List<SalesTarget> money = new ArrayList<>();
        List<CountTarget> counts = new ArrayList<>();
        TeamCsv.read(file, List.of("owner", "period", "amount", "currency"), List.of("measure"), ZoneOffset.UTC,
                row -> {
                    String owner = row.required("owner");
                    Period period = Period.parse(row.required("period"));
                    String measure = row.word("measure", MEASURES).orElse("won_amount");
                    if (measure.equals("won_amount")) {
                        SalesTarget t = new SalesTarget(owner, period, row.money("amount", "currency"));
                        unique(row, seen, List.of(owner, period, measure, t.amount().currency()));
                        return money.add(t);
                    }
                    if (row.optional("currency").isPresent()) {
                        throw row.bad("currency", "must be empty for a target in counts (" + measure + ")");
                    }
                    long count = row.count("amount").orElseThrow(() -> row.bad("amount", "is empty"));
                    if (count < 1) {
                        throw row.bad("amount", "must be above zero, was " + count);
                    }
                    unique(row, seen, List.of(owner, period, measure));
                    return counts.add(new CountTarget(owner, period,
                            Counted.valueOf(measure.toUpperCase(Locale.ROOT)), count));
                });
        return new Plans(List.copyOf(money), List.copyOf(counts));
    }

    private static void unique(TeamCsv row, Set<List<Object>> seen, List<Object> key) {
        if (!seen.add(key)) {
            throw row.bad("period", "repeats a target: " + key.get(0) + " has a " + key.get(2) + " target for "
                    + key.get(1) + (key.size() > 3 ? " in " + key.get(3) : "") + " already");
        }
    }
}
