package dev.crmkit.core.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an undo must leave, told from records as text ({@code toString} of records, lists and states): every record as
 * it was, and each version the same or higher, never lower, with at least one higher (the records the undo wrote
 * back take a new version, so that a copy read before or during the merge is refused as stale afterwards).
 */
public final class Restored {

    private static final Pattern VERSION = Pattern.compile("version=(\\d+)");

    private Restored() {
    }

    /**
     * Asserts that {@code after} is {@code before} but for versions, and that no version went down and one went up.
     *
     * @param before the records (or a state) before the merge, as text
     * @param after  the same after the undo
     */
    public static void assertRestored(Object before, Object after) {
        String was = String.valueOf(before);
        String now = String.valueOf(after);
        assertEquals(VERSION.matcher(was).replaceAll("version=_"), VERSION.matcher(now).replaceAll("version=_"),
                "everything as it was, but for versions");
        List<Long> from = versions(was);
        List<Long> to = versions(now);
        boolean up = false;
        for (int i = 0; i < from.size(); i++) {
            long f = from.get(i);
            long t = to.get(i);
            int at = i;
            assertTrue(t >= f, () -> "version " + (at + 1) + " of the text went down from " + f + " to " + t
                    + ":\n" + now);
            up |= t > f;
        }
        assertTrue(up, () -> "no record went up a version:\n" + now);
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
