package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.leadimport.CsvRecord;
import dev.crmkit.examples.cli.leadimport.CsvRecords;
import dev.crmkit.metrics.funnel.StageEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a stage history file: CSV with a header holding {@code deal_id}, {@code stage} and {@code entered_at} (an ISO
 * instant or date-time with offset; a date-time or date without offset is read in the given zone), and optionally
 * {@code source}, {@code owner}, {@code pipeline} and {@code amount} (the deal's amount; the last non-empty one of a
 * deal counts). Other columns are ignored; an empty optional cell means unknown. Every bad value ends the read with
 * the line and the column named.
 */
public final class StageHistoryCsv {

    private static final String NEEDS = "a stage history needs deal_id, stage and entered_at";

    private final ZoneId zone;
    private final Currency currency;

    /**
     * A reader of times without offset in {@code zone} and amounts in {@code currency}.
     */
    public StageHistoryCsv(ZoneId zone, Currency currency) {
        this.zone = zone;
        this.currency = currency;
    }

    /**
     * The history of a file.
     *
     * @param entries the stage entries in file order
     * @param amounts the deals' amounts, by deal id, for the deals that have one
     */
    public record History(List<StageEntry> entries, Map<String, Money> amounts) {
    }

    /**
     * Every entry of the file.
     *
     * @throws IllegalArgumentException naming the file, line and column of the first bad value, or a missing column
     */
    public History read(Path file) {
        return read(file, CsvFormat.UTF_8);
    }

    /**
     * Every record of a file in the given encoding and delimiter, as {@link #read(Path)} reads a UTF-8 file.
     *
     * @throws IllegalArgumentException naming the file and the line of a byte that is not valid in the encoding (and
     *                                  its byte offset), of malformed CSV, or of the first bad value
     */
    public History read(Path file, CsvFormat format) {
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in, format)) {
            int deal = records.requireColumn(file, "deal_id", NEEDS);
            int stage = records.requireColumn(file, "stage", NEEDS);
            int entered = records.requireColumn(file, "entered_at", NEEDS);
            int source = records.column("source");
            int owner = records.column("owner");
            int pipeline = records.column("pipeline");
            int amount = records.column("amount");
            List<StageEntry> entries = new ArrayList<>();
            Map<String, Money> amounts = new LinkedHashMap<>();
            while (records.hasNext()) {
                CsvRecord r = records.next();
                CsvCells cells = new CsvCells(file, r);
                String id = cells.required(deal, "deal_id");
                entries.add(new StageEntry(id, cells.required(stage, "stage"),
                        cells.instant(entered, "entered_at", zone), optional(r, source), optional(r, owner),
                        optional(r, pipeline)));
                if (optional(r, amount).isPresent()) {
                    amounts.put(id, cells.money(amount, "amount", currency, false));
                }
            }
            if (entries.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no stage entries, only a header");
            }
            return new History(List.copyOf(entries), Map.copyOf(amounts));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> optional(CsvRecord r, int column) {
        return column < 0 ? Optional.empty() : Optional.of(r.cell(column).strip()).filter(v -> !v.isEmpty());
    }

}
