package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.sequence.ContactSignals;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.sequence.EnrollmentStatus;
import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.sequence.Sequence;
import dev.crmkit.campaigns.sequence.SequenceAction;
import dev.crmkit.campaigns.sequence.SequenceStep;
import dev.crmkit.campaigns.sequence.StepActions;
import dev.crmkit.core.kernel.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One node's run of the sequences: for an instant, it {@linkplain Enrollments#claimDue claims} the enrollments whose
 * next step is due (one node at a time holds an enrollment, under a lease), walks each through every step due by then
 * ({@link Sequence#advance}, goals first, with the contact's signals from {@link ContactSignals}), carries the steps
 * out, and records the advance over the state it started from while it still holds the claim.
 *
 * <p>How each step is carried out:
 * <ul>
 *   <li>A send step records a {@link DueMessage} in the shared {@link CampaignMessages} ledger: campaign the step's
 *       template (so {@link CampaignRun} renders that template), occurrence {@code <sequence>@<enrollment start>},
 *       step the step's index plus one, send day the day of the run on the contact's calendar, valid for
 *       {@link #withValidDays valid days} more (2 unless set). A {@link CampaignRun} then sends it with every check
 *       of a campaign message (consent, do-not-contact, frequency caps, the send window in the contact's zone) and
 *       exactly once across nodes; a message no longer valid is never sent, and the sequence goes on regardless.</li>
 *   <li>Wait, condition and branch steps are the sequence's own ({@link Sequence#advance}).</li>
 *   <li>Create task, change field and hand to sales go to the host's {@link StepActions} with the step's
 *       idempotency key.</li>
 *   <li>A goal signal (a reply, a booked meeting, a purchase, a stage reached: the sequence's goals) ends the
 *       enrollment before any further step; so do a hand-to-sales step, a failed condition and the last step.</li>
 * </ul>
 *
 * <p><b>Crashes.</b> Recording the message, carrying out the other steps and recording the advance are separate
 * steps. A node that dies in between keeps its claim until the lease runs out; the node that claims the enrollment
 * then repeats the advance from the same stored state: the message is recorded under the same key, so it is not
 * recorded twice (and the ledger sends it at most once more after a crash between sending and marking, with the same
 * idempotency key), and the host gets the other actions once more with the same keys. An enrollment whose step the host
 * fails ({@link StepActions#perform} throws) is not advanced; its claim is given up at the end of the run, so the next
 * run of any node tries it again (the failure is in the run's report).
 *
 * <p>Thread-safe if its parts are; one instance per node (its name is in its claims).
 */
public final class SequenceRunner {

    private static final int BATCH = 50;
    private static final int MAX_OCCURRENCE = 100;

    private final Enrollments enrollments;
    private final CampaignMessages ledger;
    private final Map<String, Sequence> sequences;
    private final ContactSignals signals;
    private final StepActions actions;
    private final String node;
    private final Duration lease;
    private final int validDays;

    /**
     * A node's runner of the sequences.
     *
     * @param lease how long a claim holds: longer than carrying out one enrollment's steps takes
     * @throws IllegalArgumentException if two sequences share a name, a sequence's name or template is too long for
     *                                  the ledger (occurrence and campaign are at most 100 characters), or the lease
     *                                  is not positive
     */
    public SequenceRunner(Enrollments enrollments, CampaignMessages ledger, List<Sequence> sequences,
            ContactSignals signals, StepActions actions, String node, Duration lease) {
        this(enrollments, ledger, byName(sequences), signals, actions, node, lease, 2);
    }

    private SequenceRunner(Enrollments enrollments, CampaignMessages ledger, Map<String, Sequence> sequences,
            ContactSignals signals, StepActions actions, String node, Duration lease, int validDays) {
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sequences = sequences;
        this.signals = Objects.requireNonNull(signals, "signals");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.node = Objects.requireNonNull(node, "node");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("the lease must be positive, was " + lease);
        }
        this.validDays = validDays;
    }

    private static Map<String, Sequence> byName(List<Sequence> sequences) {
        Map<String, Sequence> out = new LinkedHashMap<>();
        for (Sequence s : sequences) {
            if (out.put(s.name(), s) != null) {
                throw new IllegalArgumentException("two sequences are named " + s.name());
            }
            if (occurrence(s.name(), Instant.MAX).length() > MAX_OCCURRENCE) {
                throw new IllegalArgumentException("the sequence name " + s.name() + " is too long to run: at most "
                        + (MAX_OCCURRENCE - occurrence("", Instant.MAX).length()) + " characters");
            }
            for (SequenceStep step : s.steps()) {
                if (step instanceof SequenceStep.Send send && send.template().length() > MAX_OCCURRENCE) {
                    throw new IllegalArgumentException("the template name " + send.template() + " of sequence "
                            + s.name() + " is longer than " + MAX_OCCURRENCE + " characters");
                }
            }
        }
        return Map.copyOf(out);
    }

    /**
     * A copy whose messages stay valid for {@code days} days after their send day.
     *
     * @throws ValidationException naming {@code validDays} unless it is from 0 to 365
     */
    public SequenceRunner withValidDays(int days) {
        if (days < 0 || days > 365) {
            throw ValidationException.of("validDays", "range", "must be from 0 to 365, was " + days);
        }
        return new SequenceRunner(enrollments, ledger, sequences, signals, actions, node, lease, days);
    }

    /** The occurrence of a sequence's messages for the enrollment that started at {@code start}. */
    static String occurrence(String sequence, Instant start) {
        return sequence + "@" + start;
    }

    /**
     * Advances every enrollment of the runner's sequences that is due by {@code now} and that this node can claim.
     *
     * @param zones each contact's time zone: a message's send day is the day of {@code now} there
     */
    public SequenceRunReport run(Instant now, Function<String, ZoneId> zones) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zones, "zones");
        Tally tally = new Tally();
        List<Enrollment> failedHere = new ArrayList<>(); // held until the end of the run, so not claimed again in it
        for (Sequence sequence : sequences.values()) {
            while (true) {
                List<Enrollment> batch = enrollments.claimDue(sequence.name(), node, now, lease, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                for (Enrollment e : batch) {
                    try {
                        advance(sequence, e, now, zones, tally);
                    } catch (RuntimeException failure) {
                        failedHere.add(e);
                        tally.failed.add(e.contactId() + " in " + e.sequence() + ": " + failure.getMessage());
                    }
                }
            }
        }
        failedHere.forEach(e -> enrollments.release(e, node)); // free for the next run of any node
        return tally.report();
    }

    private void advance(Sequence sequence, Enrollment e, Instant now, Function<String, ZoneId> zones, Tally tally) {
        Sequence.Progress progress = sequence.advance(e, now, signals.of(e.contactId(), e.enrolledAt(), now));
        LocalDate day = now.atZone(Objects.requireNonNull(zones.apply(e.contactId()), "zone of " + e.contactId()))
                .toLocalDate();
        int performed = 0;
        int scheduled = 0;
        for (int i = 0; i < progress.actions().size(); i++) {
            SequenceAction action = progress.actions().get(i);
            String key = progress.keys().get(i);
            if (action instanceof SequenceAction.SendMessage send) {
                int step = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
                DueMessage message = new DueMessage(e.contactId(), send.template(), step + 1,
                        occurrence(e.sequence(), e.enrolledAt()), day, day.plusDays(validDays), send.kind());
                scheduled += ledger.schedule(message) ? 1 : 0;
            } else {
                actions.perform(action, key);
                performed++;
            }
        }
        if (enrollments.advance(e, progress.enrollment(), node)) {
            tally.advanced++;
            tally.scheduled += scheduled;
            tally.performed += performed;
            if (progress.enrollment().status() != EnrollmentStatus.ACTIVE) {
                tally.ended.merge(progress.enrollment().status(), 1, Integer::sum);
            }
        } else {
            tally.lost++;
        }
    }

    /** The counts of one run, as they grow. */
    private static final class Tally {
        int advanced;
        int scheduled;
        int performed;
        int lost;
        final Map<EnrollmentStatus, Integer> ended = new EnumMap<>(EnrollmentStatus.class);
        final List<String> failed = new ArrayList<>();

        SequenceRunReport report() {
            return new SequenceRunReport(advanced, scheduled, performed, ended, lost, failed);
        }
    }
}
