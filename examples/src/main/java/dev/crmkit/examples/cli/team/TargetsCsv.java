package dev.crmkit.examples.cli.team;

import dev.crmkit.metrics.team.Period;
import dev.crmkit.metrics.team.SalesTarget;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a sales targets file: CSV with a header holding {@code owner}, {@code period} ({@code 2026-11},
 * {@code 2026-Q4} or {@code 2026}), {@code amount} (above zero) and {@code currency} (ISO 4217); one target per owner, period and currency. Every bad value ends
 * the read naming the file, line and column.
 */
final class TargetsCsv {

    private TargetsCsv() {
    }

    /** Every target of the file, in file order. */
    static List<SalesTarget> read(Path file) {
        Set<List<Object>> seen = new HashSet<>();
        return TeamCsv.read(file, List.of("owner", "period", "amount", "currency"), List.of(), ZoneOffset.UTC,
                row -> {
                    SalesTarget t = new SalesTarget(row.required("owner"), Period.parse(row.required("period")),
                            row.money("amount", "currency"));
                    if (!seen.add(List.of(t.owner(), t.period(), t.amount().currency()))) {
                        throw row.bad("period", "repeats a target: " + t.owner() + " has one for " + t.period()
                                + " in " + t.amount().currency().getCurrencyCode() + " already");
                    }
                    return t;
                });
    }
}
