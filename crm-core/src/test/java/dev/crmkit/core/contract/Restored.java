package dev.crmkit.core.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.crmkit.core.merge.MergeRecord;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UndoSteps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an undo must leave, told from records as text ({@code toString} of records, lists and states): every record as
 * it was, and each version the same or higher, never lower, with at least one higher (the records the undo wrote
 * back take a new version, so that a copy read before or during the merge is refused as stale afterwards).
 */
public final class Restored {

    private static final Pattern VERSION = Pattern.compile("version=(\\d+)");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Restored() {
    }

    /**
     * Asserts that {@code after} is {@code before} but for versions, and that no version went down and one went up.
     *
     * @param before the records (or a state) before the merge, as text
     * @param after  the same after the undo
     */
    public static void assertRestored(Object before, Object after) {
        assertRestored(before, after, List.of());
    }

    /**
     * {@link #assertRestored(Object, Object)}, and every record of {@code written} (the records the undo wrote back)
     * went up a version: one put back at its version from before the merge fails. A version belongs to the record whose
     * id is the last id (a UUID) in the text before it, as in {@code Deal[id=DealId[value=...], version=3, ...]}.
     *
     * @param before  the records (or a state) before the merge, as text
     * @param after   the same after the undo
     * @param written the ids of the records the undo wrote (UUIDs or ids whose text holds one)
     */
    public static void assertRestored(Object before, Object after, Collection<?> written) {
        Set<String> ids = new HashSet<>();
        written.forEach(id -> {
            Matcher m = UUID.matcher(String.valueOf(id));
            assertTrue(m.find(), () -> "no id in " + id);
            ids.add(m.group());
        });
        String was = String.valueOf(before);
        String now = String.valueOf(after);
        assertEquals(VERSION.matcher(was).replaceAll("version=_"), VERSION.matcher(now).replaceAll("version=_"),
                "everything as it was, but for versions");
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
    }

    /**
     * The records an undo of {@code merge} writes, for {@link #assertRestored(Object, Object, Collection)}: its
     * survivor, its merged-away records and the versioned records it re-pointed (each once).
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
        List<Long> out = new ArrayList<>();
        Matcher m = VERSION.matcher(text);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
