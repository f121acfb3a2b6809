package dev.crmkit.benchmarks;

import dev.crmkit.core.duplicate.DuplicateRecord;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.duplicate.ScanResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A whole duplicate scan (prepare, block, estimate the model by EM, score, cluster) of generated contacts with
 * realistic corruption, at several sizes; seconds per scan, so records per second is {@code contacts / score}.
 * For the heap used and the 1,000,000 size run {@link DuplicateScanMeasure}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DuplicateScanBenchmark {

    /** The number of contact records scanned. */
    @Param({"10000", "100000", "1000000"})
    public int contacts;

    private List<DuplicateRecord> records;

    /** Generates the contacts once, from a fixed seed. */
    @Setup(Level.Trial)
    public void generate() {
        records = DuplicateScanMeasure.contacts(contacts, 42);
    }

    /** One scan at the default threshold. */
    @Benchmark
    public ScanResult scan() {
        return DuplicateScan.withDefaults().scan(records);
    }
}
