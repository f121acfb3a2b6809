package dev.crmkit.metrics.team;

import java.util.function.ToLongFunction;

/** What people are ranked by: one definition for everyone, read from their {@link PersonActivity}. */
public enum Measure {
    /** Calls made or taken. */
    CALLS(a -> a.calls().total()),
    /** Calls answered. */
    ANSWERED_CALLS(a -> a.calls().answered()),
    /** Talk time in seconds. */
    TALK_SECONDS(a -> a.calls().talkSeconds()),
    /** E-mails sent. */
    EMAILS_SENT(PersonActivity::emailsSent),
    /** Meetings held. */
    MEETINGS(PersonActivity::meetings),
    /** Tasks done on time. */
    TASKS_DONE(PersonActivity::tasksDone),
    /** Deals moved from stage to stage. */
    DEALS_MOVED(PersonActivity::dealsMoved);

    private final ToLongFunction<PersonActivity> value;

    Measure(ToLongFunction<PersonActivity> value) {
        this.value = value;
    }

    /** The measure of one person's activity. */
    public long of(PersonActivity activity) {
        return value.applyAsLong(activity);
    }
}
