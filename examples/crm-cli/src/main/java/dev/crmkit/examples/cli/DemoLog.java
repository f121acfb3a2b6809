package dev.crmkit.examples.cli;

import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.examples.cli.leadimport.ImportListener;
import dev.crmkit.examples.cli.leadimport.MappedRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Remembers what the demo import did with the rows worth showing: duplicates, replays and rejections. */
final class DemoLog implements ImportListener {

    /**
     * A submission folded into an open lead.
     *
     * @param line        the line of the row
     * @param channel     the channel of the repeat
     * @param typed       how the repeat gave the e-mail or phone that matched
     * @param contact     the person it was folded into
     * @param leadChannel where the open lead came from
     * @param submissions the submissions of the lead now
     */
    record Folded(long line, String channel, String typed, String contact, String leadChannel, int submissions) {
    }

    /**
     * A submission captured before (same external id).
     *
     * @param line       the line of the row
     * @param channel    the channel of the replay
     * @param externalId the external id
     * @param lead       whose lead it was captured into
     */
    record Recognized(long line, String channel, String externalId, String lead) {
    }

    /**
     * A rejected row.
     *
     * @param line   the line of the row
     * @param reason every violation
     */
    record Rejection(long line, String reason) {
    }

    private final List<Folded> folded = new ArrayList<>();
    private final List<Recognized> recognized = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Set<String> channels = new LinkedHashSet<>();
    private Instant first;
    private Instant last;
    private CaptureOutcome.DuplicateFolded mostRepeated;

    @Override
    public void imported(MappedRow row, CaptureOutcome outcome) {
        LeadSubmission s = row.submission();
        channels.add(s.channel().label());
        row.submittedAt().ifPresent(this::submittedAt);
        long line = row.record().line();
        if (outcome instanceof CaptureOutcome.DuplicateFolded d) {
            folded.add(new Folded(line, s.channel().label(), s.email().isBlank() ? s.phone() : s.email(),
                    d.contact().displayName(), d.existingLead().source().channel().label(),
                    d.existingLead().submissions()));
            if (mostRepeated == null || d.existingLead().submissions() > mostRepeated.existingLead().submissions()) {
                mostRepeated = d;
            }
        } else if (outcome instanceof CaptureOutcome.AlreadyCaptured a) {
            recognized.add(new Recognized(line, s.channel().label(), s.externalId(), a.existingLead().name().full()));
        } else if (outcome instanceof CaptureOutcome.Rejected r) {
            rejections.add(new Rejection(line, r.reason()));
        }
    }

    private void submittedAt(Instant at) {
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
    }

    List<Folded> folded() {
        return folded;
    }

    List<Recognized> recognized() {
        return recognized;
    }

    List<Rejection> rejections() {
        return rejections;
    }

    Set<String> channels() {
        return channels;
    }

    Optional<Instant> first() {
        return Optional.ofNullable(first);
    }

    Optional<Instant> last() {
        return Optional.ofNullable(last);
    }

    /** The repeat that left a lead with the most submissions: its contact has the richest timeline. */
    Optional<CaptureOutcome.DuplicateFolded> mostRepeated() {
        return Optional.ofNullable(mostRepeated);
    }
}
