package dev.crmkit.examples.cli.duplicates;

import dev.crmkit.core.duplicate.DuplicateRecord;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.duplicate.Reason;
import dev.crmkit.core.duplicate.ScanResult;
import dev.crmkit.core.duplicate.ScoredPair;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.examples.cli.quality.StoreQuality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm duplicates scan FILE.csv [--threshold P] [--format json]}: scans a contacts file without a store (or,
 * with {@code --store}, the store's contacts) and prints the pairs at or above the threshold with every field's
 * reason, and the clusters.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan a contacts CSV for duplicates: header id, first_name, last_name, email, phone, street, "
                + "postal_code, city, region, country, birthday (ISO date), company; national_id, tax_id and "
                + "customer_number are identifiers; any other column is a custom text field.",
                "JSON keys: records, candidatePairs, threshold, pairs (a, b, score, reasons), clusters."})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.csv",
            description = "The contacts file (UTF-8 CSV with a header); or --store.")
    private Path file;

    @Option(names = "--store", description = "Scan the store's contacts instead of a file, read page by page.")
    private boolean store;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--threshold", paramLabel = "P",
            description = "Match probability a pair needs, greater than 0 and less than 1 (default: the library's "
                    + "default, " + DuplicateScan.DEFAULT_THRESHOLD + ").")
    private Double threshold;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        DuplicateScan scan = scan(spec, threshold);
        if (store == (file != null)) {
            throw new ParameterException(spec.commandLine(), store
                    ? "give either FILE.csv or --store, not both" : "FILE.csv or --store is required");
        }
        List<DuplicateRecord> records = store ? StoreAccess.read(storeOptions, spec,
                (crmStore, description) -> StoreQuality.contactRecords(crmStore, spec)) : ContactsCsv.read(file);
        ScanResult result = scan.scan(records);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, json(result));
        } else {
            text(out, result);
        }
        return 0;
    }

    /** The library's scan, with the threshold given on the command line if any (refused unless in (0, 1)). */
    static DuplicateScan scan(CommandSpec spec, Double threshold) {
        if (threshold == null) {
            return DuplicateScan.withDefaults();
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be greater than 0 and less than 1, was "
                    + threshold);
        }
        return DuplicateScan.withDefaults().threshold(threshold);
    }

    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static Map<String, Object> json(ScanResult result) {
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (ScoredPair p : result.pairs()) {
            pairs.add(JsonOutput.object("a", p.a(), "b", p.b(), "score", rounded(p.score()), "reasons",
                    p.reasons().stream().map(Reason::toString).toList()));
        }
        return JsonOutput.object("records", result.records(), "candidatePairs", result.candidatePairs(),
                "threshold", result.threshold(), "pairs", pairs, "clusters", result.clusters());
    }

    private static void text(PrintWriter out, ScanResult result) {
        out.printf("%d records, %d candidate pairs, %d pairs at or above %s, %d clusters%n", result.records(),
                result.candidatePairs(), result.pairs().size(), result.threshold(), result.clusters().size());
        for (ScoredPair p : result.pairs()) {
            out.printf("%n%s ~ %s  score %s%n", p.a(), p.b(), rounded(p.score()).toPlainString());
            for (Reason r : p.reasons()) {
                out.println("  " + r);
            }
        }
        if (!result.clusters().isEmpty()) {
            out.println();
            out.println("clusters:");
            for (List<String> cluster : result.clusters()) {
                out.println("  " + String.join(", ", cluster));
            }
        }
    }
}
