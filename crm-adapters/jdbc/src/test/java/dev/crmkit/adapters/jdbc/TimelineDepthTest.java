package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A timeline of 100,000 activities pages like one of 10: the first page and a page deep into the long timeline read
 * the right entries in the right order, and the database reads them from the {@code activity_about} key, backwards
 * from the cursor, touching about a page of index entries however deep the page is. Asserted on the plans, never on
 * timings. The long timeline is stored with {@link JdbcActivities#appendAll}, one unit of work per 5,000 entries.
 */
class TimelineDepthTest {

    private static final int LONG = 100_000;
    private static final int SHORT = 10;
    private static final int PER_UNIT = 5_000;
    private static final int PAGE = 50;
    private static final int DEEP = 80_000;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final UserId ALICE = UserId.of("alice");

    @Test
    void h2_deepPage_readsTheRightEntriesFromTheKey() throws SQLException {
        Fixture f = fill(TestDatabase.H2.isolated());

        String plan = explain(f, "EXPLAIN ANALYZE ");

        assertTrue(plan.contains("/* index sorted */"), "read in key order, not sorted:\n" + plan);
        assertFalse(plan.toLowerCase().contains("tablescan"), "no table scan:\n" + plan);
        Matcher about = Pattern.compile("FROM \"PUBLIC\"\\.\"CRM_ACTIVITY_ABOUT\" \"X\"\\s+/\\* PUBLIC\\.(\\S+): "
                + "[\\s\\S]*?/\\* scanCount: (\\d+) \\*/").matcher(plan);
        assertTrue(about.find(), "the about table is read first, through an index:\n" + plan);
        assertTrue(Integer.parseInt(about.group(2)) <= 2 * (PAGE + 1),
                "about a page of index entries read for a page deep into the timeline:\n" + plan);
    }

    @Test
    void postgresql_deepPage_readsTheRightEntriesFromTheKey() throws SQLException {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        Fixture f = fill(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE crm_activity_about");
            s.execute("ANALYZE crm_activity");
        }

        String plan = explain(f, "EXPLAIN ");
        assertTrue(plan.contains("Index"), plan);
        assertFalse(plan.contains("Seq Scan"), "no sequential scan:\n" + plan);
        assertTrue(plan.matches("(?s).*Index (Only )?Scan Backward using crm_activity_about_pk on crm_activity_about.*"),
                "the timeline is read backwards along the about key:\n" + plan);

        String analyzed = explain(f, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ");
        Matcher about = Pattern.compile("Scan Backward using crm_activity_about_pk on crm_activity_about x "
                + "\\(actual rows=(\\d+) loops=1\\)(?:\\s+Index Cond: [^\\n]*)?(?:\\s+Filter: [^\\n]*)?"
                + "(?:\\s+Rows Removed by Filter: (\\d+))?").matcher(analyzed);
        assertTrue(about.find(), analyzed);
        int read = Integer.parseInt(about.group(1)) + (about.group(2) == null ? 0 : Integer.parseInt(about.group(2)));
        assertTrue(read <= 2 * (PAGE + 1),
                "about a page of index entries read for a page deep into the timeline, not " + read + ":\n"
                        + analyzed);
    }

    /** The long and the short timeline stored, and their pages checked against the expected order. */
    private static Fixture fill(DataSource ds) {
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        RecordRef busy = new RecordRef(RecordType.CONTACT, new UUID(0x1111L, 1));
        RecordRef quiet = new RecordRef(RecordType.CONTACT, new UUID(0x2222L, 2));
        Random random = new Random(42);
        List<Activity> all = new ArrayList<>(LONG);
        for (int i = 0; i < LONG; i++) {
            // three entries a second, so equal times are ordered by insertion, the last first; every seventh one is Alice's private note
            boolean mine = i % 7 == 0;
            all.add(activity(random, busy, T0.plusSeconds(i / 3), mine));
        }
        JdbcActivities activities = (JdbcActivities) store.activities();
        for (int from = 0; from < LONG; from += PER_UNIT) {
            List<Activity> unit = all.subList(from, from + PER_UNIT);
            store.transactions().inTransaction(() -> {
                activities.appendAll(unit);
                return null;
            });
        }
        List<Activity> few = new ArrayList<>();
        for (int i = 0; i < SHORT; i++) {
            few.add(activity(random, quiet, T0.plusSeconds(i), false));
        }
        store.transactions().run(() -> few.forEach(activities::append));
        Activity fresh = activity(random, quiet, T0, false);
        assertThrows(IllegalArgumentException.class, () -> activities.appendAll(List.of(fresh, all.get(7))),
                "a batch with a stored id");
        assertEquals(Optional.empty(), activities.findById(fresh.id()), "nothing of the refused batch is stored");

        List<Activity> everything = newestFirst(all);
        List<Activity> publicOnes = everything.stream().filter(a -> a.visibility() == Visibility.PUBLIC).toList();

        Page<Activity> first = activities.timeline(busy, TimelineFilter.everything(), PageRequest.first(PAGE));
        assertEquals(publicOnes.subList(0, PAGE), first.items());
        assertTrue(first.hasNext());
        Page<Activity> second = activities.timeline(busy, TimelineFilter.everything(), PageRequest.first(PAGE)
                .next(first).orElseThrow());
        assertEquals(publicOnes.subList(PAGE, 2 * PAGE), second.items());

        PageRequest deep = PageRequest.after(cursor(store, publicOnes.get(DEEP - 1)), PAGE);
        Page<Activity> deepPage = activities.timeline(busy, TimelineFilter.everything(), deep);
        assertEquals(publicOnes.subList(DEEP, DEEP + PAGE), deepPage.items());
        assertEquals(Optional.of(cursor(store, publicOnes.get(DEEP + PAGE - 1))), deepPage.next());

        PageRequest deepAsAlice = PageRequest.after(cursor(store, everything.get(DEEP - 1)), PAGE);
        assertEquals(everything.subList(DEEP, DEEP + PAGE), activities.timeline(busy, TimelineFilter.seenBy(ALICE),
                deepAsAlice).items());

        PageRequest last = PageRequest.after(cursor(store, publicOnes.get(publicOnes.size() - 21)), PAGE);
        Page<Activity> lastPage = activities.timeline(busy, TimelineFilter.everything(), last);
        assertEquals(publicOnes.subList(publicOnes.size() - 20, publicOnes.size()), lastPage.items());
        assertEquals(Optional.empty(), lastPage.next());

        Page<Activity> short_ = activities.timeline(quiet, TimelineFilter.everything(), PageRequest.first(PAGE));
        assertEquals(newestFirst(few), short_.items());
        assertEquals(Optional.empty(), short_.next());

        return new Fixture(store, activities.timelineQuery(busy, TimelineFilter.everything(), deep));
    }

    /** The plan of the deep page's query. */
    private static String explain(Fixture f, String explain) {
        Jdbc jdbc = f.store().jdbc();
        List<String> lines = jdbc.tx.read(c -> jdbc.list(c, explain + f.deepPage().sql(), rs -> rs.getString(1),
                f.deepPage().params()));
        return String.join("\n", lines);
    }

    private static Activity activity(Random random, RecordRef about, Instant at, boolean alicesPrivateNote) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        return new Activity(new ActivityId(id), alicesPrivateNote ? ActivityType.NOTE : ActivityType.CALL,
                "Call " + id, "", Direction.OUTBOUND, at, List.of(), Set.of(about),
                alicesPrivateNote ? Optional.of(ALICE) : Optional.empty(),
                alicesPrivateNote ? Visibility.PRIVATE : Visibility.PUBLIC, at);
    }

    /** Appended in this order, newest first: by occurrence descending, then the last appended first. */
    private static List<Activity> newestFirst(List<Activity> appended) {
        List<Activity> out = new ArrayList<>(appended);
        Collections.reverse(out);
        out.sort(Comparator.comparing(Activity::occurredAt).reversed());
        return out;
    }

    /** The page cursor after an activity: its time and the insertion number of its row in the timeline key. */
    private static String cursor(JdbcCrmStore store, Activity a) {
        Jdbc jdbc = store.jdbc();
        long seq = jdbc.tx.read(c -> jdbc.one(c, jdbc.sql("SELECT seq FROM {activity_about} WHERE activity_id = ?"),
                rs -> rs.getLong(1), a.id().value())).orElseThrow();
        return new Jdbc.Cursor(a.occurredAt(), seq).text();
    }

    private record Fixture(JdbcCrmStore store, JdbcActivities.Query deepPage) {
    }
}
