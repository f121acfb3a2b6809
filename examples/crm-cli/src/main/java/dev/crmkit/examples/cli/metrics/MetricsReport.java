package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.metrics.acquisition.AcquisitionSpend;
import dev.crmkit.metrics.acquisition.Cac;
import dev.crmkit.metrics.acquisition.CacResult;
import dev.crmkit.metrics.acquisition.IndustryNorm;
import dev.crmkit.metrics.acquisition.LtvCacRatio;
import dev.crmkit.metrics.acquisition.NewCustomers;
import dev.crmkit.metrics.cohort.CohortMatrix;
import dev.crmkit.metrics.cohort.CohortRow;
import dev.crmkit.metrics.funnel.FunnelReport;
import dev.crmkit.metrics.funnel.FunnelStage;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.ltv.OrderHistoryStats;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.pipeline.forecast.MoneyTotals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The metrics report: an HTML page ({@code index.html}) with PNG charts of the funnel, the cohort retention heatmap
 * and LTV:CAC by channel, and tables of the figures behind them. Every part says where its data came from; generated
 * sample data is labelled as such on the page.
 *
 * @param funnel         the funnel
 * @param funnelSource   where the funnel's data came from
 * @param cohorts        the retention matrix of the orders
 * @param ltv            lifetime value derived from the orders
 * @param ordersSource   where the orders came from
 * @param channels       LTV:CAC per channel; empty when there is no spend
 * @param channelsSource where the spend came from, or why there is none
 * @param sampleNote     the note of generated sample data, empty when all data is real
 * @param forecast       the weighted forecast of the store's deals by expected close month; empty when there
 *                       are no pipelines or deals
 */
public record MetricsReport(FunnelReport funnel, String funnelSource, CohortMatrix cohorts, OrderHistoryLtv ltv,
        String ordersSource, List<ChannelRatio> channels, String channelsSource, String sampleNote,
        Map<YearMonth, MoneyTotals> forecast) {

    /** The churn window of the order-history LTV, in days. */
    public static final int CHURN_WINDOW_DAYS = 90;

    /** The file names of the charts. */
    static final String FUNNEL_PNG = "funnel.png";
    static final String RETENTION_PNG = "cohort-retention.png";
    static final String LTV_CAC_PNG = "ltv-cac-by-channel.png";
    static final String FORECAST_PNG = "weighted-forecast.png";

    /** Copies the list. */
    public MetricsReport {
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(cohorts, "cohorts");
        Objects.requireNonNull(ltv, "ltv");
        channels = List.copyOf(channels);
        forecast = Collections.unmodifiableMap(new TreeMap<>(forecast));
    }

    /**
     * One channel's acquisition cost against the lifetime value of its customers.
     *
     * @param channel      the channel
     * @param spend        what it spent
     * @param newCustomers the customers it won
     * @param cac          spend / new customers
     * @param ltv          the LTV (ARPU x lifetime from the orders) of the channel's customers, or of all customers
     * @param channelLtv   whether {@code ltv} is the channel's own (false: of all customers)
     * @param ratio        LTV:CAC and its band
     */
    public record ChannelRatio(String channel, Money spend, long newCustomers, Money cac, Money ltv,
            boolean channelLtv, LtvCacRatio ratio) {
    }

    /**
     * What was written.
     *
     * @param index  the page
     * @param charts the PNG charts, in page order
     */
    public record Written(Path index, List<Path> charts) {
    }

    /**
     * LTV:CAC per channel of the spend. A channel's new customers are those of the spend row, or else its customers in
     * the orders (by {@code channelOf}); its LTV is ARPU x lifetime of its own customers' orders, or of every
     * customer's when the orders say nothing about it.
     *
     * @throws dev.crmkit.core.kernel.ValidationException naming {@code newCustomers[CHANNEL]} for a channel that won
     *         nobody, or {@code cac} for a channel whose spend is zero
     */
    public static List<ChannelRatio> channelRatios(OrderBook book, Map<String, String> channelOf,
            List<SpendCsv.ChannelSpend> spend, LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        Map<String, Long> customersOf = new TreeMap<>();
        for (int c = 0; c < book.customerCount(); c++) {
            String channel = channelOf.get(book.customerId(c));
            if (channel != null) {
                customersOf.merge(channel, 1L, Long::sum);
            }
        }
        List<AcquisitionSpend> spent = new ArrayList<>();
        List<NewCustomers> won = new ArrayList<>();
        for (SpendCsv.ChannelSpend s : spend) {
            spent.add(new AcquisitionSpend(s.channel(), month, s.amount(), Money.zero(s.amount().currency())));
            won.add(new NewCustomers(s.channel(), month,
                    s.newCustomers().orElse(customersOf.getOrDefault(s.channel(), 0L))));
        }
        Money overall = ltv(book, asOf);
        List<ChannelRatio> out = new ArrayList<>();
        for (CacResult cac : Cac.byChannel(spent, won)) {
            OrderBook.Builder own = OrderBook.builder(book.currency());
            boolean any = false;
            for (int i = 0; i < book.size(); i++) {
                if (cac.group().equals(channelOf.get(book.customerId(book.customerOf(i))))) {
                    own.add(book.order(i));
                    any = true;
                }
            }
            Money value = any ? ltv(own.build(), asOf) : overall;
            out.add(new ChannelRatio(cac.group(), cac.spend(), cac.newCustomers(), cac.cac(), value, any,
                    LtvCacRatio.of(value, cac.cac())));
        }
        return out;
    }

    private static Money ltv(OrderBook book, LocalDate asOf) {
        return OrderHistoryLtv.of(book, asOf, CHURN_WINDOW_DAYS, BigDecimal.ONE).arpuTimesLifetime();
    }

    /** The latest order day of a book. */
    public static LocalDate latestOrder(OrderBook book) {
        int latest = Integer.MIN_VALUE;
        for (int i = 0; i < book.size(); i++) {
            latest = Math.max(latest, book.epochDay(i));
        }
        return LocalDate.ofEpochDay(latest);
    }

    /** Sets {@code java.awt.headless} so the charts render without a display; call before any chart class loads. */
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * A page written beside the report that the report links to.
     *
     * @param file  its file name in the report's folder
     * @param title the text of the link
     */
    public record Link(String file, String title) {
    }

    /**
     * Writes the page and its charts into {@code dir}, creating it if needed and replacing earlier files of the same
     * names.
     */
    public Written write(Path dir) {
        return write(dir, List.of());
    }

    /** Writes the page and its charts as {@link #write(Path)} does, linking to the given pages beside it. */
    public Written write(Path dir, List<Link> links) {
        headless();
        try {
            Files.createDirectories(dir);
            List<Path> charts = new ArrayList<>();
            charts.add(dir.resolve(FUNNEL_PNG));
            ReportCharts.funnel(funnel, "Funnel", charts.get(0));
            charts.add(dir.resolve(RETENTION_PNG));
            ReportCharts.retention(cohorts, charts.get(1));
            if (!channels.isEmpty()) {
                charts.add(dir.resolve(LTV_CAC_PNG));
                ReportCharts.ltvToCac(channels, charts.get(charts.size() - 1));
            }
            if (!forecast.isEmpty()) {
                charts.add(dir.resolve(FORECAST_PNG));
                ReportCharts.forecast(forecast, charts.get(charts.size() - 1));
            }
            Path index = dir.resolve("index.html");
            Files.writeString(index, html(links), StandardCharsets.UTF_8);
            return new Written(index, List.copyOf(charts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    String html(List<Link> links) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>crmkit metrics report</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
                .append("text-align:right}th:first-child,td:first-child{text-align:left}\n")
                .append(".sample{background:#fff3cd;border:1px solid #e0b000;padding:0.8em}\n")
                .append(".source{color:#555;font-size:0.9em}\n</style>\n</head>\n<body>\n")
                .append("<h1>crmkit metrics report</h1>\n");
        for (Link link : links) {
            h.append("<p><a href=\"").append(esc(link.file())).append("\">").append(esc(link.title()))
                    .append("</a></p>\n");
        }
        if (!sampleNote.isEmpty()) {
            h.append("<p class=\"sample\"><strong>Generated sample data.</strong> ").append(esc(sampleNote))
                    .append("</p>\n");
        }
        funnelSection(h);
        cohortSection(h);
        ltvSection(h);
        channelSection(h);
        forecastSection(h);
        return h.append("</body>\n</html>\n").toString();
    }

    private void funnelSection(StringBuilder h) {
        h.append("<h2>Funnel</h2>\n<p class=\"source\">").append(esc(funnelSource)).append("</p>\n")
                .append(img(FUNNEL_PNG, "Funnel: how many reached each stage"))
                .append("<table>\n<tr><th>stage</th><th>reached</th><th>from previous</th><th>from first</th></tr>\n");
        for (FunnelStage s : funnel.stages()) {
            h.append(row(s.name(), String.format(Locale.ROOT, "%,d", s.count()),
                    percent(s.conversionFromPrevious().doubleValue()), percent(s.conversionFromFirst().doubleValue())));
        }
        h.append("</table>\n");
    }

    private void cohortSection(StringBuilder h) {
        String unit = cohorts.period().name().toLowerCase(Locale.ROOT);
        h.append("<h2>Cohort retention</h2>\n<p class=\"source\">").append(esc(ordersSource))
                .append(". Customers grouped by the ").append(unit).append(" of their first order; each cell is the ")
                .append("share of the cohort who ordered that many ").append(unit).append("s later.</p>\n")
                .append(img(RETENTION_PNG, "Cohort retention heatmap"))
                .append("<table>\n<tr><th>cohort</th><th>customers</th><th>retention +1</th><th>churn +1</th></tr>\n");
        for (CohortRow r : cohorts.rows()) {
            h.append(row(r.label(), String.format(Locale.ROOT, "%,d", r.size()),
                    r.periods() > 1 ? percent(r.retention(1).doubleValue()) : "",
                    r.churn(1).map(c -> percent(c.doubleValue())).orElse("")));
        }
        h.append("</table>\n");
    }

    private void ltvSection(StringBuilder h) {
        OrderHistoryStats s = ltv.stats();
        h.append("<h2>Lifetime value</h2>\n<p class=\"source\">").append(esc(ordersSource)).append(", as of ")
                .append(s.asOf()).append("; churned = no order in the last ").append(s.churnWindowDays())
                .append(" days. The lifespan is observed so far, so these are lower bounds.</p>\n<table>\n")
                .append(row("customers", String.format(Locale.ROOT, "%,d", s.customers())))
                .append(row("orders", String.format(Locale.ROOT, "%,d", s.orders())))
                .append(row("revenue", s.revenue().toString()))
                .append(row("average order value", s.averageOrderValue().toString()))
                .append(row("purchases per year", s.purchasesPerYear().toPlainString()))
                .append(row("ARPU per month", s.arpuPerMonth().toString()))
                .append(row("lifespan (years)", s.lifespanYears().toPlainString()))
                .append(row("churn rate", percent(s.churnRate().doubleValue())))
                .append(row("LTV = ARPU x lifetime", ltv.arpuTimesLifetime().toString()))
                .append(row("LTV = AOV x frequency x lifespan", ltv.aovTimesFrequencyTimesLifespan().toString()))
                .append(row("LTV = ARPU / churn (revenue)", ltv.marginOverChurn().map(Money::toString)
                        .orElse("nobody churned")))
                .append("</table>\n");
    }

    private void channelSection(StringBuilder h) {
        h.append("<h2>LTV:CAC by channel</h2>\n<p class=\"source\">").append(esc(channelsSource)).append("</p>\n");
        if (channels.isEmpty()) {
            return;
        }
        h.append(img(LTV_CAC_PNG, "LTV:CAC by channel"))
                .append("<table>\n<tr><th>channel</th><th>spend</th><th>new customers</th><th>CAC</th><th>LTV</th>")
                .append("<th>LTV:CAC</th><th>band</th></tr>\n");
        for (ChannelRatio c : channels) {
            h.append(row(c.channel(), c.spend().toString(), String.format(Locale.ROOT, "%,d", c.newCustomers()),
                    c.cac().toString(), c.ltv() + (c.channelLtv() ? "" : " (all customers)"),
                    c.ratio().ratio().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                    c.ratio().band().description()));
        }
        h.append("</table>\n<p>Industry norms (LTV:CAC): ");
        List<String> norms = new ArrayList<>();
        for (IndustryNorm n : IndustryNorm.values()) {
            norms.add(n.label() + " " + CacCommand.range(n));
        }
        h.append(esc(String.join(", ", norms))).append(".</p>\n");
    }

    private void forecastSection(StringBuilder h) {
        if (forecast.isEmpty()) {
            return;
        }
        h.append("<h2>Weighted forecast</h2>\n<p class=\"source\">Deals of the store's pipelines: amount x ")
                .append("probability by expected close month (won deals at 100%, lost ones at 0).</p>\n")
                .append(img(FORECAST_PNG, "Weighted forecast by expected close month"))
                .append("<table>\n").append(row("month", "weighted amount"));
        forecast.forEach((month, totals) -> h.append(row(month.toString(), esc(totals.toString()))));
        h.append("</table>\n");
    }

    private static String img(String file, String alt) {
        return "<p><img src=\"" + file + "\" alt=\"" + esc(alt) + "\" width=\"800\"></p>\n";
    }

    private static String row(String... cells) {
        StringBuilder r = new StringBuilder("<tr>");
        for (String cell : cells) {
            r.append("<td>").append(esc(cell)).append("</td>");
        }
        return r.append("</tr>\n").toString();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
