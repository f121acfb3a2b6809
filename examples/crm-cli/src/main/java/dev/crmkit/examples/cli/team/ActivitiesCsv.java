package dev.crmkit.examples.cli.team;

import dev.crmkit.metrics.team.ActivityKind;
import dev.crmkit.metrics.team.ActivityRecord;
import dev.crmkit.metrics.team.Direction;
import dev.crmkit.metrics.team.Outcome;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Reads an activities file: CSV with a header holding {@code owner}, {@code type} ({@code call}, {@code email},
 * {@code meeting}, {@code task}) and {@code at} (ISO date-time; without an offset in the given zone), and optionally
 * {@code direction} ({@code in}, {@code out}), {@code duration_seconds} (a call's talk time) and {@code outcome}
 * ({@code answered}, {@code missed} for calls; {@code done}, {@code overdue} for tasks). Blank optional cells mean
 * unknown. Every bad value ends the read naming the file, line and column.
 */
final class ActivitiesCsv {

    private static final List<String> TYPES = List.of("call", "email", "meeting", "task");

    private ActivitiesCsv() {
    }

    /** Every activity of the file, in file order. */
    static List<ActivityRecord> read(Path file, ZoneId zone) {
        return TeamCsv.read(file, List.of("owner", "type", "at"), List.of("direction", "duration_seconds", "outcome"),
                zone, row -> new ActivityRecord(row.required("owner"),
                        ActivityKind.valueOf(row.word("type", TYPES).orElseThrow(() -> row.bad("type", "is empty"))
                                .toUpperCase(Locale.ROOT)),
                        row.word("direction", List.of("in", "out")).map(d -> Direction.valueOf(d.toUpperCase(
                                Locale.ROOT))),
                        row.instant("at"),
                        row.count("duration_seconds").map(Duration::ofSeconds),
                        row.word("outcome", List.of("answered", "missed", "done", "overdue"))
                                .map(o -> Outcome.valueOf(o.toUpperCase(Locale.ROOT)))));
    }
}
