package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.Leads;
import dev.crmkit.core.merge.CompanyMergeOutcome;
import dev.crmkit.core.merge.CompanyMerging;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.merge.LeadMerging;
import dev.crmkit.core.merge.MergeId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An unmerge on one node while another node changes the survivor, over one database, in a fixed interleaving: the
 * unmerge reads the survivor (and finds it as the merge left it), then the other node's change commits, then the
 * unmerge writes. The change must not be lost: the unmerge's write of the survivor is refused as stale, its unit of
 * work runs again and is refused naming the change (or, on a store that locks the survivor, the change waits and comes
 * after the unmerge).
 */
class UnmergeRaceTest {

    private final List<DataSource> opened = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        opened.forEach(OutboxRelayTest::release);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void leadUnmerge_whileACaptureFoldsIntoTheSurvivor_losesNothingOfTheCapture(TestDatabase db) throws Exception {
        DataSource target = db.isolated();
        opened.add(target);
        JdbcCrmStore store0 = JdbcCrmStore.builder(target).build();
        Crm node0 = crm(store0);
        Crm node1 = crm(JdbcCrmStore.builder(target).build());
        Lead a = lead(node0.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Ann", "Doe")
                .email("ann.doe@example-shop.de").externalId("form-a").build()));
        Lead b = lead(node0.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Bea", "Roe")
                .email("bea.roe@example-shop.de").externalId("form-b").build()));
        MergeId merge = assertInstanceOf(LeadMergeOutcome.Merged.class, node0.leadMerging()
                .merge(List.of(a.id(), b.id()), Optional.of(a.id()))).merge().id();

        List<Object> captured = new CopyOnWriteArrayList<>();
        Race race = new Race(() -> captured.add(node1.capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Ann", "Doe").email("ann.doe@example-shop.de").externalId("form-a2").build())));
        Leads racing = race.after(Leads.class, store0.leads(), "findById", a.id());
        LeadMerging unmerging = new LeadMerging(racing, store0.leadMerges(), new Timeline(store0.activities(),
                context(store0)), context(store0));

        LeadMergeOutcome outcome = unmerging.unmerge(merge);
        race.finish();

        assertEquals(1, captured.size(), captured::toString);
        assertInstanceOf(CaptureOutcome.DuplicateFolded.class, captured.get(0), captured::toString);
        JdbcCrmStore reader = JdbcCrmStore.builder(target).build();
        Lead holder = reader.leads().findByExternalId("form-a2").orElseThrow(
                () -> new AssertionError("the capture's external id was lost: " + outcome.getClass().getSimpleName()));
        assertTrue(holder.externalIds().contains("form-a2"), holder::toString);
        int submissions = reader.leads().findById(a.id()).orElseThrow().submissions();
        if (outcome instanceof LeadMergeOutcome.Unmerged) {
            // only if the capture came after the unmerge: it folded into the restored lead
            submissions += reader.leads().findById(b.id()).orElseThrow().submissions();
        } else {
            assertTrue(assertInstanceOf(LeadMergeOutcome.Refused.class, outcome).reasons().stream()
                    .anyMatch(v -> v.message().contains("lead " + a.id() + " changed")), outcome::toString);
        }
        assertEquals(3, submissions, "the two captures merged and the racing one");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void companyUnmerge_whileAnotherNodeEditsTheSurvivor_losesNothingOfTheEdit(TestDatabase db) throws Exception {
        DataSource target = db.isolated();
        opened.add(target);
        JdbcCrmStore store0 = JdbcCrmStore.builder(target).build();
        JdbcCrmStore store1 = JdbcCrmStore.builder(target).build();
        Crm node0 = crm(store0);
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        Company a = store0.companies().insertOrGet(Company.create(new CompanyId(UUID.randomUUID()), "Acme", Optional
                .empty(), t));
        Company b = store0.companies().insertOrGet(Company.create(new CompanyId(UUID.randomUUID()), "ACME GmbH",
                Optional.empty(), t));
        MergeId merge = assertInstanceOf(CompanyMergeOutcome.Merged.class, node0.companyMerging()
                .merge(List.of(a.id(), b.id()), Optional.of(a.id()))).merge().id();

        Race race = new Race(() -> store1.transactions().inTransaction(() -> store1.companies().update(
                store1.companies().findById(a.id()).orElseThrow().withProfile("Retail", CompanySize.SMALL,
                        t.plusSeconds(60)))));
        Companies racing = race.after(Companies.class, store0.companies(), "findById", a.id());
        CompanyMerging unmerging = new CompanyMerging(racing, store0.companyMerges(), new Timeline(
                store0.activities(), context(store0)), context(store0));

        CompanyMergeOutcome outcome = unmerging.unmerge(merge);
        race.finish();

        Company survivor = JdbcCrmStore.builder(target).build().companies().findById(a.id()).orElseThrow();
        assertEquals("Retail", survivor.industry(), () -> "the edit was lost: " + outcome.getClass().getSimpleName());
        if (!(outcome instanceof CompanyMergeOutcome.Unmerged)) {
            assertTrue(assertInstanceOf(CompanyMergeOutcome.Refused.class, outcome).reasons().stream()
                    .anyMatch(v -> v.message().contains("company " + a.id() + " changed")), outcome::toString);
        }
    }

    /**
     * Runs another node's write once, on its own thread, right after the first read of a record through a port: the
     * reader's unit of work has read the record, and has not written it yet. If the write has to wait for the
     * reader's unit of work (a lock), the reader goes on and the write completes after it.
     */
    private static final class Race {

        private final Runnable write;
        private final AtomicBoolean armed = new AtomicBoolean(true);
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private Thread other;

        Race(Runnable write) {
            this.write = write;
        }

        /** The port, with the write run right after its method {@code method} first read {@code key}. */
        <T> T after(Class<T> port, T real, String method, Object key) {
            return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (p, m, args) -> {
                Object out;
                try {
                    out = m.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (m.getName().equals(method) && args != null && args.length == 1 && key.equals(args[0])
                        && armed.getAndSet(false)) {
                    other = new Thread(() -> {
                        try {
                            write.run();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    });
                    other.start();
                    other.join(5_000);
                }
                return out;
            }));
        }

        /** Waits for the write and fails if it failed or never ran. */
        void finish() throws InterruptedException {
            assertTrue(other != null, "the racing write never ran");
            other.join(30_000);
            assertEquals(List.of(), failures);
        }
    }

    private static Context context(JdbcCrmStore store) {
        return new Context(store.transactions(), store.events(e -> { }), EdgeValidation.plain(),
                Clock.fixed(Instant.parse("2026-01-06T10:00:00Z"), ZoneOffset.UTC), IdGenerator.random());
    }

    private static Lead lead(CaptureOutcome outcome) {
        return assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, outcome).capturedLead();
    }

    private static Crm crm(JdbcCrmStore store) {
        return Crm.builder().store(store).ids(IdGenerator.random()).defaultRegion("DE").build();
    }
}
