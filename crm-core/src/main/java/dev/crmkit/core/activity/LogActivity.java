package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command to add an entry to the timeline, validated at the edge.
 *
 * @param type         the kind of entry
 * @param subject      a one-line summary
 * @param body         details, possibly empty
 * @param direction    which way it went
 * @param occurredAt   when it happened; empty means now
 * @param participants who took part
 * @param about        the records it belongs to
 * @param owner        who records it
 * @param visibility   who may see it; private needs an owner
 * @param outcome      how a call or meeting ended, if known: answered or missed a call, held or cancelled a meeting
 * @param duration     how long a call or meeting lasted, if known: zero to {@link Activity#MAX_DURATION}, kept to
 *                     the second
 */
public record LogActivity(@NotNull ActivityType type,
                          @NotBlank @Size(max = Activity.MAX_SUBJECT_LENGTH) String subject,
                          @NotNull @Size(max = 100_000) String body,
                          @NotNull Direction direction,
                          @NotNull Optional<Instant> occurredAt,
                          @NotNull @Size(max = 100) List<@NotBlank @Size(max = 320) String> participants,
                          @NotEmpty Set<@NotNull RecordRef> about,
                          @NotNull Optional<UserId> owner,
                          @NotNull Visibility visibility,
                          @NotNull Optional<ActivityOutcome> outcome,
                          @NotNull Optional<Duration> duration) implements SelfChecking, StoreLimits.Bounded {

    /** The command without outcome or duration. */
    public LogActivity(ActivityType type, String subject, String body, Direction direction,
                       Optional<Instant> occurredAt, List<String> participants, Set<RecordRef> about,
                       Optional<UserId> owner, Visibility visibility) {
        this(type, subject, body, direction, occurredAt, participants, about, owner, visibility, Optional.empty(),
                Optional.empty());
    }

    /**
     * The store limits ({@link StoreLimits}): texts, when it happened, the owner's id; and the rules of outcome and
     * duration no Jakarta constraint states, checked in plain Java whatever validator runs: the outcome ends an entry
     * of the type ({@code fits-type}), only calls and meetings last ({@code fits-type}), from zero to a day
     * ({@code range}).
     */
    @Override
    public List<Violation> storeLimitViolations() {
        List<Violation> out = new ArrayList<>();
        out.addAll(StoreLimits.text("subject", subject, StoreLimits.SUBJECT));
        out.addAll(StoreLimits.text("body", body, StoreLimits.BODY));
        if (occurredAt != null) {
            occurredAt.ifPresent(t -> out.addAll(StoreLimits.time("occurredAt", t)));
        }
        if (participants != null) {
            for (int i = 0; i < participants.size(); i++) {
                out.addAll(StoreLimits.text("participants[" + i + "]", participants.get(i), StoreLimits.RAW_EMAIL));
            }
        }
        out.addAll(StoreLimits.user("owner", owner));
        out.addAll(ActivityFacts.violations(type, outcome, duration));
        return out;
    }

    /** A public note by a user about a record, happening now. */
    public static LogActivity note(UserId owner, String subject, String body, RecordRef about) {
        return new LogActivity(ActivityType.NOTE, subject, body, Direction.INTERNAL, Optional.empty(), List.of(),
                Set.of(about), Optional.of(owner), Visibility.PUBLIC);
    }

    /** A public interaction of a type with a record, at a time. */
    public static LogActivity interaction(ActivityType type, Direction direction, String subject, Instant at,
                                          RecordRef... about) {
        return new LogActivity(type, subject, "", direction, Optional.of(at), List.of(), Set.of(about),
                Optional.empty(), Visibility.PUBLIC);
    }

    /**
     * A call a user made or took about records, at a time, with how it ended and, if known, how long it lasted.
     *
     * @param talkTime empty when the phone system did not say; an unanswered call usually lasted zero seconds
     */
    public static LogActivity call(UserId owner, Direction direction, String subject, Instant at,
                                   ActivityOutcome outcome, Optional<Duration> talkTime, RecordRef... about) {
        return new LogActivity(ActivityType.CALL, subject, "", direction, Optional.of(at), List.of(), Set.of(about),
                Optional.of(owner), Visibility.PUBLIC, Optional.of(outcome), talkTime);
    }

    /** This command with how the call or meeting ended. */
    public LogActivity withOutcome(ActivityOutcome value) {
        return new LogActivity(type, subject, body, direction, occurredAt, participants, about, owner, visibility,
                Optional.of(value), duration);
    }

    /** This command with how long the call or meeting lasted. */
    public LogActivity withDuration(Duration value) {
        return new LogActivity(type, subject, body, direction, occurredAt, participants, about, owner, visibility,
                outcome, Optional.of(value));
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("type", type);
        c.notBlank("subject", subject).maxLength("subject", subject, Activity.MAX_SUBJECT_LENGTH);
        c.notNull("body", body).maxLength("body", body, 100_000);
        c.notNull("direction", direction).notNull("occurredAt", occurredAt);
        c.notNull("participants", participants).maxSize("participants", participants, 100);
        c.eachElement("participants", participants, (f, v) -> c.notBlank(f, v).maxLength(f, v, 320));
        c.notEmpty("about", about);
        c.eachMember("about", about, c::notNull);
        c.notNull("owner", owner).notNull("visibility", visibility);
        c.notNull("outcome", outcome).notNull("duration", duration);
        return c.violations();
    }
}
