package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.cli.CrmSetup;
import dev.crmkit.examples.cli.bench.CaptureBenchmark;
import dev.crmkit.examples.cli.bench.SubmissionGenerator;
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
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lead capture into the in-memory store, next to its baseline: the same submissions (30% repeats of earlier people in
 * other spellings, 1% bad), once only normalized into a {@link java.util.HashMap}, once fully captured into a fresh
 * store. Both report microseconds per submission; their ratio is the cost of everything capture adds (validation,
 * de-duplication, contacts, companies, timeline, follow-up tasks, indexes, units of work).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class LeadCaptureBenchmark {

    /** Submissions per invocation: each invocation captures them all into a fresh store. */
    static final int BATCH = 50_000;

    private List<LeadSubmission> submissions;
    private Crm crm;

    /** Generates the submissions once, from a fixed seed. */
    @Setup(Level.Trial)
    public void generate() {
        SubmissionGenerator generator = new SubmissionGenerator(42, 0.3, 0.01);
        submissions = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            submissions.add(generator.next());
        }
    }

    /** A fresh, empty store for every invocation, so each one captures the same people anew. */
    @Setup(Level.Invocation)
    public void freshStore() {
        crm = CrmSetup.inMemory("DE", Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC),
                IdGenerator.seeded(7));
    }

    /** The unavoidable work alone: normalize e-mail and phone, put them into a HashMap. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int baselineNormalizeIntoHashMap() {
        return CaptureBenchmark.baselinePass(submissions, "DE");
    }

    /** Full capture of every submission into the in-memory store. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void captureIntoInMemoryStore(Blackhole sink) {
        for (LeadSubmission s : submissions) {
            sink.consume(crm.capture().capture(s));
        }
    }
}
