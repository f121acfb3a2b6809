package dev.crmkit.benchmarks;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.cli.CrmSetup;
import dev.crmkit.examples.cli.bench.PipelineBenchmark;
import dev.crmkit.pipeline.deal.Deal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stage moves in memory, next to their baseline: deals of a pipeline whose every stage has five entry rules
 * ({@link PipelineBenchmark#rules()}: required fields, an approved offer, a positive amount, allowed movers, no
 * skipping), opened with everything the rules need, moved forward stage by stage to won through
 * {@code DealPipeline.move}; and the same deals' stage field changed as often by the store's {@code Deals.update}
 * port without rules, history, timeline or events. Both report stage changes per second (the figure); their
 * ratio is the cost of everything a move adds.
 *
 * <p>Each side runs in three forked JVMs (five warm-up and five measured one-second iterations each), because a single
 * JVM settles the baseline's plain updates at its own speed (the ninth stop's {@code bench pipeline --rounds}: 0.17 to
 * 0.37 s for 120,000 in four JVMs): the score is then over fifteen iterations of three JVMs, with its error. Add
 * {@code -prof gc} for the bytes allocated per move ({@code gc.alloc.rate.norm}), a count the machine's load does not
 * move.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgs = {"-Xmx2g"})
public class PipelineMoveBenchmark {

    /** Deals per invocation: each invocation moves them all from the first stage to won in a fresh store. */
    static final int DEALS = 1_000;

    /** Stage changes per invocation. */
    static final int MOVES = DEALS * 6;

    private PipelineBenchmark.Prepared prepared;

    /** A fresh store with the deals opened in the first stage for every invocation: each move is made anew. */
    @Setup(Level.Invocation)
    public void openDeals() {
        if (PipelineBenchmark.TARGETS.size() * DEALS != MOVES) {
            throw new IllegalStateException("the pipeline has " + PipelineBenchmark.TARGETS.size()
                    + " moves per deal, not 6");
        }
        IdGenerator ids = IdGenerator.seeded(7);
        InMemoryCrmStore store = InMemoryCrmStore.create();
        prepared = PipelineBenchmark.prepare(CrmSetup.on(store, "DE",
                Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC), ids), store, ids, DEALS, 42);
    }

    /** Every deal moved to won through the five rules of each stage, one unit of work per move. */
    @Benchmark
    @OperationsPerInvocation(MOVES)
    public List<?> moveWithFiveRules() {
        return PipelineBenchmark.moveAll(prepared);
    }

    /** The same number of stage changes of the same deals straight on the port, without rules. */
    @Benchmark
    @OperationsPerInvocation(MOVES)
    public List<?> portUpdateWithoutRules() {
        List<Deal> current = new ArrayList<>(prepared.deals());
        PipelineBenchmark.updateStages(prepared.store().deals(), current);
        return current;
    }
}
