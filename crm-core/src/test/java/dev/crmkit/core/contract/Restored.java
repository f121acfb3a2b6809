package dev.crmkit.core.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.crmkit.core.merge.MergeRecord;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an undo must leave, told from records as text ({@code toString} of records, lists and states, or rows dumped as
 * {@code column=value}): every record as it was, but for versions and times of the last change. Each version is the
 * same or higher, never lower, with at least one higher (the records the undo wrote back take a new version, so that a
 * copy read before or during the merge is refused as stale afterwards). Each time of the last change ({@code
 * updatedAt=} or {@code updated_at=}) is the same or later, never earlier, and that of a record the undo wrote is the
 * undo's instant, or its time from before the merge where that is later (an undo's clock behind it): an undo is a
 * change made then, and time never goes back ({@link UndoSteps#changedAt}). The texts do not hold the times the merge
 * itself wrote: a test whose merge ran after its undo's instant checks those times itself.
 */
public final class Restored {

    private static final Pattern VERSION = Pattern.compile("version=(\\d+)");
    private static final Pattern CHANGED = Pattern.compile("(?<![A-Za-z_])(updatedAt|updated_at)=(\\d{4}-\\d{2}-\\d{2}"
            + "[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Restored() {
    }

    /**
     * Asserts that {@code after} is {@code before} but for versions and times of the last change, that no version
     * went down and one went up, and that no time went back.
     *
     * @param before the records (or a state) before the merge, as text
     * @param after  the same after the undo
     */
    public static void assertRestored(Object before, Object after) {
        check(before, after, List.of(), null);
    }

    /**
     * {@link #assertRestored(Object, Object)}, and every record of {@code written} (the records the undo wrote back)
     * went up a version, with its time of the last change (where it has one) the undo's instant, or its time from
     * before the merge where that is later: one put back at its version, or at its time from before the merge where
     * the undo's instant is later, fails, and so does one put back earlier than it was. A version belongs to the record whose id is the last id (a UUID)
     * in the text before it, as in {@code Deal[id=DealId[value=...], version=3, ...]}; a time of the last change to the
     * record of the last version before it on its line.
     *
     * @param before   the records (or a state) before the merge, as text
     * @param after    the same after the undo
     * @param written  the ids of the records the undo wrote (UUIDs or ids whose text holds one)
     * @param undoneAt the undo's instant
     */
    public static void assertRestored(Object before, Object after, Collection<?> written, Instant undoneAt) {
        check(before, after, written, Objects.requireNonNull(undoneAt, "undoneAt"));
    }

    private static void check(Object before, Object after, Collection<?> written, Instant undoneAt) {
        Set<String> ids = new HashSet<>();
        written.forEach(id -> {
            Matcher m = UUID.matcher(String.valueOf(id));
            assertTrue(m.find(), () -> "no id in " + id);
            ids.add(m.group());
        });
        String was = String.valueOf(before);
        String now = String.valueOf(after);
        assertEquals(masked(was), masked(now), "everything as it was, but for versions and times of the last change");
        List<Long> from = versions(was);
        List<Long> to = versions(now);
        List<String> owners = owners(was);
        Set<String> seen = new HashSet<>();
        boolean up = false;
        for (int i = 0; i < from.size(); i++) {
            long f = from.get(i);
            long t = to.get(i);
            int at = i;
            assertTrue(t >= f, () -> "version " + (at + 1) + " of the text went down from " + f + " to " + t
                    + ":\n" + now);
            if (ids.contains(owners.get(i))) {
                assertTrue(t > f, () -> "record " + owners.get(at) + " written back at its old version " + f + ":\n"
                        + now);
                seen.add(owners.get(i));
            }
            up |= t > f;
        }
        assertEquals(ids, seen, "every record written is in the text");
        assertTrue(up, () -> "no record went up a version:\n" + now);
        List<Instant> changedBefore = times(was);
        List<Instant> changedAfter = times(now);
        List<String> changedOwners = timeOwners(was);
        for (int i = 0; i < changedBefore.size(); i++) {
            Instant f = changedBefore.get(i);
            Instant t = changedAfter.get(i);
            String owner = changedOwners.get(i);
            assertTrue(!t.isBefore(f), () -> "the time of the last change of " + owner + " went back from " + f
                    + " to " + t + ":\n" + now);
            if (undoneAt != null && ids.contains(owner)) {
                Instant expected = UndoSteps.changedAt(undoneAt, f);
                assertEquals(expected, t, () -> "record " + owner + " written by the undo at " + undoneAt
                        + ", last changed at " + f + " before the merge, but last changed at " + t + ":\n" + now);
            }
        }
    }

    /**
     * The records an undo of {@code merge} writes, for {@link #assertRestored(Object, Object, Collection, Instant)}:
     * its survivor, its merged-away records and the versioned records it re-pointed (each once).
     *
     * @param merges the merges undone
     * @return their ids, each as text holding its UUID
     */
    public static List<Object> written(MergeRecord<?, ?>... merges) {
        Set<Object> out = new LinkedHashSet<>();
        for (MergeRecord<?, ?> merge : merges) {
            out.add(merge.survivor());
            out.addAll(merge.mergedIds());
            Repointed.lastOfEach(merge.repointed()).stream().filter(UndoSteps::isVersioned)
                    .forEach(r -> out.add(r.id()));
        }
        return List.copyOf(out);
    }

    private static String masked(String text) {
        return CHANGED.matcher(VERSION.matcher(text).replaceAll("version=_")).replaceAll("$1=_");
    }

    /** For each time of the last change in the text, the record of the last version before it on its line. */
    private static List<String> timeOwners(String text) {
        List<String> owners = owners(text);
        List<Integer> starts = found(VERSION, text, Matcher::start);
        List<String> out = new ArrayList<>();
        Matcher m = CHANGED.matcher(text);
        while (m.find()) {
            String owner = "";
            int line = text.lastIndexOf('\n', m.start());
            for (int i = starts.size() - 1; i >= 0; i--) {
                if (starts.get(i) < m.start()) {
                    owner = starts.get(i) > line ? owners.get(i) : "";
                    break;
                }
            }
            out.add(owner);
        }
        return out;
    }

    private static List<Instant> times(String text) {
        return found(CHANGED, text, m -> instant(m.group(2)));
    }

    /** An instant as records ({@code 2026-03-02T09:00:00Z}) or databases ({@code 2026-03-02 09:00:00+00}) print it. */
    static Instant instant(String text) {
        String t = text.replace(' ', 'T');
        if (t.matches(".*[+-]\\d{2}")) {
            t += ":00";
        } else if (t.matches(".*[+-]\\d{4}")) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        } else if (!t.endsWith("Z") && !t.matches(".*[+-]\\d{2}:\\d{2}")) {
            t += "Z"; // a database's time without a zone (MariaDB's DATETIME): the tests' sessions run in UTC
        }
        return OffsetDateTime.parse(t).toInstant();
    }

    /** For each version in the text, the last UUID before it (its record's id), or "" for none. */
    private static List<String> owners(String text) {
        List<String> out = new ArrayList<>();
        Matcher v = VERSION.matcher(text);
        Matcher u = UUID.matcher(text);
        String last = "";
        int from = 0;
        while (v.find()) {
            u.region(from, v.start());
            while (u.find()) {
                last = u.group();
            }
            from = v.start();
            out.add(last);
        }
        return out;
    }

    private static List<Long> versions(String text) {
        return found(VERSION, text, m -> Long.parseLong(m.group(1)));
    }

    /** The value of each match of the pattern in the text, in order. */
    private static <T> List<T> found(Pattern pattern, String text, Function<Matcher, T> value) {
        List<T> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(value.apply(m));
        }
        return out;
    }
}
