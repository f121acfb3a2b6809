package dev.crmkit.examples.cli.pipeline;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.pipeline.forecast.Board;
import dev.crmkit.pipeline.forecast.BoardColumn;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A pipeline board for people (stages as columns) and for scripts (JSON). */
public final class BoardView {

    private static final int MIN_WIDTH = 12;

    private BoardView() {
    }

    /**
     * The board as JSON: {@code pipeline}, and {@code stages}, a list of {@code name}, {@code kind}, {@code count},
     * {@code total} (a decimal string when the stage's deals share one currency, {@code "0"} for none, else
     * {@code null}) and {@code totals} (currency to decimal string).
     */
    public static Map<String, Object> json(Board board) {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (BoardColumn c : board.columns()) {
            Map<Currency, Money> totals = c.totals().totals();
            Map<String, Object> byCurrency = new LinkedHashMap<>();
            totals.forEach((currency, money) -> byCurrency.put(currency.getCurrencyCode(),
                    money.amount().toPlainString()));
            Object total = totals.isEmpty() ? "0" : totals.size() == 1
                    ? totals.values().iterator().next().amount().toPlainString() : null;
            stages.add(JsonOutput.object("name", c.stage().name(), "kind",
                    c.stage().kind().name().toLowerCase(Locale.ROOT), "probability", c.stage().probability(),
                    "count", c.count(), "total", total, "totals", byCurrency));
        }
        return JsonOutput.object("pipeline", board.pipeline().name(), "stages", stages);
    }

    /** Prints the board with one column per stage: its name, how many deals, and their total per currency. */
    public static void print(PrintWriter out, Board board) {
        List<List<String>> columns = new ArrayList<>();
        int rows = 0;
        for (BoardColumn c : board.columns()) {
            List<String> cells = new ArrayList<>();
            cells.add(c.stage().name());
            cells.add(c.stage().kind().name().toLowerCase(Locale.ROOT) + " " + c.stage().probability() + "%");
            cells.add(c.count() + (c.count() == 1 ? " deal" : " deals"));
            if (c.totals().isEmpty()) {
                cells.add("-");
            } else {
                c.totals().totals().values().forEach(m -> cells.add(money(m)));
            }
            rows = Math.max(rows, cells.size());
            columns.add(cells);
        }
        List<Integer> widths = columns.stream()
                .map(cells -> Math.max(MIN_WIDTH, cells.stream().mapToInt(String::length).max().orElse(0)))
                .toList();
        out.printf("Pipeline %s: %s%s%n", board.pipeline().name(), Counted.of(board.count(), "deal"),
                board.totals().isEmpty() ? "" : ", " + board.totals().totals().values().stream()
                        .map(BoardView::money).collect(Collectors.joining(" + ")));
        for (int row = 0; row < rows; row++) {
            StringBuilder line = new StringBuilder("  ");
            for (int col = 0; col < columns.size(); col++) {
                List<String> cells = columns.get(col);
                String cell = row < cells.size() ? cells.get(row) : "";
                line.append(String.format(Locale.ROOT, "%-" + widths.get(col) + "s", cell));
                if (col < columns.size() - 1) {
                    line.append(row == 0 ? " | " : "   ");
                }
            }
            out.println(line.toString().stripTrailing());
            if (row == 0) {
                out.println("  " + "-".repeat(widths.stream().mapToInt(Integer::intValue).sum()
                        + 3 * (columns.size() - 1)));
            }
        }
        out.flush();
    }

    /** Money for people: {@code EUR 12,500.00}. */
    public static String money(Money m) {
        return String.format(Locale.ROOT, "%s %,.2f", m.currency().getCurrencyCode(), m.amount());
    }
}
