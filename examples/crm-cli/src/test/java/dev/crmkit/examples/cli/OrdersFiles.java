package dev.crmkit.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Seeded orders files for the metrics commands' tests. */
final class OrdersFiles {

    private OrdersFiles() {
    }

    /**
     * Writes {@code customers} customers' orders to {@code file}: each customer {@code c<i>} first buys on a day in
     * 2025, then buys again after gaps around a mean of their own until they drop out, with a dropout chance of their
     * own (customers differ, as the BG/NBD model assumes); amounts between 10.00 and 199.99.
     */
    static Path generate(Path file, int customers, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("order_no,customer_id,date,amount,channel");
        int order = 0;
        for (int c = 0; c < customers; c++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            double dropout = 0.05 + 0.6 * random.nextDouble() * random.nextDouble();
            int meanGap = 10 + random.nextInt(80);
            while (day.isBefore(LocalDate.of(2026, 7, 1))) {
                long cents = 1_000 + random.nextInt(19_000);
                lines.add(String.format(Locale.ROOT, "%d,c%d,%s,%d.%02d,web", ++order, c, day, cents / 100,
                        cents % 100));
                if (random.nextDouble() < dropout) {
                    break;
                }
                day = day.plusDays(1 + (long) (-meanGap * Math.log(1 - random.nextDouble())));
            }
        }
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
