package dev.crmkit.examples.cli.metrics;

import dev.crmkit.metrics.cohort.CohortMatrix;
import dev.crmkit.metrics.cohort.CohortRow;
import dev.crmkit.metrics.funnel.FunnelReport;
import dev.crmkit.metrics.funnel.FunnelStage;
import dev.crmkit.pipeline.forecast.MoneyTotals;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's charts, drawn by XChart and saved as PNG. Load this class only after
 * {@link MetricsReport#headless()} has set {@code java.awt.headless}, so that no display is needed.
 */
final class ReportCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private ReportCharts() {
    }

    /** The funnel: one bar per stage, its count. */
    static void funnel(FunnelReport report, String title, Path png) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("stage").yAxisTitle("reached").build();
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        List<String> names = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (FunnelStage stage : report.stages()) {
            names.add(stage.name());
            counts.add(stage.count());
        }
        chart.addSeries("reached", names, counts);
        save(chart, png);
    }

    /** The retention heatmap: cohorts down, period offsets across, retention in percent. */
    static void retention(CohortMatrix matrix, Path png) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(Math.max(HEIGHT,
                120 + 28 * matrix.rows().size())).title("Retention by " + matrix.period().name().toLowerCase()
                + " of first order (%)").xAxisTitle("periods after the first order").yAxisTitle("cohort").build();
        chart.getStyler().setShowValue(true).setMin(0).setMax(100).setHeatMapValueDecimalPattern("0")
                .setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideE);
        int widest = matrix.rows().stream().mapToInt(CohortRow::periods).max().orElse(1);
        List<Integer> offsets = new ArrayList<>();
        for (int k = 0; k < widest; k++) {
            offsets.add(k);
        }
        List<String> labels = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        for (int y = 0; y < matrix.rows().size(); y++) {
            CohortRow row = matrix.rows().get(y);
            labels.add(row.label());
            for (int k = 0; k < row.periods(); k++) {
                cells.add(new Number[] {k, y, 100 * row.retention(k).doubleValue()});
            }
        }
        chart.addSeries("retention", offsets, labels, cells);
        save(chart, png);
    }

    /** LTV:CAC per channel, one bar each. */
    static void ltvToCac(List<MetricsReport.ChannelRatio> channels, Path png) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("LTV:CAC by channel")
                .xAxisTitle("channel").yAxisTitle("LTV / CAC").build();
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDecimalPattern("0.00");
        chart.addSeries("LTV:CAC", channels.stream().map(MetricsReport.ChannelRatio::channel).toList(),
                channels.stream().map(c -> c.ratio().ratio().doubleValue()).toList());
        save(chart, png);
    }

    /** The weighted forecast, one bar per expected close month and one series per currency. */
    static void forecast(Map<YearMonth, MoneyTotals> byMonth, Path png) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Weighted forecast by expected close month").xAxisTitle("month").yAxisTitle("amount")
                .build();
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDecimalPattern("#,##0");
        List<String> months = byMonth.keySet().stream().map(YearMonth::toString).toList();
        Set<Currency> currencies = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
        byMonth.values().forEach(t -> currencies.addAll(t.totals().keySet()));
        for (Currency currency : currencies) {
            chart.addSeries(currency.getCurrencyCode(), months, byMonth.values().stream()
                    .map(t -> t.total(currency).map(m -> m.amount().doubleValue()).orElse(0.0)).toList());
        }
        save(chart, png);
    }

    private static void save(Chart<?, ?> chart, Path png) {
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }
}
