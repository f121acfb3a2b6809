package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.EncodingOption;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OptionRules;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.metrics.funnel.Funnel;
import dev.crmkit.metrics.funnel.FunnelDefinition;
import dev.crmkit.metrics.funnel.FunnelReport;
import dev.crmkit.metrics.funnel.FunnelStage;
import dev.crmkit.metrics.funnel.Grouping;
import dev.crmkit.metrics.funnel.HistoryFunnel;
import dev.crmkit.metrics.funnel.StageCount;
import dev.crmkit.metrics.funnel.StageHistoryFunnel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/**
 * {@code crm funnel}: conversion through a funnel, from stage counts ({@code --counts}) or from a stage history file
 * ({@code --history}, with win rate, time in stage, lifecycle and sales velocity, optionally per source, owner,
 * pipeline or month). Rates are exact fractions shown HALF_EVEN to 6 decimals.
 */
@Command(name = "funnel", mixinStandardHelpOptions = true,
        description = {"Conversion through a funnel from stage counts (--counts 500,300,120) or from stage history "
                + "(--history FILE.csv with deal_id,stage,entered_at and optional source,owner,pipeline,amount "
                + "columns, and --stage-order). A deal counts once per stage it reached; skipped stages count as "
                + "passed through.",
                "JSON key stages: name, count, conversionFromPrevious, conversionFromFirst, dropOff, dropOffRate; "
                        + "with --history also deals, won, lost, open, winRate, averageTimeInStageDays, "
                        + "averageLifecycleDays, averageWonCycleDays, averageWonDealSize, salesVelocityPerDay, and "
                        + "with --by groups."})
public final class FunnelCommand implements Callable<Integer> {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    @Spec
    private CommandSpec spec;

    @Mixin
    private EncodingOption encoding = new EncodingOption();

    @Option(names = "--counts", paramLabel = "N,N,...", split = ",",
            description = "How many reached each stage, first stage first.")
    private long[] counts;

    @Option(names = "--stages", paramLabel = "NAMES", split = ",",
            description = "Names of the --counts stages (default: stage 1, stage 2, ...).")
    private List<String> stages;

    @Option(names = "--history", paramLabel = "FILE",
            description = "CSV stage history: deal_id, stage, entered_at (ISO date-time), optional source, owner, "
                    + "pipeline, amount.")
    private Path history;

    @Option(names = "--stage-order", paramLabel = "A,B,C", split = ",",
            description = "With --history: the stages in order, first stage first.")
    private List<String> stageOrder;

    @Option(names = "--won", paramLabel = "STAGE",
            description = "With --history: the stage that means won (default: the last of --stage-order).")
    private String won;

    @Option(names = "--lost", paramLabel = "STAGE",
            description = "With --history: the stage that means lost, outside --stage-order (default: none; the win "
                    + "rate is then won / all deals).")
    private String lost;

    @Option(names = "--by", paramLabel = "source|owner|pipeline|period",
            description = "With --history: also the funnel per source, owner, pipeline or month of first entry.")
    private Grouping by;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of times without offset and of --by period months (default: ${DEFAULT-VALUE}).")
    private String zone;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
            description = "ISO 4217 currency of the history's amount column (default: ${DEFAULT-VALUE}).")
    private String currencyCode;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        if ((counts == null) == (history == null)) {
            throw new ParameterException(spec.commandLine(), "give either --counts or --history");
        }
        return counts != null ? fromCounts() : fromHistory();
    }

    private int fromCounts() {
        for (String option : new String[] {"--stage-order", "--won", "--lost", "--by", "--zone", "--currency"}) {
            OptionRules.needs(spec, option, "--history", "it applies to a stage history, not to --counts");
        }
        if (stages != null && stages.size() != counts.length) {
            throw new ParameterException(spec.commandLine(), "--stages names " + stages.size() + " stages but "
                    + "--counts has " + counts.length);
        }
        FunnelReport report;
        if (stages == null) {
            report = Funnel.ofCounts(counts);
        } else {
            List<StageCount> named = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                named.add(new StageCount(stages.get(i).strip(), counts[i]));
            }
            report = Funnel.ofCounts(named);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, json(report));
        } else {
            print(out, report);
            out.flush();
        }
        return 0;
    }

    private int fromHistory() {
        if (stages != null) {
            throw new ParameterException(spec.commandLine(), "--stages goes with --counts; with --history give "
                    + "--stage-order");
        }
        if (stageOrder == null) {
            throw new ParameterException(spec.commandLine(), "--history needs --stage-order");
        }
        ZoneId zoneId = zone();
        List<String> order = stageOrder.stream().map(String::strip).toList();
        FunnelDefinition definition = new FunnelDefinition(order, won == null ? order.get(order.size() - 1)
                : won.strip(), Optional.ofNullable(lost).map(String::strip));
        StageHistoryCsv.History read = new StageHistoryCsv(zoneId, MetricsArgs.currency(spec, currencyCode))
                .read(history, encoding.format());
        HistoryFunnel all = StageHistoryFunnel.analyze(read.entries(), definition, read.amounts());
        SortedMap<String, HistoryFunnel> groups = by == null ? null
                : StageHistoryFunnel.analyzeBy(read.entries(), definition, read.amounts(), by, zoneId);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = json(all);
            if (groups != null) {
                Map<String, Object> byGroup = new LinkedHashMap<>();
                groups.forEach((key, funnel) -> byGroup.put(key, json(funnel)));
                json.put("by", by.name().toLowerCase(Locale.ROOT));
                json.put("groups", byGroup);
            }
            JsonOutput.print(out, json);
            return 0;
        }
        print(out, all);
        if (groups != null) {
            groups.forEach((key, funnel) -> {
                out.println();
                out.println(by.name().toLowerCase(Locale.ROOT) + " " + key + ":");
                print(out, funnel);
            });
        }
        out.flush();
        return 0;
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--zone must be a time zone such as UTC or "
                    + "Europe/Berlin, got " + BadValue.quote(zone));
        }
    }

    /** The funnel's stages as JSON: {@code stages} and {@code cumulativeConversion}. */
    static Map<String, Object> json(FunnelReport report) {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (FunnelStage stage : report.stages()) {
            stages.add(JsonOutput.object("name", stage.name(), "count", stage.count(),
                    "conversionFromPrevious", stage.conversionFromPrevious().value(),
                    "conversionFromFirst", stage.conversionFromFirst().value(), "dropOff", stage.dropOff(),
                    "dropOffRate", stage.dropOffRate().value()));
        }
        return JsonOutput.object("stages", stages, "cumulativeConversion", report.cumulativeConversion().value());
    }

    private static Map<String, Object> json(HistoryFunnel funnel) {
        Map<String, Object> json = json(funnel.funnel());
        json.putAll(JsonOutput.object("deals", funnel.deals(), "won", funnel.won(), "lost", funnel.lost(),
                "open", funnel.open(), "winRate", funnel.winRate().value()));
        Map<String, Object> inStage = new LinkedHashMap<>();
        funnel.averageTimeInStage().forEach((stage, time) -> inStage.put(stage, days(time)));
        json.put("averageTimeInStageDays", inStage);
        json.put("averageLifecycleDays", funnel.averageLifecycle().map(FunnelCommand::days).orElse(null));
        json.put("averageWonCycleDays", funnel.averageWonCycle().map(FunnelCommand::days).orElse(null));
        json.put("averageWonDealSize", funnel.averageWonDealSize().map(MetricsArgs::json).orElse(null));
        json.put("salesVelocityPerDay", funnel.salesVelocityPerDay().map(MetricsArgs::json).orElse(null));
        return json;
    }

    /** A duration in days, HALF_EVEN to 6 decimals. */
    static BigDecimal days(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
        return seconds.divide(SECONDS_PER_DAY, 6, RoundingMode.HALF_EVEN);
    }

    private static void print(PrintWriter out, FunnelReport report) {
        out.printf(Locale.ROOT, "%-20s %10s %12s %12s%n", "stage", "count", "from prev.", "from first");
        for (FunnelStage stage : report.stages()) {
            out.printf(Locale.ROOT, "%-20s %,10d %11.1f%% %11.1f%%%n", stage.name(), stage.count(),
                    100 * stage.conversionFromPrevious().doubleValue(),
                    100 * stage.conversionFromFirst().doubleValue());
        }
    }

    private static void print(PrintWriter out, HistoryFunnel funnel) {
        print(out, funnel.funnel());
        out.printf(Locale.ROOT, "%s: %,d won, %,d lost, %,d open; win rate %.1f%%%n",
                Counted.of(funnel.deals(), "deal"), funnel.won(), funnel.lost(), funnel.open(), 100 * funnel.winRate().doubleValue());
        funnel.averageTimeInStage().forEach((stage, time) -> out.printf(Locale.ROOT,
                "  average time in %s: %s days%n", stage, days(time).setScale(1, RoundingMode.HALF_EVEN)));
        funnel.averageLifecycle().ifPresent(d -> out.printf(Locale.ROOT, "  average lifecycle: %s days%n",
                days(d).setScale(1, RoundingMode.HALF_EVEN)));
        funnel.salesVelocityPerDay().ifPresent(v -> out.printf(Locale.ROOT, "  sales velocity: %s a day%n", v));
    }
}
