package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.sequence.Enrolling;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.sequence.EnrollmentStatus;
import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.sequence.Sequence;
import dev.crmkit.kit.archive.EnrollmentKey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sequences' enrollments in memory, for one JVM (its nodes are threads). Every operation holds the store's lock,
 * so the re-entry check and the insert are one step, and so is a claim. Needs crm-campaigns on the class path
 * (optional here). Thread-safe.
 */
public final class InMemoryEnrollments implements Enrollments {

    /** Per contact and sequence ({@code contact + '\0' + sequence}): its enrollments, earliest first. */
    private final Map<String, List<Enrollment>> byContact = new HashMap<>();

    /** The claims by enrollment ({@code contact + '\0' + sequence + '\0' + start}): the node and its lease's end. */
    private final Map<String, Claim> claims = new HashMap<>();

    private record Claim(String node, Instant leaseUntil) {
    }

    private static String key(String contactId, String sequence) {
        return contactId + '\0' + sequence;
    }

    private static String claimKey(Enrollment e) {
        return key(e.contactId(), e.sequence()) + '\0' + e.enrolledAt();
    }

    @Override
    public synchronized Enrolling enroll(Sequence sequence, String contactId, Instant at) {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(contactId, "contactId");
        List<Enrollment> earlier = byContact.computeIfAbsent(key(contactId, sequence.name()), k -> new ArrayList<>());
        Enrolling outcome = sequence.enroll(contactId, at.truncatedTo(ChronoUnit.MICROS), earlier);
        if (outcome instanceof Enrolling.Enrolled enrolled) {
            if (earlier.stream().anyMatch(e -> e.enrolledAt().equals(enrolled.enrollment().enrolledAt()))) {
                return new Enrolling.Refused(contactId, sequence.name(), "already enrolled at " + at);
            }
            earlier.add(enrolled.enrollment());
            earlier.sort(Comparator.comparing(Enrollment::enrolledAt));
        }
        return outcome;
    }

    /** Whether the contact walks through any sequence now (an {@code ACTIVE} enrollment): for retention. */
    synchronized boolean anyActive(String contactId) {
        return byContact.values().stream().flatMap(List::stream).anyMatch(e -> e.contactId().equals(contactId)
                && e.status() == dev.crmkit.campaigns.sequence.EnrollmentStatus.ACTIVE);
    }

    @Override
    public synchronized List<Enrollment> of(String contactId, String sequence) {
        return List.copyOf(byContact.getOrDefault(key(contactId, sequence), List.of()));
    }

    @Override
    public synchronized List<Enrollment> due(String sequence, Instant now, int max) {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(now, "now");
        return byContact.values().stream().flatMap(List::stream)
                .filter(e -> e.sequence().equals(sequence) && e.status() == EnrollmentStatus.ACTIVE
                        && !e.nextAt().isAfter(now))
                .sorted(Comparator.comparing(Enrollment::nextAt).thenComparing(Enrollment::contactId)
                        .thenComparing(Enrollment::enrolledAt))
                .limit(Math.max(max, 0)).toList();
    }

    @Override
    public synchronized List<Enrollment> claimDue(String sequence, String node, Instant now, Duration lease,
            int max) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(lease, "lease");
        // leases are kept to the millisecond, as the JDBC store keeps them
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        List<Enrollment> claimed = byContact.values().stream().flatMap(List::stream)
                .filter(e -> e.sequence().equals(sequence) && e.status() == EnrollmentStatus.ACTIVE
                        && !e.nextAt().isAfter(now) && free(e, at))
                .sorted(Comparator.comparing(Enrollment::nextAt).thenComparing(Enrollment::contactId)
                        .thenComparing(Enrollment::enrolledAt))
                .limit(Math.max(max, 0)).toList();
        claimed.forEach(e -> claims.put(claimKey(e), new Claim(node, until)));
        return claimed;
    }

    private boolean free(Enrollment e, Instant now) {
        Claim claim = claims.get(claimKey(e));
        return claim == null || claim.leaseUntil().isBefore(now);
    }

    @Override
    public synchronized boolean advance(Enrollment before, Enrollment after, String node) {
        Enrollments.checkSameEnrollment(before, after);
        Objects.requireNonNull(node, "node");
        Claim claim = claims.get(claimKey(before));
        if (claim == null || !claim.node().equals(node) || !update(before, after)) {
            return false;
        }
        claims.remove(claimKey(before));
        return true;
    }

    @Override
    public synchronized boolean release(Enrollment enrollment, String node) {
        Objects.requireNonNull(node, "node");
        Claim claim = claims.get(claimKey(enrollment));
        if (claim == null || !claim.node().equals(node)) {
            return false;
        }
        claims.remove(claimKey(enrollment));
        return true;
    }

    @Override
    public synchronized boolean update(Enrollment before, Enrollment after) {
        Enrollments.checkSameEnrollment(before, after);
        List<Enrollment> list = byContact.getOrDefault(key(before.contactId(), before.sequence()), List.of());
        int i = list.indexOf(before);
        if (i < 0) {
            return false;
        }
        list.set(i, after);
        return true;
    }

    /**
     * The archive of the enrollments, keyed by {@link EnrollmentKey}, in the units of work of a store: export and
     * restore only. A runner's claim is not part of it (a restored enrollment is unclaimed). A restore is undone if
     * its unit of work rolls back.
     */
    MemoryArchive<Enrollment> archive(InMemoryTransactions tx) {
        return new MemoryArchive<>(tx, "sequence enrollment", this::page, EnrollmentKey::of, this::contains, e -> {
            put(e);
            tx.onRollback(() -> remove(e));
        });
    }

    private synchronized List<Enrollment> page(Optional<String> after, int limit) {
        return KeyOrder.after(byContact.values().stream().flatMap(List::stream).toList(), EnrollmentKey::of, after,
                limit);
    }

    private synchronized boolean contains(String archiveKey) {
        EnrollmentKey.Parts p = EnrollmentKey.parse(archiveKey);
        return byContact.getOrDefault(key(p.contactId(), p.sequence()), List.of()).stream()
                .anyMatch(e -> EnrollmentKey.micros(e.enrolledAt()) == p.micros());
    }

    private synchronized void put(Enrollment e) {
        List<Enrollment> list = byContact.computeIfAbsent(key(e.contactId(), e.sequence()), k -> new ArrayList<>());
        list.add(e);
        list.sort(Comparator.comparing(Enrollment::enrolledAt));
    }

    private synchronized void remove(Enrollment e) {
        byContact.getOrDefault(key(e.contactId(), e.sequence()), new ArrayList<>()).remove(e);
    }

    /**
     * The erasure: blanks the end reason of the contacts' enrollments where it quotes one of the person's values
     * (a host's or a hand-to-sales note); the enrollments stay. Undone if the unit of work rolls back.
     *
     * @return how many enrollments were changed
     */
    int erase(java.util.Set<String> contactIds, java.util.function.Predicate<String> hits, InMemoryTransactions tx) {
        int n = 0;
        synchronized (this) {
            for (List<Enrollment> list : byContact.values()) {
                for (int i = 0; i < list.size(); i++) {
                    Enrollment e = list.get(i);
                    if (contactIds.contains(e.contactId()) && hits.test(e.endReason())) {
                        Enrollment blank = new Enrollment(e.contactId(), e.sequence(), e.enrolledAt(), e.step(),
                                e.nextAt(), e.status(), dev.crmkit.core.privacy.Anonymized.ERASED);
                        list.set(i, blank);
                        tx.onRollback(() -> update(blank, e));
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
