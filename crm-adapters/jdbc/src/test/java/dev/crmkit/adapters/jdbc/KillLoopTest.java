package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Backends killed in a loop ({@code pg_terminate_backend}, MariaDB {@code KILL}) while 4 threads capture people (each
 * twice, without an external id), open a deal per person and move it twice, every failed call retried with the same
 * idempotency key (issue 19, item 1). Some kills land during a commit, whose outcome is then unknown; the keyed retry
 * returns the first outcome. Afterwards: exactly one lead per person with 2 submissions, one deal per open, each move
 * once. The figures are printed for the record.
 */
class KillLoopTest {

    private static final int THREADS = 4;
    private static final int PEOPLE_PER_THREAD = 20;
    /** Kills the loop must see for the run to prove anything. */
    private static final int MIN_KILLS = 20;
    private static final int MAX_ATTEMPTS = 200;
    private static final Actor ANNA = Actor.of("anna", "sales");

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void killedBackends_keyedRetries_leaveOneLeadPerPerson_oneDealPerOpen_andEachMoveOnce(TestDatabase db)
            throws Exception {
        String database = db.migratedDatabase();
        DataSource node = Backends.connect(db, database, "kl_node", null);
        DataSource checker = Backends.connect(db, database, "kl_checker", null);
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(node).build();
            Crm crm = Crm.builder().store(store).clock(Fixtures.CLOCK).ids(IdGenerator.random()).defaultRegion("DE")
                    .build();
            DealPipeline deals = DealPipeline.builder().crm(crm).store(store).build();
            Pipeline b2b = deals.definePipeline(Presets.b2b());

            AtomicBoolean working = new AtomicBoolean(true);
            AtomicInteger kills = new AtomicInteger();
            Thread killer = new Thread(() -> {
                Random random = new Random(19);
                try {
                    while (working.get()) {
                        Thread.sleep(15 + random.nextInt(40));
                        if (Backends.killNode(db, database, "kl_node") > 0) {
                            kills.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kill-loop");
            killer.start();
            AtomicInteger rejectedMoves = new AtomicInteger();
            int rounds = 0;
            try {
                // rounds of new people until the killer has struck often enough: a fast machine finishes one round
                // between a few kills, a loaded one needs one round (bounded: 25 rounds at most)
                while (rounds == 0 || (kills.get() < MIN_KILLS && rounds < 25)) {
                    int round = rounds++;
                    Nodes.runOnEveryThread(1, THREADS, (n, thread) -> {
                        for (int i = 0; i < PEOPLE_PER_THREAD; i++) {
                            String p = round + "-" + thread + "-" + i;
                            retry(() -> crm.capture().capture(person(p, "first request"), key("capture-1-" + p)));
                            retry(() -> crm.capture().capture(person(p, "second request"), key("capture-2-" + p)));
                            Deal deal = retry(() -> deals.open(OpenDeal.of(b2b.id(), "Deal " + p,
                                    Money.of("1000.00", "EUR"), ANNA), key("open-" + p)));
                            for (String stage : new String[]{"Solution search", "Options evaluated"}) {
                                StageChange change = retry(() -> deals.move(MoveDeal.to(deal.id(), stage, ANNA),
                                        key("move-" + stage + "-" + p)));
                                if (!(change instanceof StageChange.StageChanged)) {
                                    rejectedMoves.incrementAndGet();
                                }
                            }
                        }
                    });
                }
            } finally {
                working.set(false);
                killer.join();
            }

            int people = rounds * THREADS * PEOPLE_PER_THREAD;
            long leads = count(checker, "SELECT COUNT(*) FROM crm_lead");
            long leadPeople = count(checker, "SELECT COUNT(DISTINCT email) FROM crm_lead");
            long wrongSubmissions = count(checker, "SELECT COUNT(*) FROM crm_lead WHERE submissions <> 2");
            long dealCount = count(checker, "SELECT COUNT(*) FROM crm_deal");
            long notMovedTwice = count(checker, "SELECT COUNT(*) FROM crm_deal WHERE stage <> 'Options evaluated'");
            long moves = count(checker, "SELECT COUNT(*) FROM crm_stage_history WHERE from_stage IS NOT NULL");
            long duplicates = (leads - people) + (dealCount - people);
            long phantoms = count(checker, "SELECT COUNT(*) FROM crm_lead WHERE submissions > 2")
                    + Math.max(0, moves - 2L * people);
            System.out.printf("KillLoopTest %s: %d calls, %d failed attempts retried (%d with the commit's outcome "
                            + "unknown), %d kills; %d leads for %d people, %d deals, %d moves; duplicates %d, "
                            + "phantom repeats %d%n", db, calls.get(), failures.get(), unknown.get(), kills.get(),
                    leads, people, dealCount, moves, duplicates, phantoms);

            assertTrue(kills.get() >= MIN_KILLS, "the loop killed backends often: " + kills.get());
            assertTrue(failures.get() > 0, "some calls failed and were retried");
            assertEquals(people, leads, "one lead per person");
            assertEquals(people, leadPeople);
            assertEquals(0, wrongSubmissions, "every lead has exactly its 2 submissions: no phantom repeat");
            assertEquals(people, dealCount, "one deal per open");
            assertEquals(0, notMovedTwice);
            assertEquals(2L * people, moves, "each move once");
            assertEquals(0, rejectedMoves.get(), "a retried move returns its first outcome, never a refusal");
        } finally {
            TestDatabase.close(node, checker);
        }
    }

    /** Calls until the call returns, as a caller who retries every failure with the same key would. */
    private <T> T retry(Supplier<T> call) throws InterruptedException {
        calls.incrementAndGet();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                if (e instanceof CommitOutcomeUnknownException) {
                    unknown.incrementAndGet();
                }
                if (attempt == MAX_ATTEMPTS) {
                    fail("a call failed " + MAX_ATTEMPTS + " times", e);
                }
                Thread.sleep(2);
            }
        }
    }

    private static IdempotencyKey key(String value) {
        return IdempotencyKey.of(value);
    }

    private static LeadSubmission person(String p, String request) {
        return LeadSubmission.from(Channel.WEB_FORM).name("Person", "Number " + p)
                .email("person-" + p + "@example.com").request(request).build();
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
