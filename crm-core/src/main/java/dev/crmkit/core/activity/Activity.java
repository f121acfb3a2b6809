package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the timeline: an interaction or a system event, belonging to one or more records (a call with a
 * contact about a lead belongs to both).
 *
 * <p><b>Invariants.</b> It belongs to at least one record. A private entry has an owner, the only one who sees it.
 * An outcome ends only its type of entry (answered or missed a call, held or cancelled a meeting); only calls and
 * meetings have a duration, of zero to {@link #MAX_DURATION}.
 * Activities are never changed once stored: the timeline is a record of what happened.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id           the identity
 * @param type         the kind of entry
 * @param subject      a one-line summary, not blank
 * @param body         details, possibly empty
 * @param direction    which way it went
 * @param occurredAt   when it happened (may be earlier than when it was recorded)
 * @param participants who took part, as names or addresses
 * @param about        the records it belongs to, at least one
 * @param owner        who recorded it, if a person did
 * @param visibility   who may see it
 * @param recordedAt   when it was recorded
 * @param outcome      how a call or a meeting ended, if known ({@link ActivityOutcome#fits})
 * @param duration     how long a call or a meeting lasted, if known: whole seconds (finer parts are dropped), from
 *                     zero to {@link #MAX_DURATION}
 */
public record Activity(ActivityId id, ActivityType type, String subject, String body, Direction direction,
                       Instant occurredAt, List<String> participants, Set<RecordRef> about, Optional<UserId> owner,
                       Visibility visibility, Instant recordedAt, Optional<ActivityOutcome> outcome,
                       Optional<Duration> duration) {

    /** The longest subject accepted. */
    public static final int MAX_SUBJECT_LENGTH = 500;

    /** The longest duration accepted: a day. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    /** Checks the invariants. */
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredAt, "occurredAt");
        participants = List.copyOf(participants);
        // in the order given, not Set.copyOf's, whose iteration order changes from one JVM to the next
        about = AboutRecords.copyOf(about);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        if (subject.isBlank()) {
            throw ValidationException.of("subject", "required", "an activity needs a subject");
        }
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw ValidationException.of("subject", "max-length", "subject is at most " + MAX_SUBJECT_LENGTH
                    + " characters, got " + subject.length());
        }
        if (about.isEmpty()) {
            throw ValidationException.of("about", "required", "an activity belongs to at least one record");
        }
        if (visibility == Visibility.PRIVATE && owner.isEmpty()) {
            throw ValidationException.of("visibility", "private-needs-owner", "a private activity needs an owner");
        }
        ValidationException.throwIfAny(ActivityFacts.violations(type, outcome, duration));
        duration = duration.map(d -> d.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An entry without outcome or duration: what every entry was before they were recorded. */
    public Activity(ActivityId id, ActivityType type, String subject, String body, Direction direction,
                    Instant occurredAt, List<String> participants, Set<RecordRef> about, Optional<UserId> owner,
                    Visibility visibility, Instant recordedAt) {
        this(id, type, subject, body, direction, occurredAt, participants, about, owner, visibility, recordedAt,
                Optional.empty(), Optional.empty());
    }

    /**
     * This entry with how it ended.
     *
     * @throws ValidationException naming {@code outcome} when it does not end an entry of this type
     */
    public Activity withOutcome(ActivityOutcome value) {
        return new Activity(id, type, subject, body, direction, occurredAt, participants, about, owner, visibility,
                recordedAt, Optional.of(value), duration);
    }

    /**
     * This entry with how long it lasted.
     *
     * @throws ValidationException naming {@code duration} when it is out of range or this is no call or meeting
     */
    public Activity withDuration(Duration value) {
        return new Activity(id, type, subject, body, direction, occurredAt, participants, about, owner, visibility,
                recordedAt, outcome, Optional.of(value));
    }

    /** This entry about other records (a merge re-points it), everything else kept. */
    public Activity withAbout(Set<RecordRef> records) {
        return new Activity(id, type, subject, body, direction, occurredAt, participants, records, owner, visibility,
                recordedAt, outcome, duration);
    }

    /** A public system entry about the given records, recorded as it occurs. */
    public static Activity system(ActivityId id, String subject, String body, Set<RecordRef> about, Instant now) {
        return new Activity(id, ActivityType.SYSTEM, subject, body, Direction.INTERNAL, now, List.of(), about,
                Optional.empty(), Visibility.PUBLIC, now);
    }

    /**
     * The records an entry is about, for {@link #system} and the other factories: each reference once, in the order
     * first given; unmodifiable, and taken as it is by the entry (no copy). No records give the empty set, which
     * every entry refuses ({@code about} is required), so pass at least one.
     *
     * @param records the records, at least one for an entry; none gives an empty set
     * @throws NullPointerException naming {@code about} for a null array or a null reference in it
     */
    public static Set<RecordRef> aboutRecords(RecordRef... records) {
        Objects.requireNonNull(records, "about");
        return AboutRecords.of(records);
    }

    /** Whether a viewer may see this entry: public ones everybody, private ones their owner only. */
    public boolean visibleTo(Optional<UserId> viewer) {
        return visibility == Visibility.PUBLIC || owner.equals(viewer);
    }
}
