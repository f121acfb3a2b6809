package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.ScopedCrm;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Guarded;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.RoleId;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.User;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ScopedCrm.change} decides and changes under the record's lock: on one node anna edits her lead through her
 * view; on another node, after her view has decided and before her change is made (the change itself is the hook
 * that lets the other node run), the lead is reassigned to bob. The reassignment cannot commit in between (it waits
 * for anna's unit of work, and then finds the lead changed under it), so anna never edits a lead that is bob's by
 * then. Without the lock the reassignment commits in between and anna's edit lands on bob's lead.
 */
class ScopedChangeLockTest {

    /** How long anna's change gives the other node to reassign the lead: without the lock it takes milliseconds. */
    private static final long WINDOW_MILLIS = 1_500;

    private DataSource[] nodes = new DataSource[0];
    private final ExecutorService otherNode = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        otherNode.shutdownNow();
        TestDatabase.close(nodes);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void reassignmentBetweenDecisionAndChange_cannotCommit_beforeTheChangeEnds(TestDatabase db) throws Exception {
        nodes = db.nodes(2);
        JdbcCrmStore annasNode = JdbcCrmStore.builder(nodes[0]).build();
        JdbcCrmStore secondNode = JdbcCrmStore.builder(nodes[1]).build();
        Crm crm = Crm.builder().store(annasNode).clock(Fixtures.CLOCK).ids(IdGenerator.seeded(1)).defaultRegion("DE")
                .build();
        Crm other = Crm.builder().store(secondNode).clock(Fixtures.CLOCK).ids(IdGenerator.seeded(2))
                .defaultRegion("DE").build();
        annasNode.transactions().run(() -> {
            annasNode.accessDirectory().save(Role.builder("rep", "Rep")
                    .scope(RecordType.LEAD, Scope.OWN, Permission.VIEW, Permission.EDIT).build());
            annasNode.accessDirectory().save(new User(UserId.of("anna"), "Anna", Optional.empty(), Optional.empty(),
                    RoleId.of("rep")));
            annasNode.accessDirectory().save(new User(UserId.of("bob"), "Bob", Optional.empty(), Optional.empty(),
                    RoleId.of("rep")));
        });
        Lead lead = annasNode.leads().insertOrGet(new Fixtures(4).lead().owner(UserId.of("anna")).build());
        RecordRef ref = new RecordRef(RecordType.LEAD, lead.id().value());
        ScopedCrm anna = crm.as(Actor.user("anna"));
        AtomicReference<Future<Lead>> reassignment = new AtomicReference<>();
        AtomicBoolean reassignedMeanwhile = new AtomicBoolean();

        Guarded<Lead> edit = anna.change(Permission.EDIT, ref, () -> {
            Future<Lead> toBob = otherNode.submit(() -> other.leads().assign(lead.id(), Optional.of(UserId.of("bob"))));
            reassignment.set(toBob);
            reassignedMeanwhile.set(committedInTheWindow(toBob));
            Lead current = annasNode.leads().findById(lead.id()).orElseThrow();
            return annasNode.leads().update(current.withCustomFields(current.customFields().with("note",
                    new FieldValue.Text("anna's note")), Fixtures.at(10)));
        });

        assertFalse(reassignedMeanwhile.get(), "the reassignment committed between anna's decision and her change");
        assertTrue(edit.allowed(), edit.toString());
        Optional<Lead> reassigned = Optional.empty();
        try {
            reassigned = Optional.of(reassignment.get().get(30, TimeUnit.SECONDS));
        } catch (ExecutionException afterwards) {
            assertInstanceOf(ConflictException.class, afterwards.getCause(), "it found the lead changed under it");
        }
        Lead stored = annasNode.leads().findById(lead.id()).orElseThrow();
        assertEquals(Optional.of(new FieldValue.Text("anna's note")), stored.customFields().get("note"));
        assertEquals(reassigned.map(Lead::owner).orElse(Optional.of(UserId.of("anna"))), stored.owner());
    }

    /** The same for a deal changed through {@code DealPipeline.as(anna)}: the deal row is locked before deciding. */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void dealReassignmentBetweenDecisionAndChange_cannotCommit_beforeTheChangeEnds(TestDatabase db) throws Exception {
        nodes = db.nodes(2);
        JdbcCrmStore annasNode = JdbcCrmStore.builder(nodes[0]).build();
        JdbcCrmStore secondNode = JdbcCrmStore.builder(nodes[1]).build();
        Crm crm = Crm.builder().store(annasNode).clock(Fixtures.CLOCK).ids(IdGenerator.seeded(1)).defaultRegion("DE")
                .build();
        DealPipeline pipelines = DealPipeline.builder().crm(crm).store(annasNode).build();
        annasNode.transactions().run(() -> {
            annasNode.accessDirectory().save(Role.builder("rep", "Rep")
                    .scope(RecordType.DEAL, Scope.OWN, Permission.VIEW, Permission.EDIT).build());
            annasNode.accessDirectory().save(new User(UserId.of("anna"), "Anna", Optional.empty(), Optional.empty(),
                    RoleId.of("rep")));
            annasNode.accessDirectory().save(new User(UserId.of("bob"), "Bob", Optional.empty(), Optional.empty(),
                    RoleId.of("rep")));
        });
        Pipeline pipeline = pipelines.definePipeline(PipelineDefinition.builder("Direct")
                .stage("New", s -> s.probability(10)).won("Won").lost("Lost").build());
        Deal deal = pipelines.open(OpenDeal.of(pipeline.id(), "Deal of anna", Money.of("100.00", "EUR"),
                dev.crmkit.pipeline.definition.Actor.of("anna")));
        AtomicReference<Future<Deal>> reassignment = new AtomicReference<>();
        AtomicBoolean reassignedMeanwhile = new AtomicBoolean();

        Guarded<Deal> edit = pipelines.as(Actor.user("anna")).change(Permission.EDIT, deal.id(), () -> {
            Future<Deal> toBob = otherNode.submit(() -> secondNode.transactions().inTransaction(() -> {
                Deal d = secondNode.deals().findById(deal.id()).orElseThrow();
                return secondNode.deals().update(d.withParties(Optional.of(UserId.of("bob")), d.contactId(),
                        d.companyId(), d.leadId(), d.source(), Fixtures.at(5)));
            }));
            reassignment.set(toBob);
            reassignedMeanwhile.set(committedInTheWindow(toBob));
            return pipelines.changeTerms(deal.id(), Optional.of(Money.of("200.00", "EUR")), Optional.empty(),
                    Optional.empty());
        });

        assertFalse(reassignedMeanwhile.get(), "the reassignment committed between anna's decision and her change");
        assertTrue(edit.allowed(), edit.toString());
        Optional<Deal> reassigned = Optional.empty();
        try {
            reassigned = Optional.of(reassignment.get().get(30, TimeUnit.SECONDS));
        } catch (ExecutionException afterwards) {
            assertInstanceOf(ConflictException.class, afterwards.getCause(), "it found the deal changed under it");
        }
        Deal stored = annasNode.deals().findById(deal.id()).orElseThrow();
        assertEquals(Optional.of(Money.of("200.00", "EUR")), stored.amount());
        assertEquals(reassigned.map(Deal::owner).orElse(Optional.of(UserId.of("anna"))), stored.owner());
    }

    /**
     * Whether the other node's reassignment committed within {@link #WINDOW_MILLIS} while the change runs: it must
     * not (it waits for the row lock, or is refused).
     */
    private static boolean committedInTheWindow(Future<?> reassignment) {
        try {
            reassignment.get(WINDOW_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException waitingOrRefused) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
