package dev.crmkit.core.privacy;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Applies a {@link RetentionPolicy}: anonymizes people who never became customers (through the erasure's own code,
 * {@link PersonalDataRights}, without the suppression list), deletes old closed tasks, blanks old timeline texts and
 * removes old audit entries. Safe on several nodes at once: each record is changed in a unit of work of its own
 * (the person's contact row locked, the rule asked again under the lock, then claimed in the store), so two nodes
 * running the job at the same time change each record once and count it once, and a record one node already
 * changed is skipped by the other. Every anonymization or deletion is recorded in the audit trail
 * ({@link AuditAction#ERASE}, a note naming the rule and the record's id, never a value). Thread-safe.
 */
public final class RetentionJob {

    /** Records read per page of candidates. */
    static final int BATCH = 200;
    private static final int ATTEMPTS = 20;

    private final PersonalDataRights rights;
    private final RetentionStore retention;
    private final RetentionPolicy policy;

    /** Wires the job; {@code dev.crmkit.core.Crm#retention(RetentionPolicy)} does this for you. */
    public RetentionJob(PersonalDataRights rights, RetentionStore retention, RetentionPolicy policy) {
        this.rights = Objects.requireNonNull(rights, "rights");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy this job applies. */
    public RetentionPolicy policy() {
        return policy;
    }

    /**
     * Applies the policy with its periods counted back from {@code asOf}, each record in a unit of work of its own.
     *
     * @return what was changed per record type, this node's share when several nodes run at once
     */
    public RetentionRun run(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return new RetentionRun(asOf, false, apply(asOf));
    }

    /**
     * What {@link #run} would change now, counted without changing anything: per rule the records it reaches (the
     * people and their leads, closed tasks, timeline entries, audit entries), read through the store's pages and
     * counts only, with no claim, no row lock and no write (not even an audit entry), so a dry run never holds up a
     * capture, a conversion or another node's run. A record that another unit of work changes between the dry run
     * and the run is counted as it was when read.
     */
    public RetentionRun dryRun(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Map<String, Long> counts = new TreeMap<>();
        // the run anonymizes people first: their timeline entries go with them, counted there, not by the timeline rule
        Set<ActivityId> withPeople = new HashSet<>();
        policy.neverConvertedLeads().ifPresent(keep -> {
            long[] leads = {0};
            counts.put("contact", count(cutoff(asOf, keep), retention::neverConverted, id -> {
                leads[0] += retention.leadsOf(id);
                if (policy.timeline().isPresent()) {
                    timelineOf(id, withPeople);
                }
                return true;
            }));
            counts.put("lead", leads[0]);
        });
        policy.closedTasks().ifPresent(keep -> counts.put("task", count(cutoff(asOf, keep), retention::closedTasks,
                id -> true)));
        policy.timeline().ifPresent(keep -> counts.put("activity", count(cutoff(asOf, keep),
                retention::timelineBefore, id -> !withPeople.contains(id))));
        policy.auditTrail().ifPresent(keep -> counts.put("audit_entry",
                retention.auditEntriesBefore(cutoff(asOf, keep))));
        return new RetentionRun(asOf, true, counts);
    }

    /** Walks every page of candidates without changing any; returns how many {@code counts} passes. */
    private static <I> long count(Instant cutoff, PageOf<I> page, Predicate<I> counts) {
        long n = 0;
        Optional<I> after = Optional.empty();
        while (true) {
            List<I> ids = page.read(cutoff, after, BATCH);
            for (I id : ids) {
                n += counts.test(id) ? 1 : 0;
            }
            if (ids.size() < BATCH) {
                return n;
            }
            after = Optional.of(ids.get(ids.size() - 1));
        }
    }

    /** Adds the ids of the timeline entries about the person's records (which their erasure blanks), read only. */
    private void timelineOf(ContactId person, Set<ActivityId> into) {
        for (RecordRef record : rights.stores().personalData().recordsOf(person)) {
            PageRequest request = PageRequest.first(BATCH);
            while (true) {
                Page<Activity> page = rights.stores().activities().timeline(record, TimelineFilter.everything(),
                        request);
                page.items().forEach(a -> into.add(a.id()));
                Optional<PageRequest> next = request.next(page);
                if (next.isEmpty()) {
                    break;
                }
                request = next.get();
            }
        }
    }

    private Map<String, Long> apply(Instant asOf) {
        Map<String, Long> counts = new TreeMap<>();
        policy.neverConvertedLeads().ifPresent(keep -> people(cutoff(asOf, keep), keep, counts));
        policy.closedTasks().ifPresent(keep -> counts.put("task", each(cutoff(asOf, keep),
                retention::closedTasks, (id, cutoff) -> {
                    if (!retention.deleteClosedTask(id, cutoff)) {
                        return false;
                    }
                    note("retention: task " + id.value() + " deleted, closed before " + day(cutoff));
                    return true;
                })));
        policy.timeline().ifPresent(keep -> counts.put("activity", each(cutoff(asOf, keep),
                retention::timelineBefore, (id, cutoff) -> {
                    if (!retention.anonymizeActivity(id, cutoff)) {
                        return false;
                    }
                    note("retention: timeline entry " + id.value() + " anonymized, happened before " + day(cutoff));
                    return true;
                })));
        policy.auditTrail().ifPresent(keep -> counts.put("audit_entry", rights.context().transactions()
                .inTransactionRetrying(ATTEMPTS, () -> rights.stores().auditTrail().purgeBefore(cutoff(asOf, keep)))));
        return counts;
    }

    private void people(Instant cutoff, Period keep, Map<String, Long> counts) {
        long[] people = {0};
        long[] leads = {0};
        each(cutoff, retention::neverConverted, (id, c) -> {
            Optional<ErasureCounts> done = anonymize(id, c, keep);
            done.ifPresent(erased -> {
                people[0]++;
                leads[0] += erased.of("lead");
            });
            return done.isPresent();
        });
        counts.put("contact", people[0]);
        counts.put("lead", leads[0]);
    }

    private Optional<ErasureCounts> anonymize(ContactId id, Instant cutoff, Period keep) {
        return rights.context().transactions().inTransactionRetrying(ATTEMPTS, () -> {
            Optional<Contact> locked = rights.stores().contacts().lockById(id).filter(c -> c.id().equals(id));
            // a conversion or timeline entry takes no contact lock: hold the leads too, then ask again
            locked.ifPresent(c -> retention.lockLeads(id));
            if (locked.isEmpty() || !retention.isNeverConverted(id, cutoff)
                    || !retention.claimPerson(id, rights.context().clock().instant())) {
                return Optional.<ErasureCounts>empty();
            }
            return Optional.of(rights.anonymize(locked.get(), new PersonKey.ByContact(id),
                    "retention: never converted, nothing since " + day(cutoff) + " (kept " + keep + ")",
                    (emails, phones) -> { }));
        });
    }

    /** Walks every page of candidates, each changed in its own unit of work; returns how many were changed. */
    private <I> long each(Instant cutoff, PageOf<I> page, BiFunction<I, Instant, Boolean> change) {
        long changed = 0;
        Optional<I> after = Optional.empty();
        while (true) {
            List<I> ids = page.read(cutoff, after, BATCH);
            for (I id : ids) {
                Predicate<I> once = i -> rights.context().transactions()
                        .inTransactionRetrying(ATTEMPTS, () -> change.apply(i, cutoff));
                changed += once.test(id) ? 1 : 0;
            }
            if (ids.size() < BATCH) {
                return changed;
            }
            after = Optional.of(ids.get(ids.size() - 1));
        }
    }

    /** A page of candidates after a key. */
    @FunctionalInterface
    private interface PageOf<I> {
        List<I> read(Instant cutoff, Optional<I> after, int limit);
    }

    private void note(String text) {
        rights.auditLog().record(AuditAction.ERASE, Optional.empty(), List.of(), text);
    }

    private static Instant cutoff(Instant asOf, Period keep) {
        return RetentionPolicy.cutoff(asOf, keep);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
