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
 */
public record LogActivity(@NotNull ActivityType type,
                          @NotBlank @Size(max = Activity.MAX_SUBJECT_LENGTH) String subject,
                          @NotNull @Size(max = 100_000) String body,
                          @NotNull Direction direction,
                          @NotNull Optional<Instant> occurredAt,
                          @NotNull @Size(max = 100) List<@NotBlank @Size(max = 320) String> participants,
                          @NotEmpty Set<@NotNull RecordRef> about,
                          @NotNull Optional<UserId> owner,
                          @NotNull Visibility visibility) implements SelfChecking, StoreLimits.Bounded {

    /** The store limits ({@link StoreLimits}): texts, when it happened, the owner's id. */
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
        return c.violations();
    }
}
