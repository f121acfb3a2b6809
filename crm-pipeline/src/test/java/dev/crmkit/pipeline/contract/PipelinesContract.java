package dev.crmkit.pipeline.contract;

import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Pipelines;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract every {@link Pipelines} store passes: names are unique ignoring case, versions are optimistic, every
 * revision stays readable, definitions with every built-in rule and action read back exactly, lists page in
 * creation order. Extend it with a class that returns a fresh, empty store.
 */
public abstract class PipelinesContract {

    /** A fresh, empty store; called before every test. */
    protected abstract Stores newStore();

    private Pipelines pipelines;
    private Transactions tx;
    private PipelineFixtures fx;

    @BeforeEach
    void createStore() {
        Stores stores = newStore();
        pipelines = stores.pipeline().pipelines();
        tx = stores.pipeline().transactions();
        fx = new PipelineFixtures();
    }

    @Test
    void insert_everyBuiltInRuleAndAction_readsBackExactlyAtVersion1() {
        Pipeline candidate = fx.pipeline("Sales 😀 'EU'", at(0));

        Pipeline stored = pipelines.insert(candidate);

        assertEquals(candidate.atVersion(1), stored);
        assertEquals(Optional.of(stored), pipelines.findById(candidate.id()));
        assertEquals(Optional.of(stored), pipelines.findRevision(candidate.id(), 1));
    }

    @Test
    void setDefault_isRememberedAndReplaced_anUnknownOneChangesNothing() {
        Pipeline first = pipelines.insert(fx.pipeline("First", at(0)));
        Pipeline second = pipelines.insert(fx.pipeline("Second", at(0)));
        assertEquals(Optional.empty(), pipelines.findDefault(), "none until a host chooses");

        pipelines.setDefault(second.id());
        assertEquals(Optional.of(second.id()), pipelines.findDefault());
        pipelines.setDefault(first.id());
        assertEquals(Optional.of(first.id()), pipelines.findDefault());

        assertThrows(NoSuchElementException.class, () -> pipelines.setDefault(new PipelineId(fx.core().nextId())));
        assertEquals(Optional.of(first.id()), pipelines.findDefault());
    }

    @Test
    void setDefault_inAUnitOfWorkThatFails_isRolledBack() {
        Pipeline first = pipelines.insert(fx.pipeline("First", at(0)));
        Pipeline second = pipelines.insert(fx.pipeline("Second", at(0)));
        pipelines.setDefault(first.id());

        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            pipelines.setDefault(second.id());
            throw new IllegalStateException("boom");
        }));

        assertEquals(Optional.of(first.id()), pipelines.findDefault());
    }

    @Test
    void findByName_ignoresCaseAndSurroundingSpace() {
        Pipeline stored = pipelines.insert(fx.pipeline("Enterprise Sales", at(0)));

        assertEquals(Optional.of(stored), pipelines.findByName("  enterprise SALES "));
        assertEquals(Optional.empty(), pipelines.findByName("Enterprise"));
    }

    @Test
    void insert_nameTaken_isRefusedAsUnique() {
        pipelines.insert(fx.pipeline("Sales", at(0)));
        Pipeline twin = fx.pipeline("SALES", at(1));

        ValidationException e = assertThrows(ValidationException.class, () -> pipelines.insert(twin));

        Fixtures.assertRule(e, "unique");
        assertEquals(Optional.empty(), pipelines.findById(twin.id()));
    }

    @Test
    void insert_versionNotZero_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> pipelines.insert(fx.pipeline("X", at(0)).atVersion(2)));
    }

    @Test
    void update_currentVersion_storesANewRevisionAndKeepsTheOldOne() {
        Pipeline first = pipelines.insert(fx.pipeline("Sales", at(0)));

        Pipeline second = pipelines.update(first.revisedTo(Presets.classicLead(), at(60)));

        assertEquals(2, second.version());
        assertEquals(Presets.classicLead(), second.definition());
        assertEquals(Optional.of(second), pipelines.findById(first.id()));
        assertEquals(Optional.of(first), pipelines.findRevision(first.id(), 1));
        assertEquals(Optional.of(second), pipelines.findRevision(first.id(), 2));
        assertEquals(Optional.empty(), pipelines.findRevision(first.id(), 3));
        assertEquals(Optional.of(second), pipelines.findByName("Lead pipeline"));
        assertEquals(Optional.empty(), pipelines.findByName("Sales"));
    }

    @Test
    void update_staleVersion_throwsAndChangesNothing() {
        Pipeline first = pipelines.insert(fx.pipeline("Sales", at(0)));
        Pipeline second = pipelines.update(first.revisedTo(Presets.b2c(), at(1)));

        assertThrows(StaleVersionException.class, () -> pipelines.update(first.revisedTo(Presets.b2b(), at(2))));

        assertEquals(Optional.of(second), pipelines.findById(first.id()));
        assertEquals(Optional.empty(), pipelines.findRevision(first.id(), 3));
    }

    @Test
    void update_nameOfAnother_isRefusedAsUnique() {
        pipelines.insert(fx.pipeline("B2B", at(0)));
        Pipeline other = pipelines.insert(fx.pipeline("Other", at(1)));

        ValidationException e = assertThrows(ValidationException.class,
                () -> pipelines.update(other.revisedTo(Presets.b2b(), at(2))));

        Fixtures.assertRule(e, "unique");
        assertEquals(Optional.of(other), pipelines.findById(other.id()));
    }

    @Test
    void update_unknownPipeline_throwsNoSuchElement() {
        assertThrows(NoSuchElementException.class, () -> pipelines.update(fx.pipeline("X", at(0)).atVersion(1)));
    }

    @Test
    void findAll_sameCreationTime_listsInDefinitionOrderNotIdOrder() {
        List<Pipeline> stored = new ArrayList<>();
        int i = 0;
        for (UUID id : fx.core().idsDescending(5)) {
            Pipeline p = fx.pipeline("Same time " + i++, at(5));
            stored.add(pipelines.insert(new Pipeline(new PipelineId(id), 0, p.definition(), p.createdAt(),
                    p.updatedAt())));
        }

        assertEquals(stored, Fixtures.readAll(pipelines::findAll, 2));
    }

    @Test
    void findAll_pagesInCreationOrderThenInsertionOrder() {
        List<Pipeline> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(pipelines.insert(fx.pipeline("P" + i, at(i % 3))));
        }
        expected.sort(Fixtures.byTime(Pipeline::createdAt));

        for (int size : Fixtures.pageSizes(expected.size())) {
            assertEquals(expected, Fixtures.readAll(pipelines::findAll, size), "page size " + size);
        }
    }

    @Test
    void insertAndUpdate_inRolledBackUnitOfWork_leaveNothing() {
        Pipeline kept = pipelines.insert(fx.pipeline("Kept", at(0)));
        Pipeline dropped = fx.pipeline("Dropped", at(1));

        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            pipelines.insert(dropped);
            pipelines.update(kept.revisedTo(Presets.b2c(), at(2)));
            throw new IllegalStateException("boom");
        }));

        assertEquals(Optional.empty(), pipelines.findById(dropped.id()));
        assertEquals(Optional.empty(), pipelines.findByName("Dropped"));
        assertEquals(Optional.of(kept), pipelines.findById(kept.id()));
        assertEquals(Optional.empty(), pipelines.findRevision(kept.id(), 2));
        assertEquals(Optional.empty(), pipelines.findById(new PipelineId(fx.nextId())));
    }
}
