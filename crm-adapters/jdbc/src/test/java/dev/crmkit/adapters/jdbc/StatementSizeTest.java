package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Multi-row statements ({@link Jdbc#insertRows}, {@link Outbox#append}) are cut by the size of their data as well as
 * by rows and parameters: MariaDB Connector/J inlines the values into one packet, and a statement beyond the server's
 * {@code max_allowed_packet} (16 MB by default) failed the same way on every retry. 170 activities and 170 events of
 * 100,000 chars each (17 M chars, ~20 MB escaped, a table) go in on every store.
 */
class StatementSizeTest {

    private static final int ROWS = 170;
    private static final int CHARS = 100_000;

    /** A test event carrying a long text, as the JSON codec writes any record. */
    record LongEvent(String aggregateId, Instant occurredAt, String text) implements DomainEvent {
    }

    private static String text(int i) {
        return (i + ":" + "ab\\'\"é".repeat(CHARS)).substring(0, CHARS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsOfLongTexts_beyondTheServersPacket_goInInStatementsOfBoundedSize(TestDatabase db) throws Exception {
        JdbcCrmStore store = db.freshStore("size_");
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        List<Activity> all = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            all.add(Activity.system(new ActivityId(new UUID(17, i)), "s" + i, text(i),
                    Set.of(new RecordRef(RecordType.LEAD, new UUID(9, i))), at));
        }
        ((JdbcActivities) store.activities()).appendAll(all);
        for (int i = 0; i < ROWS; i += 37) {
            assertEquals(text(i), store.activities().findById(all.get(i).id()).orElseThrow().body(), "activity " + i);
        }

        Jdbc jdbc = store.jdbc();
        Outbox outbox = new Outbox(jdbc.dialect, jdbc.tables, jdbc.json);
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            events.add(new LongEvent("t17-size-" + i, at, text(i)));
        }
        jdbc.tx.write(c -> {
            outbox.append(c, events);
            return null;
        });
        long stored = jdbc.tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(jdbc.tables.sql(
                    "SELECT COUNT(*) FROM {outbox} WHERE aggregate_id LIKE 't17-size-%'"));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(ROWS, stored);
    }
}
