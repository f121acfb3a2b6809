package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.leadimport.CsvRecords;
import dev.crmkit.examples.cli.metrics.CsvCells;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a contacts file for the campaigns: CSV with a header holding {@code id}, {@code birthday} (ISO date, may be
 * empty) and {@code consent} ({@code yes} or {@code no}), and optionally {@code first_name}, {@code last_name},
 * {@code email}, {@code phone}, {@code language} and {@code time_zone} (an IANA zone such as {@code Europe/Berlin},
 * UTC when absent or empty). Other columns are ignored. Every bad value ends the read with the file, the line and the
 * column named.
 */
public final class ContactsCsv {

    private ContactsCsv() {
    }

    /**
     * Every contact of the file, in file order.
     *
     * @throws IllegalArgumentException naming the file, line and column of the first bad value, a missing column, a
     *                                  repeated id, or a file without contacts
     */
    public static List<Recipient> read(Path file) {
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in, CsvFormat.UTF_8)) {
            String needs = "a contacts file needs id, birthday and consent";
            int id = records.requireColumn(file, "id", needs);
            int birthday = records.requireColumn(file, "birthday", needs);
            int consent = records.requireColumn(file, "consent", needs);
            Columns optional = new Columns(records.column("first_name"), records.column("last_name"),
                    records.column("email"), records.column("phone"), records.column("language"),
                    records.column("time_zone"));
            List<Recipient> out = new ArrayList<>();
            Map<String, Long> lines = new HashMap<>();
            while (records.hasNext()) {
                var record = records.next();
                CsvCells cells = new CsvCells(file, record);
                String contactId = cells.required(id, "id");
                Long earlier = lines.putIfAbsent(contactId, record.line());
                if (earlier != null) {
                    throw new IllegalArgumentException(cells.where("id") + BadValue.quote(contactId)
                            + " is already the id of line " + earlier);
                }
                Optional<LocalDate> born = cells.text(birthday).isEmpty() ? Optional.empty()
                        : Optional.of(cells.date(birthday, "birthday"));
                out.add(new Recipient(contactId, optional.text(cells, optional.firstName),
                        optional.text(cells, optional.lastName), optional.text(cells, optional.email),
                        optional.text(cells, optional.phone), born, zone(cells, optional.zone),
                        consent(cells, consent), optional.text(cells, optional.language)));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no contacts, only a header");
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MarketingConsent consent(CsvCells cells, int column) {
        String value = cells.text(column).toLowerCase(Locale.ROOT);
        if (value.equals("yes")) {
            return new MarketingConsent(MarketingConsent.Status.GRANTED, Optional.empty(), "contacts file");
        }
        if (value.equals("no")) {
            return new MarketingConsent(MarketingConsent.Status.WITHDRAWN, Optional.empty(), "contacts file");
        }
        throw new IllegalArgumentException(cells.where("consent") + BadValue.quote(cells.text(column))
                + " is neither yes nor no");
    }

    private static ZoneId zone(CsvCells cells, int column) {
        String value = column < 0 ? "" : cells.text(column);
        if (value.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(cells.where("time_zone") + BadValue.quote(value)
                    + " is not a time zone such as Europe/Berlin");
        }
    }

    private record Columns(int firstName, int lastName, int email, int phone, int language, int zone) {
        String text(CsvCells cells, int column) {
            return column < 0 ? "" : cells.text(column);
        }
    }
}
