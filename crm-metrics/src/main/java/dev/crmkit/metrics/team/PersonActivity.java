package dev.crmkit.metrics.team;

/**
 * What one person did in a window: calls, e-mails sent and received, meetings held, tasks done on time and overdue,
 * deals moved. Immutable and thread-safe.
 *
 * @param calls          the calls
 * @param emailsSent     e-mails to customers
 * @param emailsReceived e-mails from customers
 * @param meetings       meetings held
 * @param tasksDone      tasks done by their due time
 * @param tasksOverdue   tasks done late or open past their due time
 * @param dealsMoved     moves of deals from one stage to another
 */
public record PersonActivity(CallStats calls, long emailsSent, long emailsReceived, long meetings, long tasksDone,
                             long tasksOverdue, long dealsMoved) {

    /** Nothing done. */
    public static final PersonActivity NONE = new PersonActivity(CallStats.NONE, 0, 0, 0, 0, 0, 0);

    /** This and the other's work together. */
    public PersonActivity plus(PersonActivity o) {
        return new PersonActivity(calls.plus(o.calls), emailsSent + o.emailsSent, emailsReceived + o.emailsReceived,
                meetings + o.meetings, tasksDone + o.tasksDone, tasksOverdue + o.tasksOverdue,
                dealsMoved + o.dealsMoved);
    }
}
