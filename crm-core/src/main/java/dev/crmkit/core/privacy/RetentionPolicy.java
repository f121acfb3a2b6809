package dev.crmkit.core.privacy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How long crmkit keeps each kind of record before the {@link RetentionJob} anonymizes or deletes it. A rule that is
 * empty is not applied. Each period is counted back from the job's {@code asOf} in UTC, so "3 years" means the same
 * calendar day three years earlier.
 * <ul>
 *     <li>{@code neverConvertedLeads}: a person whose every lead was never converted (open or disqualified), with no
 *     deal, whose contact and leads have not changed and whose timeline has no entry since the cutoff, is anonymized
 *     by the same store code an erasure uses ({@link PersonalData#erase}): names, e-mails, phones, addresses, texts
 *     go, anonymous rows stay so counts still add up. The person is not put on the suppression list (nobody asked to
 *     be forgotten: they may come back as a new lead).</li>
 *     <li>{@code closedTasks}: a task done or cancelled before the cutoff is deleted, unless a crm-service commitment
 *     still names it (then it stays).</li>
 *     <li>{@code timeline}: a timeline entry that happened before the cutoff keeps its type, times, links and outcome
 *     and loses its subject, body and participants (counts by type still add up).</li>
 *     <li>{@code auditTrail}: audit entries older than the cutoff are removed ({@link
 *     dev.crmkit.core.audit.AuditTrail#purgeBefore}, as {@link dev.crmkit.core.audit.AuditRetention} does).</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * @param neverConvertedLeads how long a person who never became a customer is kept
 * @param closedTasks         how long a closed task is kept
 * @param timeline            how long a timeline entry keeps its texts
 * @param auditTrail          how long an audit entry is kept
 */
public record RetentionPolicy(Optional<Period> neverConvertedLeads, Optional<Period> closedTasks,
                              Optional<Period> timeline, Optional<Period> auditTrail) {

    /** The defaults: people who never converted 3 years, closed tasks 3 years, timeline texts and audit kept. */
    public static final Period DEFAULT_LEADS = Period.ofYears(3);
    /** The default for closed tasks. */
    public static final Period DEFAULT_TASKS = Period.ofYears(3);

    /**
     * Validates the periods.
     *
     * @throws IllegalArgumentException naming the rule when a period is zero or negative
     */
    public RetentionPolicy {
        check(neverConvertedLeads, "neverConvertedLeads");
        check(closedTasks, "closedTasks");
        check(timeline, "timeline");
        check(auditTrail, "auditTrail");
    }

    /** No rule: the job does nothing. */
    public static RetentionPolicy none() {
        return new RetentionPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The defaults ({@link #DEFAULT_LEADS}, {@link #DEFAULT_TASKS}; timeline and audit trail kept). */
    public static RetentionPolicy defaults() {
        return none().withNeverConvertedLeads(DEFAULT_LEADS).withClosedTasks(DEFAULT_TASKS);
    }

    /** This policy with the rule for people who never converted. */
    public RetentionPolicy withNeverConvertedLeads(Period keep) {
        return new RetentionPolicy(Optional.of(keep), closedTasks, timeline, auditTrail);
    }

    /** This policy with the rule for closed tasks. */
    public RetentionPolicy withClosedTasks(Period keep) {
        return new RetentionPolicy(neverConvertedLeads, Optional.of(keep), timeline, auditTrail);
    }

    /** This policy with the rule for timeline texts. */
    public RetentionPolicy withTimeline(Period keep) {
        return new RetentionPolicy(neverConvertedLeads, closedTasks, Optional.of(keep), auditTrail);
    }

    /** This policy with the rule for the audit trail. */
    public RetentionPolicy withAuditTrail(Period keep) {
        return new RetentionPolicy(neverConvertedLeads, closedTasks, timeline, Optional.of(keep));
    }

    /** The instant a period before {@code asOf}, counted in UTC calendar days. */
    public static Instant cutoff(Instant asOf, Period keep) {
        return asOf.atZone(ZoneOffset.UTC).minus(keep).toInstant();
    }

    private static void check(Optional<Period> keep, String rule) {
        Objects.requireNonNull(keep, rule);
        keep.ifPresent(p -> {
            if (p.isZero() || p.isNegative() || p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0) {
                throw new IllegalArgumentException(rule + ": must be a positive period, got " + p + " [positive]");
            }
        });
    }
}
