package dev.crmkit.examples.cli.quality;

import dev.crmkit.adapters.metrics.QualityRecords;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.duplicate.ScanResult;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.metrics.quality.FieldFill;
import dev.crmkit.metrics.quality.FillReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code crm quality}: the fill rate of every standard and custom field of the store's leads, contacts, companies
 * and deals, overall and per owner, and the required fields most often empty.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Data quality of the store: how often each standard and custom field of leads, contacts, "
                + "companies and deals is filled, overall and per owner, and the required fields most often empty.",
                "Required: the custom fields their schema marks required, and the standard fields of --required "
                        + "(default: lead.email, lead.owner, contact.lastName, contact.email, company.industry, "
                        + "deal.amount, deal.expectedCloseDate, deal.owner).",
                "Duplicates suspected: the contacts the fuzzy matcher takes for the same person at its default "
                        + "threshold (crm duplicates scan --store lists every pair with its reasons).",
                "JSON: fields [{recordType, field, required, records, filled, fillRate}], mostOftenEmptyRequired "
                        + "[{recordType, field, records, empty}], byOwner {owner: fields}, hiddenFields [TYPE.FIELD] "
                        + "(with --as: the fields the user's role hides, left out), duplicatesSuspected "
                        + "{contacts, pairs, clusters, threshold, examples [{a, b, score}]}."})
public final class QualityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--required", paramLabel = "TYPE.FIELD", split = ",",
            description = "The required standard fields, e.g. lead.phone,deal.amount (replaces the default).")
    private List<String> required;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "How many of the most often empty required fields to list (default: ${DEFAULT-VALUE}).")
    private int top;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        Map<String, Set<String>> standard = required == null ? QualityRecords.DEFAULT_REQUIRED : required();
        Quality quality = StoreAccess.read(storeOptions, spec, (store, description) -> new Quality(
                StoreQuality.fillRates(store, QualityRecords.required(standard, StoreQuality.schemas(store)), spec),
                DuplicateScan.withDefaults().scan(StoreQuality.contactRecords(store, spec)),
                StoreQuality.hiddenFields(store, spec)));
        FillReport report = quality.fills();
        ScanResult duplicates = quality.duplicates();
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> byOwner = new LinkedHashMap<>();
            report.byOwner().forEach((owner, fields) -> byOwner.put(owner, json(fields)));
            JsonOutput.print(out, JsonOutput.object("fields", json(report.fields()),
                    "mostOftenEmptyRequired", report.mostOftenEmptyRequired(top).stream().map(f -> JsonOutput.object(
                            "recordType", f.recordType(), "field", f.field(), "records", f.records(),
                            "empty", f.empty())).toList(),
                    "byOwner", byOwner, "hiddenFields", quality.hidden(),
                    "duplicatesSuspected", JsonOutput.object("contacts", duplicates.records(),
                            "pairs", duplicates.pairs().size(), "clusters", duplicates.clusters().size(),
                            "threshold", duplicates.threshold(), "examples", duplicates.pairs().stream().limit(top)
                                    .map(p -> JsonOutput.object("a", p.a(), "b", p.b(), "score", BigDecimal.valueOf(
                                            p.score()).setScale(4, RoundingMode.HALF_EVEN))).toList())));
        } else {
            print(out, report);
            if (!quality.hidden().isEmpty()) {
                out.println("Not counted, hidden from the user's role: " + String.join(", ", quality.hidden()));
            }
            printDuplicates(out, duplicates);
        }
        return 0;
    }

    /** What one look at the store finds: fill rates and suspected duplicates. */
    private record Quality(FillReport fills, ScanResult duplicates, List<String> hidden) {
    }

    private void printDuplicates(PrintWriter out, ScanResult duplicates) {
        out.printf(Locale.ROOT, "Duplicates suspected: %d pairs in %d clusters among %d contacts (score >= %s; "
                + "crm duplicates scan --store explains them)%n", duplicates.pairs().size(),
                duplicates.clusters().size(), duplicates.records(), duplicates.threshold());
        duplicates.pairs().stream().limit(top).forEach(p -> out.printf(Locale.ROOT, "  %s ~ %s  %.4f%n", p.a(),
                p.b(), p.score()));
        out.flush();
    }

    private Map<String, Set<String>> required() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String item : required) {
            String value = item.strip();
            int dot = value.indexOf('.');
            String type = dot < 0 ? "" : value.substring(0, dot).toLowerCase(Locale.ROOT);
            if (!QualityRecords.DEFAULT_REQUIRED.containsKey(type) || dot == value.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--required takes TYPE.FIELD with TYPE one of lead, "
                        + "contact, company, deal, e.g. lead.phone; got " + value);
            }
            out.computeIfAbsent(type, t -> new TreeSet<>()).add(value.substring(dot + 1));
        }
        return out;
    }

    private static List<Object> json(List<FieldFill> fields) {
        List<Object> out = new ArrayList<>();
        fields.forEach(f -> out.add(JsonOutput.object("recordType", f.recordType(), "field", f.field(),
                "required", f.required(), "records", f.records(), "filled", f.filled(),
                "fillRate", f.rate().doubleValue())));
        return out;
    }

    private void print(PrintWriter out, FillReport report) {
        if (report.fields().isEmpty()) {
            out.println("The store holds no leads, contacts, companies or deals.");
        }
        String type = "";
        for (FieldFill f : report.fields()) {
            if (!f.recordType().equals(type)) {
                type = f.recordType();
                out.println(type);
            }
            out.printf(Locale.ROOT, "  %-24s %6.1f%%  %d of %d%s%n", f.field(), f.rate().doubleValue() * 100,
                    f.filled(), f.records(), f.required() ? "  required" : "");
        }
        List<FieldFill> empty = report.mostOftenEmptyRequired(top);
        if (!empty.isEmpty()) {
            out.println("Required fields most often empty:");
            empty.forEach(f -> out.printf(Locale.ROOT, "  %s.%s empty in %d of %d%n", f.recordType(), f.field(),
                    f.empty(), f.records()));
        }
        out.flush();
    }
}
