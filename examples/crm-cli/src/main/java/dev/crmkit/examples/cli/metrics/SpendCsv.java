package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.leadimport.CsvRecord;
import dev.crmkit.examples.cli.leadimport.CsvRecords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads an acquisition spend file: CSV with a header holding {@code channel} and {@code amount} (marketing plus sales
 * spend) and optionally {@code new_customers}. Every bad value ends the read with the line and the column named.
 */
public final class SpendCsv {

    private static final String NEEDS = "a spend file needs channel and amount, optionally new_customers";

    private final Currency currency;

    /** A reader of amounts in the currency. */
    public SpendCsv(Currency currency) {
        this.currency = currency;
    }

    /**
     * One channel's spend.
     *
     * @param channel      the channel
     * @param amount       what was spent
     * @param newCustomers the new customers it won, when the file says
     */
    public record ChannelSpend(String channel, Money amount, OptionalLong newCustomers) {
    }

    /**
     * Every row of the file, in file order.
     *
     * @throws IllegalArgumentException naming the file, line and column of the first bad value, or a missing column
     */
    public List<ChannelSpend> read(Path file) {
        return read(file, CsvFormat.UTF_8);
    }

    /**
     * Every record of a file in the given encoding and delimiter, as {@link #read(Path)} reads a UTF-8 file.
     *
     * @throws IllegalArgumentException naming the file and the line of a byte that is not valid in the encoding (and
     *                                  its byte offset), of malformed CSV, or of the first bad value
     */
    public List<ChannelSpend> read(Path file, CsvFormat format) {
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in, format)) {
            int channel = records.requireColumn(file, "channel", NEEDS);
            int amount = records.requireColumn(file, "amount", NEEDS);
            int won = records.column("new_customers");
            List<ChannelSpend> rows = new ArrayList<>();
            while (records.hasNext()) {
                CsvCells cells = new CsvCells(file, records.next());
                String name = cells.required(channel, "channel");
                Money spent = cells.money(amount, "amount", currency, false);
                boolean counted = won >= 0 && !cells.text(won).isEmpty();
                rows.add(new ChannelSpend(name, spent, counted
                        ? OptionalLong.of(cells.whole(won, "new_customers", 0, Integer.MAX_VALUE))
                        : OptionalLong.empty()));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no spend, only a header");
            }
            return List.copyOf(rows);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

}
