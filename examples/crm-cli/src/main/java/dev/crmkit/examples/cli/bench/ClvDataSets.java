package dev.crmkit.examples.cli.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The orders files of {@code crm bench clv}, written from a seed as CSV ({@code customer_id,date,amount}, ids
 * {@code c0}, {@code c1}..., ISO dates, amounts in euros with two decimals):
 * <ul>
 *   <li>{@code staggered-N.csv}: N customers from {@link OrderGenerator} (first purchases spread over three years, 6.5
 *       orders per customer on average), observed to {@link OrderGenerator#LAST_DAY};</li>
 *   <li>{@code cdnow-like.csv}: the size and shape of the CDNOW sample (2,357 customers whose first purchase falls in
 *       the first quarter of 1997, observed for 78 weeks to {@link #CDNOW_END}), purchases drawn from the published
 *       CDNOW estimates (BG/NBD r 0.243, alpha 4.414 per week, a 0.793, b 2.426; Gamma-Gamma p 6.25, q 3.74,
 *       v 15.44).</li>
 * </ul>
 * A file that exists is kept (the same seed gives the same bytes). Stateless.
 */
public final class ClvDataSets {

    /** The name of the CDNOW-sized set. */
    public static final String CDNOW = "cdnow";
    /** The end of observation of the CDNOW-like set. */
    public static final LocalDate CDNOW_END = LocalDate.of(1998, 6, 30);
    /** Orders per customer of the staggered sets. */
    public static final double ORDERS_PER_CUSTOMER = 6.5;

    private static final int CDNOW_CUSTOMERS = 2_357;
    private static final LocalDate CDNOW_START = LocalDate.of(1997, 1, 1);

    private ClvDataSets() {
    }

    /** The file of a set ({@link #CDNOW} or a number of customers) in the directory, written if missing. */
    public static Path file(Path directory, String set, long seed) {
        Path file = directory.resolve(CDNOW.equals(set) ? "cdnow-like-" + seed + ".csv"
                : String.format(Locale.ROOT, "staggered-%s-%d.csv", set, seed));
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "partial", ".csv");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                if (CDNOW.equals(set)) {
                    writeCdnowLike(out, seed);
                } else {
                    int customers = Integer.parseInt(set);
                    GeneratedOrders orders = OrderGenerator.generate(seed,
                            (int) Math.round(customers * ORDERS_PER_CUSTOMER), customers);
                    write(out, orders.customerOf(), orders.epochDay(), orders.minorUnits());
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The end of observation of a set. */
    public static LocalDate observationEnd(String set) {
        return CDNOW.equals(set) ? CDNOW_END : OrderGenerator.LAST_DAY;
    }

    private static void writeCdnowLike(OutputStream out, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int start = Math.toIntExact(CDNOW_START.toEpochDay());
        int end = Math.toIntExact(CDNOW_END.toEpochDay());
        int[] customerOf = new int[16];
        int[] days = new int[16];
        long[] cents = new long[16];
        int n = 0;
        for (int c = 0; c < CDNOW_CUSTOMERS; c++) {
            double lambda = OrderGenerator.gamma(random, 0.243) / 4.414 / 7;
            double g1 = OrderGenerator.gamma(random, 0.793);
            double p = g1 / (g1 + OrderGenerator.gamma(random, 2.426));
            double nu = OrderGenerator.gamma(random, 3.74) / 15.44;
            double now = start + random.nextInt(90);
            boolean first = true;
            while (now <= end) {
                if (n + 1 > customerOf.length) {
                    customerOf = Arrays.copyOf(customerOf, n * 2);
                    days = Arrays.copyOf(days, n * 2);
                    cents = Arrays.copyOf(cents, n * 2);
                }
                customerOf[n] = c;
                days[n] = (int) now;
                cents[n] = Math.max(1, Math.round(OrderGenerator.gamma(random, 6.25) / nu * 100));
                n++;
                if (!first && random.nextDouble() < p) {
                    break;
                }
                first = false;
                now += -Math.log(1 - random.nextDouble()) / lambda;
            }
        }
        write(out, Arrays.copyOf(customerOf, n), Arrays.copyOf(days, n), Arrays.copyOf(cents, n));
    }

    /** Writes the rows byte by byte: the files are large, and a formatter per row would dominate. */
    private static void write(OutputStream out, int[] customerOf, int[] epochDay, long[] cents) throws IOException {
        out.write("customer_id,date,amount\n".getBytes(StandardCharsets.US_ASCII));
        byte[] line = new byte[64];
        for (int i = 0; i < customerOf.length; i++) {
            int k = 0;
            line[k++] = 'c';
            k = digits(line, k, customerOf[i], 1);
            line[k++] = ',';
            LocalDate date = LocalDate.ofEpochDay(epochDay[i]);
            k = digits(line, k, date.getYear(), 4);
            line[k++] = '-';
            k = digits(line, k, date.getMonthValue(), 2);
            line[k++] = '-';
            k = digits(line, k, date.getDayOfMonth(), 2);
            line[k++] = ',';
            k = digits(line, k, cents[i] / 100, 1);
            line[k++] = '.';
            k = digits(line, k, cents[i] % 100, 2);
            line[k++] = '\n';
            out.write(line, 0, k);
        }
    }

    /** Writes a non-negative number with at least {@code width} digits; the position after it. */
    private static int digits(byte[] out, int at, long value, int width) {
        int length = Math.max(width, value == 0 ? 1 : (int) Math.floor(Math.log10(value)) + 1);
        long v = value;
        for (int i = at + length - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + length;
    }
}
