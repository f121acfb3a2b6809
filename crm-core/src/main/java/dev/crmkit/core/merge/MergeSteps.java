package dev.crmkit.core.merge;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The steps that merging and unmerging take the same way whatever kind of record they merge: reading the members,
 * ordering them survivor first, and checking and recording an unmerge. Immutable and thread-safe.
 *
 * @param <R> the kind of record merged
 * @param <I> its id
 */
final class MergeSteps<R, I> {

    private final RecordType type;
    private final String noun;
    private final String field;
    private final Function<R, I> idOf;
    private final Function<I, UUID> uuidOf;
    private final ToLongFunction<R> versionOf;

    /**
     * @param type      the record type, for timeline references
     * @param noun      the kind of record in messages, e.g. {@code contact}
     * @param field     the field naming the members in refusals, e.g. {@code contacts}
     * @param idOf      a record's id
     * @param uuidOf    an id's value
     * @param versionOf a record's stored version
     */
    MergeSteps(RecordType type, String noun, String field, Function<R, I> idOf, Function<I, UUID> uuidOf,
               ToLongFunction<R> versionOf) {
        this.type = type;
        this.noun = noun;
        this.field = field;
        this.idOf = idOf;
        this.uuidOf = uuidOf;
        this.versionOf = versionOf;
    }

    /**
     * Reads each distinct id (in the order of their values, so that two merges of overlapping records lock them in
     * the same order) and adds a problem for one that is unknown or already merged away.
     *
     * @return the records found, in the order listed
     */
    List<R> members(Collection<I> ids, Function<I, Optional<R>> read, List<Violation> problems) {
        Map<I, R> found = new LinkedHashMap<>();
        new LinkedHashSet<>(ids).forEach(id -> found.put(id, null));
        for (I id : found.keySet().stream().sorted(Comparator.comparing(i -> uuidOf.apply(i).toString())).toList()) {
            Optional<R> stored = read.apply(id);
            if (stored.isEmpty()) {
                problems.add(new Violation(field, "exists", "there is no " + noun + " " + id));
            } else if (!idOf.apply(stored.get()).equals(id)) {
                problems.add(new Violation(field, "not-merged", noun + " " + id + " was merged into "
                        + idOf.apply(stored.get()) + " before"));
            } else {
                found.put(id, stored.get());
            }
        }
        return found.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The survivor first, then the others in the order listed. */
    List<R> survivorFirst(R survivor, List<R> listed) {
        List<R> all = new ArrayList<>();
        all.add(survivor);
        listed.stream().filter(r -> !idOf.apply(r).equals(idOf.apply(survivor))).forEach(all::add);
        return all;
    }

    /**
     * Why a merge cannot be undone: unknown, undone before, its survivor gone, merged again or changed since, or one
     * of the store's conflicts. Empty when it can be.
     *
     * @param what   the merge in messages, e.g. {@code merge} or {@code company merge}
     * @param read   reads (and locks, where the store can) a record by id
     */
    <M extends MergeRecord<R, I>> List<String> unmergeConflicts(String what, MergeId id, Optional<M> found,
                                                                Function<I, Optional<R>> read,
                                                                RecordMerges<R, I, M> merges) {
        if (found.isEmpty()) {
            return List.of("there is no " + what + " " + id);
        }
        M merge = found.get();
        if (merge.undoneAt().isPresent()) {
            return List.of("merge " + id + " was undone at " + merge.undoneAt().get());
        }
        List<String> conflicts = new ArrayList<>();
        Optional<R> survivor = read.apply(merge.survivor());
        if (survivor.isEmpty()) {
            conflicts.add("the survivor " + merge.survivor() + " is not stored");
        } else if (!idOf.apply(survivor.get()).equals(merge.survivor())) {
            conflicts.add("the survivor " + merge.survivor() + " was merged into " + idOf.apply(survivor.get())
                    + " since; undo that merge first");
        } else if (versionOf.applyAsLong(survivor.get()) != merge.survivorVersionAfter()) {
            conflicts.add(noun + " " + merge.survivor() + " changed since the merge (version "
                    + merge.survivorVersionAfter() + " then, " + versionOf.applyAsLong(survivor.get()) + " now)");
        }
        conflicts.addAll(merges.conflicts(merge));
        return conflicts;
    }

    /**
     * What an unmerge did: the merge record marked as undone and the unmerge's timeline entry, or (nothing changed)
     * every conflict.
     */
    record Undo<M>(List<String> conflicts, Optional<M> undone, Optional<ActivityId> entry) {
    }

    /**
     * Undoes a merge in the running unit of work unless {@link #unmergeConflicts} finds conflicts, and records it on
     * the timelines.
     *
     * @param what  the merge in messages, e.g. {@code company merge}
     * @param title the unmerge's timeline title for the merge
     */
    <M extends MergeRecord<R, I>> Undo<M> unmerge(String what, MergeId id, Function<I, Optional<R>> read,
                                                  RecordMerges<R, I, M> merges, Timeline timeline, Context context,
                                                  Function<M, String> title) {
        Optional<M> found = merges.find(id);
        List<String> conflicts = unmergeConflicts(what, id, found, read, merges);
        if (!conflicts.isEmpty()) {
            return new Undo<>(conflicts, Optional.empty(), Optional.empty());
        }
        M merge = found.orElseThrow();
        Instant now = context.clock().instant();
        M undone = merges.undo(merge, now);
        ActivityId entry = recordUnmerge(timeline, context, merge, title.apply(merge), now);
        return new Undo<>(List.of(), Optional.of(undone), Optional.of(entry));
    }

    /** Records an undone merge on the timelines of the survivor and the restored records. */
    ActivityId recordUnmerge(Timeline timeline, Context context, MergeRecord<R, I> merge, String title,
                             Instant now) {
        Set<RecordRef> about = new LinkedHashSet<>();
        about.add(ref(merge.survivor()));
        merge.mergedIds().forEach(i -> about.add(ref(i)));
        ActivityId entry = new ActivityId(context.ids().next());
        timeline.record(Activity.system(entry, title, "merge " + merge.id() + " undone; restored "
                + merge.mergedIds().stream().map(Object::toString).collect(Collectors.joining(", ")), about, now));
        return entry;
    }

    /** A timeline reference to a record. */
    RecordRef ref(I id) {
        return new RecordRef(type, uuidOf.apply(id));
    }
}
