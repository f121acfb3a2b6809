package dev.crmkit.examples.cli.team;

import dev.crmkit.metrics.team.CountTarget;
import dev.crmkit.metrics.team.SalesTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The sales targets of a targets file ({@link TargetsCsv}): in money and in counts. Immutable.
 *
 * @param money  the targets in money, in file order
 * @param counts the targets in counts, in file order
 */
public record Plans(List<SalesTarget> money, List<CountTarget> counts) {

    /** No targets. */
    public static final Plans NONE = new Plans(List.of(), List.of());

    /** Copies the lists. */
    public Plans {
        money = List.copyOf(money);
        counts = List.copyOf(counts);
    }

    /**
     * The targets of a file, or none without one.
     *
     * @throws IllegalArgumentException naming the file, line and column of a bad value
     */
    public static Plans read(Optional<Path> file) {
        return file.map(TargetsCsv::read).orElse(NONE);
    }
}
