package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.sequence.EnrollmentStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link SequenceRunner} run did. Immutable and thread-safe.
 *
 * @param advanced  enrollments whose advance this node recorded
 * @param scheduled messages recorded in the ledger for sending (a message recorded before, by a node that died before
 *                  recording the advance, is not counted again)
 * @param performed create-task, change-field and hand-to-sales steps handed to the host
 * @param ended     enrollments this run ended, by how they ended
 * @param lost      enrollments whose claim another node took over before this node recorded its advance (its lease
 *                  had run out); that node advances them
 * @param failed    enrollments left unadvanced because the host failed a step, with the failure, for a later run
 */
public record SequenceRunReport(int advanced, int scheduled, int performed, Map<EnrollmentStatus, Integer> ended,
        int lost, List<String> failed) {

    /** Copies the collections. */
    public SequenceRunReport {
        Objects.requireNonNull(ended, "ended");
        ended = ended.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ended));
        failed = List.copyOf(failed);
    }
}
