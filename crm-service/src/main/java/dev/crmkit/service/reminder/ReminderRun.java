package dev.crmkit.service.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one run of the reminder job did. Immutable and thread-safe.
 *
 * @param asOf            the day the job ran for
 * @param sent            the reminders this run claimed and sent, in the order of their plans
 * @param alreadyReminded how many occurrences due for a reminder had been reminded before (by an earlier run or a
 *                        concurrent one on another node), and were not sent again
 */
public record ReminderRun(LocalDate asOf, List<ServiceReminder> sent, int alreadyReminded) {

    /** Checks the parts and copies the list. */
    public ReminderRun {
        Objects.requireNonNull(asOf, "asOf");
        sent = List.copyOf(sent);
        if (alreadyReminded < 0) {
            throw new IllegalArgumentException("alreadyReminded must be 0 or more, was " + alreadyReminded);
        }
    }
}
