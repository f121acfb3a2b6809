package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The JDBC store caches pipeline revisions by id and version, and a move takes its pipeline's current version with
 * the deal: a revision another node publishes is used by this node's next move, never the cached older one.
 */
class PipelineRevisionCacheTest {

    private static final Actor ANNA = Actor.of("anna", "sales");

    private DataSource[] nodes = new DataSource[0];

    @AfterEach
    void close() {
        TestDatabase.close(nodes);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aRevisionPublishedByAnotherNode_isUsedByThisNodesNextMove(TestDatabase db) {
        nodes = db.nodes(2);
        JdbcCrmStore firstNode = JdbcCrmStore.builder(nodes[0]).build();
        JdbcCrmStore secondNode = JdbcCrmStore.builder(nodes[1]).build();
        DealPipeline first = DealPipeline.builder().crm(Crm.builder().store(firstNode).clock(Fixtures.CLOCK)
                .ids(IdGenerator.seeded(1)).defaultRegion("DE").build()).store(firstNode).build();
        DealPipeline second = DealPipeline.builder().crm(Crm.builder().store(secondNode).clock(Fixtures.CLOCK)
                .ids(IdGenerator.seeded(2)).defaultRegion("DE").build()).store(secondNode).build();
        Pipeline v1 = first.definePipeline(definition(false));
        Deal deal = first.open(OpenDeal.of(v1.id(), "Deal", Money.of("1000.00", "EUR"), ANNA));
        // the first node moves once: revision 1 is in its cache from now on
        assertInstanceOf(StageChange.StageChanged.class, first.move(MoveDeal.to(deal.id(), "Qualified", ANNA)));
        assertEquals(1, first.pipeline(v1.id()).orElseThrow().version());

        Pipeline v2 = second.revisePipeline(v1.id(), v1.version(), definition(true), Map.of(), ANNA);

        // with revision 1 from the cache there is no stage "Demo" and the move would be refused
        StageChange change = first.move(MoveDeal.to(deal.id(), "Demo", ANNA));
        assertInstanceOf(StageChange.StageChanged.class, change, change.toString());
        assertEquals("Demo", first.deal(deal.id()).orElseThrow().stage());
        assertEquals(2, v2.version());
        assertEquals(2, first.pipeline(v1.id()).orElseThrow().version());
        assertEquals(java.util.List.of("New", "Qualified", "Demo"),
                first.history(deal.id()).stream().map(e -> e.to()).toList());
    }

    /** New, Qualified, (Demo,) Won, Lost: revision 2 adds Demo after Qualified. */
    private static PipelineDefinition definition(boolean withDemo) {
        var builder = PipelineDefinition.builder("Cached").skippingAllowed(true)
                .stage("New", s -> s.probability(10))
                .stage("Qualified", s -> s.probability(30));
        if (withDemo) {
            builder.stage("Demo", s -> s.probability(50));
        }
        return builder.won("Won").lost("Lost").build();
    }
}
