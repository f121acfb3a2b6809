package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.examples.cli.AsOfOption;
import dev.crmkit.examples.cli.EncodingOption;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OptionRules;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.examples.cli.team.Plans;
import dev.crmkit.examples.cli.team.TeamPage;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.cohort.Cohorts;
import dev.crmkit.metrics.funnel.FunnelDefinition;
import dev.crmkit.metrics.funnel.FunnelReport;
import dev.crmkit.metrics.funnel.StageHistoryFunnel;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.order.OrderBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code crm report}: writes the metrics report ({@link MetricsReport}) into a folder: the funnel, the cohort retention
 * heatmap and LTV:CAC by channel as PNG charts on an HTML page. What no file is given for comes from the store: the
 * lead funnel by lead status, and a generated sample order history (seed {@value SampleOrders#SEED}) for the store's
 * contacts, labelled as such on the page.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write an HTML page with PNG charts: the funnel, the cohort retention heatmap and LTV:CAC by "
                + "channel, with the figures behind them.",
                "Orders (--orders) feed cohorts and LTV, a spend file (--spend: channel,amount[,new_customers]) "
                        + "LTV:CAC, a stage history (--history with --stage-order) the funnel. Without --history the "
                        + "funnel is the store's leads by status; without --orders the page uses a generated sample "
                        + "order history (seed 42) for the store's contacts, clearly labelled.",
                "A channel's new customers are the spend file's new_customers, or else the customers whose first "
                        + "order carries the channel (--channel-col); its LTV is ARPU x lifetime of its customers' "
                        + "orders (or of all orders when they name no channel).",
                "On a database, a team page (team.html): activity, targets (--targets), lead response and data "
                        + "quality for the month of --as-of.",
                "JSON keys: index, charts, sample, team."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EncodingOption encoding = new EncodingOption();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "crm-report",
            description = "The folder to write index.html and the charts to (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--orders", paramLabel = "FILE",
            description = "CSV orders file: customer id, date and amount columns (others ignored).")
    private Path orders;

    @Option(names = "--customer-col", paramLabel = "NAME", defaultValue = "customer_id",
            description = "The orders' customer id column (default: ${DEFAULT-VALUE}).")
    private String customerColumn;

    @Option(names = "--date-col", paramLabel = "NAME", defaultValue = "date",
            description = "The orders' date column (default: ${DEFAULT-VALUE}).")
    private String dateColumn;

    @Option(names = "--amount-col", paramLabel = "NAME", defaultValue = "amount",
            description = "The orders' amount column (default: ${DEFAULT-VALUE}).")
    private String amountColumn;

    @Option(names = "--channel-col", paramLabel = "NAME", defaultValue = "channel",
            description = "The orders' acquisition channel column, if any (default: ${DEFAULT-VALUE}).")
    private String channelColumn;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
            description = "ISO 4217 currency of all amounts (default: ${DEFAULT-VALUE}).")
    private String currencyCode;

    @Option(names = "--period", paramLabel = "month|week", defaultValue = "month",
            description = "Cohort period (default: ${DEFAULT-VALUE}).")
    private CohortPeriod period;

    @Option(names = "--spend", paramLabel = "FILE", description = "CSV spend file: channel,amount[,new_customers].")
    private Path spend;

    @Option(names = "--history", paramLabel = "FILE",
            description = "CSV stage history for the funnel: deal_id,stage,entered_at[,source,owner,pipeline,amount].")
    private Path history;

    @Option(names = "--stage-order", paramLabel = "A,B,C", split = ",",
            description = "With --history: the stages in order; the last one means won.")
    private List<String> stageOrder;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "With --history: the zone of times without offset (default: ${DEFAULT-VALUE}).")
    private String zone;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "CSV sales targets for the team page: owner, period (2026-11, 2026-Q4, 2026), amount, "
                    + "currency.")
    private Path targets;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        Currency currency = MetricsArgs.currency(spec, currencyCode);
        if (history != null && stageOrder == null) {
            throw new ParameterException(spec.commandLine(), "--history needs --stage-order");
        }
        if (history == null && stageOrder != null) {
            throw new ParameterException(spec.commandLine(), "--stage-order needs --history");
        }
        for (String option : new String[] {"--customer-col", "--date-col", "--amount-col", "--channel-col"}) {
            OptionRules.needs(spec, option, "--orders", "it names a column of the orders file");
        }
        OptionRules.needs(spec, "--zone", "--history", "it is the zone of the stage history's times");
        if (spend != null && orders == null) {
            throw new ParameterException(spec.commandLine(), "--spend needs --orders: a channel's LTV comes from "
                    + "its customers' orders");
        }
        Plans planned = Plans.read(Optional.ofNullable(targets));
        checkStatistics();
        List<TeamPage> team = new ArrayList<>();
        StoreData store = orders != null && history != null ? null
                : StoreAccess.read(storeOptions, spec, (s, description) -> {
                    StoreData data = StoreData.read(s, description);
                    asOfDay().or(data::latestLead).flatMap(day -> TeamPage.of(s, day, planned))
                            .ifPresent(team::add);
                    return data;
                });
        MetricsReport report;
        if (orders == null) {
            report = ofStore(store, asOfDay().or(store::latestLead).orElseGet(() -> LocalDate.now(ZoneOffset.UTC)),
                    currency, period);
            if (history != null) {
                report = withFunnel(report, historyFunnel(currency), "Stage history of " + history);
            }
        } else {
            report = fromFiles(store, currency);
        }
        MetricsReport.Written written = report.write(out, teamLinks(team, out));
        PrintWriter printer = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(printer, JsonOutput.object("index", written.index().toString(),
                    "charts", written.charts().stream().map(Path::toString).toList(),
                    "sample", !report.sampleNote().isEmpty(),
                    "team", team.isEmpty() ? null : out.resolve(TeamPage.FILE).toString()));
        } else {
            printer.println("Report written to " + written.index() + " (" + written.charts().size() + " charts"
                    + (team.isEmpty() ? "" : ", team page " + TeamPage.FILE) + ")");
            printer.flush();
        }
        return 0;
    }

    /**
     * {@code crm --as USER report} needs the administrative permission STATISTICS, as a report or dashboard permission
     * does in Salesforce and HubSpot: the page's figures (the funnel, cohorts, LTV:CAC, the team page) are the
     * business's, mostly from files and host tables that carry no crmkit owner, so they cannot be cut down to the
     * records the user may view. A user without it is refused before anything is written, the error naming the
     * permission and why; without {@code --as} nothing is checked (the command acts as the system). STATISTICS widens
     * the records, not the fields: a user whose role hides a field the page shows figures of ({@link #SHOWN}: the
     * forecast's deal amounts, stages and dates, the per-owner figures) is refused, too, the error naming the fields.
     */
    private void checkStatistics() {
        if (dev.crmkit.examples.cli.ActingUser.of(spec).isPresent()) {
            StoreAccess.read(storeOptions, spec, (s, description) -> {
                dev.crmkit.examples.cli.team.StoreTeam.checkStatistics(s, spec);
                dev.crmkit.examples.cli.team.StoreTeam.refuseHiddenFields(s, spec, SHOWN,
                        "the report shows figures of them (the forecast's deal amounts, the per-owner figures)");
                return description;
            });
        }
    }

    /** The record fields the report's pages show figures of: the forecast and the team page. */
    private static final Map<dev.crmkit.core.kernel.RecordType, List<String>> SHOWN = new java.util.EnumMap<>(Map.of(
            dev.crmkit.core.kernel.RecordType.DEAL, List.of("amount", "owner", "probabilityOverride",
                    "expectedCloseDate"),
            dev.crmkit.core.kernel.RecordType.LEAD, List.of("owner")));

    private MetricsReport fromFiles(StoreData store, Currency currency) {
        OrderBook book = new OrdersCsv(customerColumn, dateColumn, amountColumn, currency).read(orders, encoding.format());
        LocalDate asOf = MetricsReport.latestOrder(book);
        Map<String, String> channelOf = OrderChannels.read(orders, encoding.format(), customerColumn, dateColumn,
                channelColumn);
        List<MetricsReport.ChannelRatio> channels = spend == null ? List.of()
                : MetricsReport.channelRatios(book, channelOf, new SpendCsv(currency).read(spend, encoding.format()), asOf);
        String spendSource = spend == null ? "No spend file given (--spend FILE with channel,amount[,new_customers]):"
                + " no LTV:CAC." : "Spend of " + spend + "; LTV from the orders of " + orders + ".";
        FunnelReport funnel = history != null ? historyFunnel(currency) : store.leadFunnel();
        String funnelSource = history != null ? "Stage history of " + history
                : "Leads of the store (" + store.description() + ") by status";
        return new MetricsReport(funnel, funnelSource, Cohorts.of(book, period),
                OrderHistoryLtv.of(book, asOf, MetricsReport.CHURN_WINDOW_DAYS, BigDecimal.ONE),
                "Orders of " + orders, channels, spendSource, "", store == null ? Map.of() : store.forecast());
    }

    private FunnelReport historyFunnel(Currency currency) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--zone must be a time zone such as UTC, got "
                    + BadValue.quote(zone));
        }
        StageHistoryCsv.History read = new StageHistoryCsv(zoneId, currency).read(history, encoding.format());
        FunnelDefinition definition = FunnelDefinition.of(stageOrder.stream().map(String::strip).toList());
        return StageHistoryFunnel.analyze(read.entries(), definition, read.amounts()).funnel();
    }

    private static MetricsReport withFunnel(MetricsReport r, FunnelReport funnel, String source) {
        return new MetricsReport(funnel, source, r.cohorts(), r.ltv(), r.ordersSource(), r.channels(),
                r.channelsSource(), r.sampleNote(), r.forecast());
    }

    /**
     * The day the report is as of, from {@code --as-of}: the team page covers its month up to it, a generated sample
     * order history ends on it (without it: the store's latest lead, else today).
     */
    private Optional<LocalDate> asOfDay() {
        return asOf.instant().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
    }

    /**
     * The report of a store alone: its lead funnel, and cohorts, LTV and LTV:CAC of a generated sample order history
     * and spend (seed {@value SampleOrders#SEED}) for its contacts, ending on {@code end}.
     */
    public static MetricsReport ofStore(StoreData store, LocalDate end, Currency currency, CohortPeriod period) {
        SampleOrders.Sample sample = SampleOrders.forStore(store, end, currency);
        LocalDate asOf = MetricsReport.latestOrder(sample.book());
        return new MetricsReport(store.leadFunnel(), "Leads of the store (" + store.description() + ") by status",
                Cohorts.of(sample.book(), period),
                OrderHistoryLtv.of(sample.book(), asOf, MetricsReport.CHURN_WINDOW_DAYS, BigDecimal.ONE),
                "Generated sample orders (seed " + SampleOrders.SEED + ")",
                MetricsReport.channelRatios(sample.book(), sample.channelOf(), sample.spend(), asOf),
                "Generated sample spend (seed " + SampleOrders.SEED + ") per channel of the contacts' first leads; "
                        + "LTV from the sample orders.", sample.note(), store.forecast());
    }

    /**
     * Writes the report of a store alone (see {@link #ofStore}) into {@code dir}, with the team page of a database
     * store (the month of {@code end} to that day, no targets): what {@code crm demo} ends with.
     */
    public static MetricsReport.Written writeForStore(CrmStore store, String description, LocalDate end, Path dir) {
        List<TeamPage> team = TeamPage.of(store, end, Plans.NONE).stream().toList();
        return ofStore(StoreData.read(store, description), end, Currency.getInstance("EUR"), CohortPeriod.MONTH)
                .write(dir, teamLinks(team, dir));
    }

    /** Writes the team pages into the folder and links the metrics page to them. */
    private static List<MetricsReport.Link> teamLinks(List<TeamPage> team, Path dir) {
        List<MetricsReport.Link> links = new ArrayList<>();
        team.forEach(page -> links.add(new MetricsReport.Link(page.write(dir).getFileName().toString(),
                "Team: activity, sales targets, lead response and data quality")));
        return links;
    }
}
