package dev.crmkit.examples.cli.duplicates;

import dev.crmkit.core.duplicate.DuplicateRecord;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a contacts CSV for {@code crm duplicates scan}: a header with {@code id} and any of {@code first_name},
 * {@code last_name}, {@code company}, {@code email}, {@code phone}, {@code street}, {@code postal_code}, {@code city},
 * {@code region}, {@code country} and {@code birthday}; {@code national_id}, {@code tax_id} and
 * {@code customer_number} are identifiers; any other column is a custom text field. Values are kept as written (a
 * birthday or phone that does not parse is compared as text), but every row needs a unique, non-empty id.
 */
final class ContactsCsv {

    static final List<String> FIELDS = List.of("first_name", "last_name", "company", "email", "phone", "street",
            "postal_code", "city", "region", "country", "birthday");
    static final Set<String> IDENTIFIERS = Set.of("national_id", "tax_id", "customer_number");
    private static final String NEEDS = "a contacts file needs an id column and any of " + String.join(", ", FIELDS)
            + ", national_id, tax_id, customer_number";

    private ContactsCsv() {
    }

    /**
     * Every row of the file.
     *
     * @throws IllegalArgumentException naming the file, and the line and column of a missing or repeated id
     */
    static List<DuplicateRecord> read(Path file) {
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in, CsvFormat.UTF_8)) {
            int id = records.requireColumn(file, "id", NEEDS);
            Map<String, Integer> known = new HashMap<>();
            Map<String, Integer> custom = new HashMap<>();
            for (int i = 0; i < records.header().size(); i++) {
                String name = records.header().get(i).strip().toLowerCase(Locale.ROOT);
                if (FIELDS.contains(name) || IDENTIFIERS.contains(name)) {
                    known.put(name, i);
                } else if (i != id && !name.isEmpty()) {
                    custom.put(records.header().get(i).strip(), i);
                }
            }
            List<DuplicateRecord> rows = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            while (records.hasNext()) {
                var record = records.next();
                CsvCells cells = new CsvCells(file, record);
                String key = cells.required(id, "id");
                Long before = seen.putIfAbsent(key, record.line());
                if (before != null) {
                    throw new IllegalArgumentException(cells.where("id") + BadValue.quote(key)
                            + " is the id of line " + before + " already: ids must be unique");
                }
                rows.add(row(key, cells, known, custom));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no contacts, only a header");
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DuplicateRecord row(String id, CsvCells cells, Map<String, Integer> known,
                                       Map<String, Integer> custom) {
        DuplicateRecord.Builder b = DuplicateRecord.builder(id)
                .name(cell(cells, known, "first_name"), cell(cells, known, "last_name"))
                .companyName(cell(cells, known, "company"))
                .email(cell(cells, known, "email"))
                .phone(cell(cells, known, "phone"))
                .address(cell(cells, known, "street"), cell(cells, known, "postal_code"), cell(cells, known, "city"),
                        cell(cells, known, "region"), cell(cells, known, "country"))
                .birthday(cell(cells, known, "birthday"));
        for (String kind : IDENTIFIERS) {
            b.identifier(kind, cell(cells, known, kind));
        }
        custom.forEach((name, index) -> b.customField(name, cells.text(index)));
        return b.build();
    }

    private static String cell(CsvCells cells, Map<String, Integer> known, String column) {
        Integer index = known.get(column);
        return index == null ? "" : cells.text(index);
    }
}
