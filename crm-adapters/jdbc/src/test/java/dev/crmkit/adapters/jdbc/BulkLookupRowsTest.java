package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.kit.Crmkit;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The rows of a chunk's look-up of leads on MariaDB ({@code JdbcCaptureBatches.AtOnce}): a lead that several of its
 * branches find is read from the result once. A repeat's open lead is found by its e-mail, by its phone and, when
 * the submission repeats an external id, by that too; mapping a lead parses its JSON columns, and counted on the
 * client (JFR, {@code crm bench jdbc} at 20,000 submissions) the look-up's mapping of leads was the largest piece of
 * a chunk's look-ups.
 */
class BulkLookupRowsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T22:00:00Z");

    @Test
    void mariadb_aLeadFoundByEmailPhoneAndExternalId_isMappedOnce_andSharedByTheThreeBranches() {
        try (TestDatabase.Isolated on = TestDatabase.MARIADB.isolatedStore()) {
            JdbcCrmStore store = on.store();
            Crmkit kit = Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                    .ids(IdGenerator.seeded(18L))
                    .suppressionSalt("the rows test's secret salt, 32b".getBytes(StandardCharsets.UTF_8)).build();
            Lead lead = kit.crm().capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Maren", "Tidemann")
                    .email("maren.tidemann@example.org").phone("+49 30 5550 1818").externalId("rows-1").build())
                    .lead().orElseThrow();
            Jdbc jdbc = store.jdbc();
            JdbcLeads leads = (JdbcLeads) store.leads();
            AtomicInteger mapped = new AtomicInteger();

            Map<String, List<JdbcCaptureBatches.Keyed<Lead>>> rows = jdbc.tx.read(c ->
                    JdbcCaptureBatches.AtOnce.LEADS.rows(jdbc, c, List.of(
                            List.of(lead.email().orElseThrow().value(), "nobody@example.org"),
                            List.of(lead.phone().orElseThrow().toString()),
                            List.of("rows-1", "rows-2")), rs -> {
                                mapped.incrementAndGet();
                                return leads.map(rs);
                            }));

            assertEquals(1, rows.get("0").size(), "by e-mail");
            assertEquals(1, rows.get("1").size(), "by phone");
            assertEquals(1, rows.get("2").size(), "by external id");
            assertEquals("rows-1", rows.get("2").get(0).key());
            assertEquals(lead, rows.get("0").get(0).row());
            assertSame(rows.get("0").get(0).row(), rows.get("1").get(0).row());
            assertSame(rows.get("0").get(0).row(), rows.get("2").get(0).row());
            assertEquals(1, mapped.get(), "the lead's row mapped once for its three branches");
        }
    }
}
