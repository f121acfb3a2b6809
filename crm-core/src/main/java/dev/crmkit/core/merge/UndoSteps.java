package dev.crmkit.core.merge;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The versions an unmerge writes its records back at, and what that means for the other merges in force. An undo
 * never steps a version back: the survivor, each merged-away record and each re-pointed versioned record is written
 * with its content from before the merge at one version more than it has now (a version no copy of it ever had), so
 * a copy read before or during the merge is refused as stale afterwards.
 *
 * <p>Another merge in force (any kind, not undone) may have recorded, for one of those records, the version it had
 * right before the merge being undone (a chain: 1 and 2 merged into 0, then 0 into 3; or a deal re-pointed by a lead
 * merge and then by a contact merge). The undo puts that record back as it was then, so that merge's record takes the
 * new version ({@link #apply(ContactMerge)} and its overloads), exactly as {@link
 * dev.crmkit.core.privacy.Anonymized#afterErasure} does after an erasure: undoing the chain newest-first works. A
 * record changed between (a version other than the one right before) is left as recorded and keeps refusing.
 *
 * <p>"The version right before the merge" of a re-pointed record is taken as its recorded {@code versionAfter - 1}
 * (the merge's first re-pointing of it raised it by one). That holds only while the merge's entry is unstepped: once
 * an erasure ({@link dev.crmkit.core.privacy.Anonymized#afterErasure}) or another undo has stepped it, {@code
 * versionAfter - 1} is the version right before that step, not before the merge. A stepped entry is harmless because
 * every writer of such a record bumps its version: any other merge that recorded that number recorded it before the
 * step and before this merge, so it is already undone (chains are undone newest-first). A writer that records a
 * version without bumping it would break this; storing the version found in {@link Repointed} would not.
 *
 * <p>An undo is a change made at its instant: every record it writes that has a time of the last change (contacts,
 * companies, leads, deals) takes the undo's instant ({@link #written(Contact, long, Instant)} and its overloads), or
 * the time it was last changed at, stored or as put back, where that is later ({@link #changedAt}: an undo's instant
 * behind it, from a clock behind, {@code crm --as-of} in the past or a node's skew), so time never goes back for a
 * reader that keeps the newest (review A-L2).
 *
 * <p>Immutable and thread-safe.
 */
public final class UndoSteps {

    /** Each record written: "KIND:id" to {version right before the merge, version written}. */
    private final Map<String, long[]> steps;
    /** Whether the steps apply to the survivors' versions the merges recorded too (an undo's), or not (a write's). */
    private final boolean survivors;

    private UndoSteps(Map<String, long[]> steps, boolean survivors) {
        this.steps = Collections.unmodifiableMap(steps);
        this.survivors = survivors;
    }

    /**
     * The steps of a write other than an undo that raised the version of records by one each (a person's erasure,
     * {@link dev.crmkit.core.privacy.Anonymized#afterErasure}): each merge in force, of any kind, that recorded one
     * of them as re-pointed at the version it had before the write records the version written instead. The
     * survivors' versions the merges recorded are left as they are.
     *
     * @param versionsBefore each kind of re-pointed record written, with the ids written and their versions before
     * @return the steps
     */
    public static UndoSteps afterWrites(Map<Repointed.Kind, Map<UUID, Long>> versionsBefore) {
        Map<String, long[]> steps = new HashMap<>();
        versionsBefore.forEach((kind, versions) -> versions.forEach((id, before) -> steps.put(key(kind.name(), id),
                new long[] {before, before + 1})));
        return new UndoSteps(steps, false);
    }

    /**
     * The steps of undoing a merge: its survivor, its merged-away records and its re-pointed versioned records.
     *
     * @param <R>       the kind of record merged
     * @param <I>       its id
     * @param merge     the merge being undone
     * @param type      the kind of record it merged
     * @param uuidOf    an id's value
     * @param versionOf a record's stored version
     */
    public static <R, I> UndoSteps of(MergeRecord<R, I> merge, RecordType type, Function<I, UUID> uuidOf,
                                      ToLongFunction<R> versionOf) {
        Map<String, long[]> steps = new HashMap<>();
        steps.put(key(type.name(), uuidOf.apply(merge.survivor())),
                new long[] {versionOf.applyAsLong(merge.survivorBefore()), survivorVersion(merge)});
        for (int i = 0; i < merge.mergedAway().size(); i++) {
            long before = versionOf.applyAsLong(merge.mergedAway().get(i));
            steps.put(key(type.name(), uuidOf.apply(merge.mergedIds().get(i))),
                    new long[] {before, reinstatedVersion(before)});
        }
        Map<UUID, Repointed> last = new HashMap<>();
        Repointed.lastOfEach(merge.repointed()).forEach(r -> last.put(r.id(), r));
        for (Repointed r : merge.repointed()) {
            // the first re-pointing of a record in the merge found it at one version less (while unstepped: see the
            // class Javadoc)
            if (isVersioned(r) && !steps.containsKey(key(r.kind().name(), r.id()))) {
                steps.put(key(r.kind().name(), r.id()),
                        new long[] {r.versionAfter() - 1, putBackVersion(last.get(r.id()))});
            }
        }
        return new UndoSteps(steps, true);
    }

    /** The version an undo writes its survivor at: one more than the merge left it at. */
    public static long survivorVersion(MergeRecord<?, ?> merge) {
        return merge.survivorVersionAfter() + 1;
    }

    /**
     * The version an undo reinstates a merged-away record at: two more than it had before the merge. The merge left
     * the record's retired state (a JDBC row without its e-mails, links or external ids, which exports and change
     * data capture see) at one more, so the reinstated state takes a version no state or copy of the record ever had,
     * and a reader that applies "only if newer" takes it. Both stores use it, so their exports stay alike.
     *
     * @param versionBefore its version in the merge record's snapshot
     */
    public static long reinstatedVersion(long versionBefore) {
        return versionBefore + 2;
    }

    /**
     * The version an undo puts a re-pointed record back at: one more than the merge left it at.
     *
     * @param last the record's last re-pointing in the merge ({@link Repointed#lastOfEach})
     */
    public static long putBackVersion(Repointed last) {
        return last.versionAfter() + 1;
    }

    /**
     * A record as an undo writes it back.
     *
     * @param <R> the kind of record
     */
    @FunctionalInterface
    public interface Written<R> {

        /**
         * The record at {@code version}, last changed at {@code at} or at its own time of the last change where that
         * is later ({@link UndoSteps#changedAt}).
         *
         * @param record  its content as the undo puts it back
         * @param version the version the undo writes it at
         * @param at      the undo's instant
         * @return the copy to store
         */
        R at(R record, long version, Instant at);
    }

    /**
     * The time of the last change an undo at {@code at} writes over a record last changed at {@code stored}: the
     * later of the two, so time never goes back.
     *
     * @param at     the undo's instant
     * @param stored the record's time of the last change, as stored before the undo or as put back
     * @return the later of the two
     */
    public static Instant changedAt(Instant at, Instant stored) {
        return stored.isAfter(at) ? stored : at;
    }

    /**
     * The contact as an undo writes it: at {@code version}, last changed at the undo's instant {@code at}, or at its
     * own time of the last change where that is later ({@link #changedAt}).
     */
    public static Contact written(Contact contact, long version, Instant at) {
        return contact.withName(contact.name(), changedAt(at, contact.updatedAt())).atVersion(version);
    }

    /**
     * The company as an undo writes it: at {@code version}, last changed at the undo's instant {@code at}, or at its
     * own time of the last change where that is later ({@link #changedAt}).
     */
    public static Company written(Company company, long version, Instant at) {
        return company.withName(company.name(), changedAt(at, company.updatedAt())).atVersion(version);
    }

    /**
     * The lead as an undo writes it: at {@code version}, last changed at the undo's instant {@code at}, or at its own
     * time of the last change where that is later ({@link #changedAt}).
     */
    public static Lead written(Lead lead, long version, Instant at) {
        return lead.withOwner(lead.owner(), changedAt(at, lead.updatedAt())).atVersion(version);
    }

    /** Whether the re-pointed record carries a version (timeline entries and aliases do not). */
    public static boolean isVersioned(Repointed r) {
        return r.kind() != Repointed.Kind.ACTIVITY && r.kind() != Repointed.Kind.ALIAS;
    }

    /**
     * The survivor's version after its merge, as another merge in force records it after this undo.
     *
     * @param type     the kind of record that merge merged
     * @param survivor its survivor
     * @param recorded the version it recorded
     */
    public long survivorVersionAfter(RecordType type, UUID survivor, long recorded) {
        return survivors ? stepped(type.name(), survivor, recorded) : recorded;
    }

    /** Another merge's re-pointed records as it records them after this undo; the list itself when none changed. */
    public List<Repointed> repointed(List<Repointed> repointed) {
        boolean changed = false;
        List<Repointed> out = new ArrayList<>(repointed.size());
        for (Repointed r : repointed) {
            long v = isVersioned(r) ? stepped(r.kind().name(), r.id(), r.versionAfter()) : r.versionAfter();
            changed |= v != r.versionAfter();
            out.add(v == r.versionAfter() ? r : new Repointed(r.kind(), r.id(), r.from(), r.to(), v, r.refsBefore()));
        }
        return changed ? List.copyOf(out) : repointed;
    }

    /** Another contact merge in force after this undo; the merge itself when it recorded none of the steps. */
    public ContactMerge apply(ContactMerge m) {
        return apply(m, RecordType.CONTACT, m.survivor().value(), (survivor, repointed) -> new ContactMerge(m.id(),
                m.survivorBefore(), survivor, m.mergedAway(), repointed, m.activityId(), m.mergedAt(), m.undoneAt()));
    }

    /** Another lead merge in force after this undo; the merge itself when it recorded none of the steps. */
    public LeadMerge apply(LeadMerge m) {
        return apply(m, RecordType.LEAD, m.survivor().value(), (survivor, repointed) -> new LeadMerge(m.id(),
                m.survivorBefore(), survivor, m.mergedAway(), repointed, m.activityId(), m.mergedAt(), m.undoneAt()));
    }

    /** Another company merge in force after this undo; the merge itself when it recorded none of the steps. */
    public CompanyMerge apply(CompanyMerge m) {
        return apply(m, RecordType.COMPANY, m.survivor().value(), (survivor, repointed) -> new CompanyMerge(m.id(),
                m.survivorBefore(), survivor, m.mergedAway(), m.contactsBefore(), repointed, m.activityId(),
                m.mergedAt(), m.undoneAt()));
    }

    private <M extends MergeRecord<?, ?>> M apply(M m, RecordType type, UUID survivorId,
                                                  BiFunction<Long, List<Repointed>, M> copy) {
        long survivor = survivorVersionAfter(type, survivorId, m.survivorVersionAfter());
        List<Repointed> repointed = repointed(m.repointed());
        return survivor == m.survivorVersionAfter() && repointed == m.repointed() ? m
                : copy.apply(survivor, repointed);
    }

    private long stepped(String kind, UUID id, long recorded) {
        long[] step = steps.get(key(kind, id));
        return step != null && step[0] == recorded ? step[1] : recorded;
    }

    private static String key(String kind, UUID id) {
        return kind + ":" + id;
    }
}
