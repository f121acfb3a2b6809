package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.BulkCapture;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On PostgreSQL a bulk chunk's look-ups of its keys (contacts by point, open leads by e-mail and phone, leads by
 * external id, companies by domain) send the same statement texts whatever the number of keys, the keys bound as one
 * array: pgjdbc then prepares them on the server after five runs and the server stops parsing and planning them. A
 * {@code VALUES} list of one parameter a key made a new text for every chunk (16 to 20 new texts a chunk of
 * {@code crm bench jdbc}, each parsed and planned). Two chunks of different sizes, the texts of their prepared
 * statements compared. Not timed.
 */
class BulkLookupTextsTest {

    private static final Instant AT = Instant.parse("2026-12-06T23:00:00Z");

    @Test
    void postgresql_chunksOfDifferentSizes_sendTheSameLookupTexts() {
        DataSource ds = TestDatabase.POSTGRESQL.isolated();
        try {
            List<String> texts = new ArrayList<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.recording(ds, texts)).build();
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(18))
                    .defaultRegion("DE").build();
            BulkCapture bulk = crm.bulkCapture();
            bulk.captureAll(people(0, 60));
            Set<String> first = lookups(texts);
            texts.clear();

            bulk.captureAll(people(100, 23)); // 23 new people: other numbers of e-mails, phones, ids, domains
            Set<String> second = lookups(texts);

            assertTrue(second.size() >= 5, "look-ups of the second chunk: " + second);
            Set<String> fresh = new LinkedHashSet<>(second);
            fresh.removeAll(first);
            assertEquals(Set.of(), fresh, "look-up texts the second chunk sent that the first had not");
            assertTrue(second.stream().noneMatch(t -> t.contains("VALUES")), "a look-up with a VALUES list");
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** The distinct texts of the per-key look-ups among the statements prepared. */
    private static Set<String> lookups(List<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        texts.stream().filter(t -> t.contains("bulk_keys")).forEach(out::add);
        return out;
    }

    private static List<LeadSubmission> people(int from, int count) {
        List<LeadSubmission> out = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            out.add(LeadSubmission.from(Channel.WEB_FORM).name("Kim", "Person" + n).email("kim" + n + "@firm"
                    + (n % 7) + ".example").phone("+49 30 5551" + (1000 + n)).company("Firm " + (n % 7) + " GmbH")
                    .externalId("sub-" + n).build());
        }
        return out;
    }
}
