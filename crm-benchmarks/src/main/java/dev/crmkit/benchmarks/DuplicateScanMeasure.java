package dev.crmkit.benchmarks;

import dev.crmkit.core.duplicate.DuplicateRecord;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.duplicate.ScanResult;
import dev.crmkit.core.duplicate.sample.LabelledPeople;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * Records per second and heap of one duplicate scan per size given (default 10,000, 100,000 and 1,000,000 contacts):
 * {@code java -Xmx8g -cp crm-benchmarks/target/benchmarks.jar dev.crmkit.benchmarks.DuplicateScanMeasure 10000}.
 * The heap figures are the peak of the heap pools during the scan, and what stays in use after a GC with the
 * records and the result still held.
 */
public final class DuplicateScanMeasure {

    private DuplicateScanMeasure() {
    }

    /** About {@code count} generated contact records (people with one to four records each), seeded. */
    static List<DuplicateRecord> contacts(int count, long seed) {
        List<DuplicateRecord> records = LabelledPeople.records((int) Math.ceil(count / 1.7) + 10, seed);
        return List.copyOf(records.subList(0, Math.min(count, records.size())));
    }

    /**
     * Runs the measurement.
     *
     * @param args the sizes, in contact records
     */
    public static void main(String[] args) {
        String[] sizes = args.length == 0 ? new String[] {"10000", "100000", "1000000"} : args;
        for (String size : sizes) {
            int count = Integer.parseInt(size);
            List<DuplicateRecord> records = contacts(count, 42);
            System.gc();
            long before = used();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            ScanResult result = DuplicateScan.withDefaults().scan(records);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            long after = used();
            System.out.printf(Locale.ROOT, "%,d records: %.1f s, %,.0f records/s, %,d candidate pairs, %,d pairs, "
                            + "%,d clusters; heap: records %,d MB, peak during scan %,d MB, held after %,d MB%n",
                    records.size(), seconds, records.size() / seconds, result.candidatePairs(),
                    result.pairs().size(), result.clusters().size(), before >> 20, peak >> 20, after >> 20);
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
