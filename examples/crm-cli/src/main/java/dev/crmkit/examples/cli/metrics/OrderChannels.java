package dev.crmkit.examples.cli.metrics;

import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.leadimport.CsvRecord;
import dev.crmkit.examples.cli.leadimport.CsvRecords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Each customer's acquisition channel from an orders file's channel column: the channel of the customer's first order
 * (earliest date; on one day, the first in the file). Rows with an empty channel are skipped.
 */
final class OrderChannels {

    private OrderChannels() {
    }

    /**
     * The channels by customer id; empty when the file has no such column. The file has been read by
     * {@link OrdersCsv} before, so its dates are known to be ISO dates or date-times (compared by their date part).
     */
    static Map<String, String> read(Path file, CsvFormat format, String customerColumn, String dateColumn,
                                    String channelColumn) {
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in, format)) {
            int customer = records.column(customerColumn);
            int date = records.column(dateColumn);
            int channel = records.column(channelColumn);
            Map<String, String> channelOf = new HashMap<>();
            Map<String, String> firstDay = new HashMap<>();
            if (channel < 0 || customer < 0 || date < 0) {
                return Map.of();
            }
            while (records.hasNext()) {
                CsvRecord r = records.next();
                String id = r.cell(customer).strip();
                String value = r.cell(channel).strip();
                String day = r.cell(date).strip();
                day = day.length() >= 10 ? day.substring(0, 10) : day;
                if (value.isEmpty()) {
                    continue;
                }
                String seen = firstDay.get(id);
                if (seen == null || day.compareTo(seen) < 0) {
                    firstDay.put(id, day);
                    channelOf.put(id, value);
                }
            }
            return Map.copyOf(channelOf);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
