package dev.crmkit.adapters.metrics;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.metrics.team.ActivityKind;
import dev.crmkit.metrics.team.ActivityRecord;
import dev.crmkit.metrics.team.Direction;
import dev.crmkit.metrics.team.LeadTouches;
import dev.crmkit.metrics.team.Outcome;
import dev.crmkit.metrics.team.WonDeal;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.StageHistoryEntry;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records crm-metrics' team calculators read, made from crmkit's own aggregates: the definitions the stores'
 * team statistics follow, and what {@link dev.crmkit.adapters.jdbc.JdbcTeamMetrics} computes in the database.
 *
 * <ul>
 *   <li>A timeline entry counts when it is a call, an e-mail or a meeting and someone recorded it (its owner);
 *       inbound and outbound give its direction, internal none. A call's outcome (answered, missed) and duration
 *       (its talk time, whole seconds) are the entry's, unknown when it has none; a cancelled meeting counts
 *       nowhere, a meeting held or without outcome counts as held; meetings' durations count nowhere.</li>
 *   <li>A task done by its due time is done on time, at the time it was closed; one done later is overdue, at that
 *       time; an open task whose due time is before the as-of instant is overdue, at its due time; cancelled tasks
 *       and open tasks not yet due count nowhere.</li>
 *   <li>A move of a deal from one stage to another counts for who moved it, when; opening a deal is no move.</li>
 *   <li>A won deal counts with its owner, amount and won day in the zone; a won deal without owner or amount counts
 *       nowhere.</li>
 *   <li>A lead is contacted by each call, e-mail, chat message or meeting on its timeline that did not come in from
 *       it; leads without owner are grouped as {@value #UNOWNED}.</li>
 * </ul>
 */
public final class TeamRecords {

    /** The timeline entries that are a contact with a lead: a call, e-mail, chat message or meeting not from it. */
    public static final Set<ActivityType> CONTACT_TYPES = Set.copyOf(EnumSet.of(ActivityType.CALL,
            ActivityType.EMAIL, ActivityType.CHAT_MESSAGE, ActivityType.MEETING));

    /** The owner name of leads without an owner. */
    public static final String UNOWNED = "unowned";

    private static final Map<ActivityType, ActivityKind> KINDS = Map.of(ActivityType.CALL, ActivityKind.CALL,
            ActivityType.EMAIL, ActivityKind.EMAIL, ActivityType.MEETING, ActivityKind.MEETING);

    private TeamRecords() {
    }

    /** The activity record of a timeline entry, if it is one the statistics count. */
    public static Optional<ActivityRecord> activity(Activity activity) {
        ActivityKind kind = KINDS.get(activity.type());
        if (kind == null || activity.owner().isEmpty()
                || activity.outcome().filter(ActivityOutcome.CANCELLED::equals).isPresent()) {
            return Optional.empty();
        }
        Optional<Direction> direction = switch (activity.direction()) {
            case INBOUND -> Optional.of(Direction.IN);
            case OUTBOUND -> Optional.of(Direction.OUT);
            default -> Optional.empty();
        };
        String owner = activity.owner().get().value();
        if (kind == ActivityKind.CALL) {
            Optional<Outcome> outcome = activity.outcome().map(o -> o == ActivityOutcome.ANSWERED ? Outcome.ANSWERED
                    : Outcome.MISSED);
            return Optional.of(new ActivityRecord(owner, kind, direction, activity.occurredAt(), activity.duration(),
                    outcome));
        }
        return Optional.of(ActivityRecord.of(owner, kind, direction, activity.occurredAt()));
    }

    /** The activity record of a task as of an instant, if it is done or overdue by then. */
    public static Optional<ActivityRecord> task(Task task, Instant asOf) {
        String owner = task.assignee().value();
        if (task.status() == TaskStatus.DONE && task.closedAt().isPresent()) {
            Instant closed = task.closedAt().get();
            return Optional.of(ActivityRecord.task(owner, closed, closed.isAfter(task.due()) ? Outcome.OVERDUE
                    : Outcome.DONE));
        }
        if (task.status() == TaskStatus.OPEN && task.due().isBefore(asOf)) {
            return Optional.of(ActivityRecord.task(owner, task.due(), Outcome.OVERDUE));
        }
        return Optional.empty();
    }

    /**
     * A lead as lead response reads it: its owner (or {@code unowned}), its channel in lower case, when it was
     * captured, and the times of the entries of its timeline that contact it: calls, e-mails, chat messages and
     * meetings that did not come in from the lead ({@link #CONTACT_TYPES}, direction not inbound).
     */
    public static LeadTouches leadTouches(Lead lead, List<Activity> timeline) {
        List<Instant> contacts = timeline.stream().filter(a -> CONTACT_TYPES.contains(a.type())
                && a.direction() != dev.crmkit.core.activity.Direction.INBOUND).map(Activity::occurredAt).toList();
        return new LeadTouches(lead.id().value().toString(), lead.owner().map(UserId::value).orElse(UNOWNED),
                lead.source().channel().name().toLowerCase(Locale.ROOT), lead.createdAt(), contacts);
    }

    /** The activity record of a move in a deal's stage history; the entry that opened the deal is no move. */
    public static Optional<ActivityRecord> dealMove(StageHistoryEntry entry) {
        return entry.from().isEmpty() ? Optional.empty() : Optional.of(ActivityRecord.of(entry.by().value(),
                ActivityKind.DEAL_MOVE, Optional.empty(), entry.at()));
    }

    /** The won deal of a deal, if it is won and has an owner and an amount. */
    public static Optional<WonDeal> wonDeal(Deal deal, ZoneId zone) {
        if (deal.wonAt().isEmpty() || deal.owner().isEmpty() || deal.amount().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WonDeal(deal.owner().get().value(), deal.wonAt().get().atZone(zone).toLocalDate(),
                deal.amount().get()));
    }
}
