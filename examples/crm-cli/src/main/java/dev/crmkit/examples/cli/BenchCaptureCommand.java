package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.cli.bench.BenchResult;
import dev.crmkit.examples.cli.bench.CaptureBenchmark;
import dev.crmkit.examples.cli.leadimport.OutcomeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm bench capture}: lead capture throughput against its unavoidable work, and heap per contact. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Capture generated leads into an in-memory store, single-threaded, and compare with the "
                + "baseline: normalizing their e-mails and phones into a HashMap. Then measure the heap per stored "
                + "contact, alone and with everything capture stores.",
                "The default million leads may need JAVA_OPTS=-Xmx8g."})
final class BenchCaptureCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--leads", paramLabel = "N", defaultValue = "1000000",
            description = "How many submissions (default: ${DEFAULT-VALUE}).")
    private int leads;

    @Mixin
    private GeneratedLeadsOptions generated;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Submissions in the warm-up passes (default: a fifth of --leads, at most 50,000).")
    private Integer warmup;

    @Mixin
    private BenchFormat format = new BenchFormat();

    @Override
    public Integer call() {
        CaptureBenchmark.Settings settings = settings();
        CaptureBenchmark benchmark = new CaptureBenchmark(settings,
                () -> CrmSetup.inMemory(settings.region(), Clock.systemUTC(), IdGenerator.seeded(generated.seed())),
                BenchCommand.progress(spec));
        BenchResult result;
        try {
            result = benchmark.run();
        } catch (OutOfMemoryError e) {
            benchmark = null;
            return BenchCommand.outOfMemory(spec, leads, "leads", "--leads");
        }
        format.print(spec, () -> json(result), out -> print(out, result));
        return 0;
    }

    private CaptureBenchmark.Settings settings() {
        generated.check(leads);
        int warm = generated.warmup(warmup,
                Math.min(leads, Math.max(Math.min(leads, 1_000), Math.min(leads / 5, 50_000))), leads);
        return new CaptureBenchmark.Settings(leads, generated.duplicateShare(), generated.invalidShare(),
                generated.seed(), warm, "DE");
    }

    private static void print(PrintWriter out, BenchResult r) {
        BenchResult.Throughput t = r.throughput();
        out.printf("Lead capture, %s submissions (%.0f%% repeats, %.1f%% bad), seed %d, one thread%n",
                Reports.count(r.settings().leads()), r.settings().duplicateShare() * 100,
                r.settings().invalidShare() * 100, r.settings().seed());
        out.printf("generated in %.1f s; warm-up on %s submissions%n%n", t.generationNanos() / 1e9,
                Reports.count(r.settings().warmup()));
        out.printf("%-40s %14s %10s%n", "", "submissions/s", "time");
        out.printf("%-40s %14s %8.2f s%n", "baseline (normalize e-mail+phone, HashMap)",
                Reports.count(Math.round(r.baselinePerSecond())), t.baselineNanos() / 1e9);
        out.printf("%-40s %14s %8.2f s%n", "full capture (in-memory store)",
                Reports.count(Math.round(r.capturePerSecond())), t.captureNanos() / 1e9);
        out.printf("%-40s %14s%n%n", "ratio (baseline / capture)", String.format(Locale.ROOT, "%.2f x", r.ratio()));
        out.println("Outcomes");
        for (Map.Entry<OutcomeKind, Long> e : t.outcomes().entrySet()) {
            out.printf("  %-26s %12s%n", e.getKey().label(), Reports.count(e.getValue()));
        }
        out.println();
        out.printf("%-40s %14s%n", "Heap after GC", "bytes/contact");
        out.printf("%-40s %14s%n", "contacts only (" + Reports.count(r.contactsOnly().contacts()) + ")",
                Reports.count(r.contactsOnly().bytesPerContact()));
        out.printf("%-40s %14s%n", "full capture, per person (" + Reports.count(r.fullCapture().contacts()) + ")",
                Reports.count(r.fullCapture().bytesPerContact()));
        out.printf("%-40s %14s%n", "raw strings: names, e-mail, phone (UTF-16)",
                Reports.count(r.contactsOnly().rawTextBytesPerContact()));
        out.flush();
    }

    private static Map<String, Object> json(BenchResult r) {
        BenchResult.Throughput t = r.throughput();
        Map<String, Object> outcomes = new LinkedHashMap<>();
        t.outcomes().forEach((kind, n) -> outcomes.put(kind.jsonName(), n));
        return JsonOutput.object(
                "leads", r.settings().leads(),
                "duplicateShare", r.settings().duplicateShare(),
                "invalidShare", r.settings().invalidShare(),
                "seed", r.settings().seed(),
                "warmup", r.settings().warmup(),
                "generationSeconds", t.generationNanos() / 1e9,
                "baselineSeconds", t.baselineNanos() / 1e9,
                "captureSeconds", t.captureNanos() / 1e9,
                "baselinePerSecond", Math.round(r.baselinePerSecond()),
                "capturePerSecond", Math.round(r.capturePerSecond()),
                "ratio", Math.round(r.ratio() * 100) / 100.0,
                "outcomes", outcomes,
                "contacts", t.contacts(),
                "heapBytesPerContact", r.contactsOnly().bytesPerContact(),
                "heapBytesPerCapturedPerson", r.fullCapture().bytesPerContact(),
                "rawStringBytesPerContact", r.contactsOnly().rawTextBytesPerContact());
    }
}
