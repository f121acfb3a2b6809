package dev.crmkit.adapters.memory;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contract.TestClock;
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
import dev.crmkit.pipeline.definition.Rules;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bytes allocated on the moving thread per move of a deal in hand in memory (issue 17), counted by the JVM
 * ({@code com.sun.management.ThreadMXBean}), not timed: each move checks the owner's rule and writes the deal, its
 * stage history entry and its timeline entry. Counted in a JVM of its own that only interprets ({@code -Xint}), so
 * every object a move makes is counted whatever the JIT would have removed, and the count is the same on every run
 * (compiled, it moved by 100-400 bytes with what ran before in the JVM). The bound pins what t23-memmove took out of
 * every move: the command at the held version and its {@code OptionalLong}, a lambda for a missing pipeline, the
 * time's own string in the entry's body, the roles walked for an owner, the unit of work's lists of ten places, and
 * the history entry's order time (2,229 bytes a move before, 1,973 after on JDK 17.0.15). The bound leaves ~6% for
 * another JDK's library classes (a string or a list of another size), so it fails when most of that work comes back,
 * not on a JDK update.
 */
class MoveAllocationTest {

    private static final Actor OWNER = Actor.of("anna", "sales");
    private static final int DEALS = 50;
    private static final long BOUND = 2_100;

    @Test
    void moveOfDealInHand_allocatesAtMostTheBound() throws Exception {
        long perMove = InterpretedProbe.run(Probe.class);
        assertTrue(perMove <= BOUND, "bytes allocated per move of a deal in hand: " + perMove + ", bound " + BOUND);
    }

    /** Prints the bytes allocated per move of a deal in hand, after as many moves untimed. */
    static final class Probe {
        public static void main(String[] args) {
            InMemoryCrmStore store = InMemoryCrmStore.create();
            Crm crm = Crm.builder().store(store).clock(TestClock.at("2026-12-07T10:00:00Z"))
                    .ids(IdGenerator.seeded(1)).defaultRegion("DE").build();
            DealPipeline pipelines = DealPipeline.builder().crm(crm).store(store).ids(IdGenerator.seeded(2)).build();
            Pipeline pipeline = pipelines.definePipeline(PipelineDefinition.builder("Two steps")
                    .stage("One", s -> s.probability(10).rule(Rules.allowedMovers(Set.of("manager"), true)))
                    .stage("Two", s -> s.probability(40).rule(Rules.allowedMovers(Set.of("manager"), true)))
                    .won("Won").lost("Lost").build());
            List<Deal> held = new ArrayList<>();
            for (int i = 0; i < DEALS; i++) {
                held.add(pipelines.open(OpenDeal.of(pipeline.id(), "Deal " + i, Money.of("100.00", "EUR"), OWNER)));
            }
            moveBackAndForth(pipelines, held, 10); // every class loaded and every table grown before the count
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(thread);
            int moves = moveBackAndForth(pipelines, held, 10);
            System.out.println((threads.getThreadAllocatedBytes(thread) - before) / moves);
        }
    }

    /** Moves every deal to the other open stage, {@code times} times over; how many moves. */
    private static int moveBackAndForth(DealPipeline pipelines, List<Deal> held, int times) {
        int moves = 0;
        for (int t = 0; t < times; t++) {
            for (int i = 0; i < held.size(); i++) {
                Deal deal = held.get(i);
                String target = deal.stage().equals("One") ? "Two" : "One";
                StageChange change = pipelines.move(deal, MoveDeal.to(deal.id(), target, OWNER));
                if (!(change instanceof StageChange.StageChanged moved)) {
                    throw new IllegalStateException("a move the test expects to pass was refused: " + change);
                }
                held.set(i, moved.deal());
                moves++;
            }
        }
        return moves;
    }
}
