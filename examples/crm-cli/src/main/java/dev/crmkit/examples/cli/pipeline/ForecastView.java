package dev.crmkit.examples.cli.pipeline;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.pipeline.definition.ForecastCategory;
import dev.crmkit.pipeline.forecast.MoneyTotals;
import dev.crmkit.pipeline.forecast.WeightedForecast;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A weighted forecast for people and for scripts (JSON). */
public final class ForecastView {

    private static final List<ForecastCategory> CATEGORIES = List.of(ForecastCategory.CLOSED,
            ForecastCategory.COMMIT, ForecastCategory.BEST_CASE, ForecastCategory.PIPELINE);

    private ForecastView() {
    }

    /**
     * The forecast as JSON: {@code byMonth} (expected close month to currency to weighted decimal string) and
     * {@code categories} ({@code closed}, {@code commit}, {@code best_case}, {@code pipeline}: currency to whole
     * amounts as decimal strings).
     */
    public static Map<String, Object> json(WeightedForecast forecast) {
        Map<String, Object> months = new LinkedHashMap<>();
        new TreeMap<>(forecast.byMonth()).forEach((month, totals) -> months.put(month.toString(), amounts(totals)));
        Map<String, Object> categories = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> categories.put(c.name().toLowerCase(Locale.ROOT), amounts(forecast.category(c))));
        return JsonOutput.object("byMonth", months, "categories", categories);
    }

    /** Prints the weighted sums by month and the categories, one line each. */
    public static void print(PrintWriter out, WeightedForecast forecast) {
        out.println("Weighted forecast by expected close month:");
        if (forecast.byMonth().isEmpty()) {
            out.println("  -");
        }
        for (Map.Entry<YearMonth, MoneyTotals> e : new TreeMap<>(forecast.byMonth()).entrySet()) {
            out.printf(Locale.ROOT, "  %s  %s%n", e.getKey(), text(e.getValue()));
        }
        for (ForecastCategory c : CATEGORIES) {
            out.printf(Locale.ROOT, "  %-10s %s%n", c.name().toLowerCase(Locale.ROOT), text(forecast.category(c)));
        }
        out.flush();
    }

    private static Map<String, Object> amounts(MoneyTotals totals) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Currency, Money> e : totals.totals().entrySet()) {
            out.put(e.getKey().getCurrencyCode(), e.getValue().amount().toPlainString());
        }
        return out;
    }

    private static String text(MoneyTotals totals) {
        return totals.isEmpty() ? "-" : totals.totals().values().stream().map(BoardView::money)
                .collect(Collectors.joining(" + "));
    }
}
