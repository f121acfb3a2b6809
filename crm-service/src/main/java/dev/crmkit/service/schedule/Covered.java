package dev.crmkit.service.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An occurrence and the completion that covered it. A completion made early covers the earliest open occurrence all
 * the same; one made late also covers every occurrence that fell due before it (see {@link ServiceSchedule}).
 * Immutable and thread-safe.
 *
 * @param occurrence  the occurrence covered
 * @param completedOn the day of the completion that covered it
 */
public record Covered(Occurrence occurrence, LocalDate completedOn) {

    /** Checks that both parts are present. */
    public Covered {
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(completedOn, "completedOn");
    }
}
