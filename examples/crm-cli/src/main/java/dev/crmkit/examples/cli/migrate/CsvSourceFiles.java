package dev.crmkit.examples.cli.migrate;

import dev.crmkit.examples.cli.leadimport.CsvRecord;
import dev.crmkit.examples.cli.leadimport.CsvRecords;
import dev.crmkit.kit.migration.SourceFiles;
import dev.crmkit.kit.migration.SourceRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CSV files of one folder, read with crmkit's CSV reader ({@link CsvRecords}: UTF-8, delimiter detected, quoted
 * values and line breaks, the first bad byte refused with its line). A file name must stay inside the folder.
 */
public final class CsvSourceFiles implements SourceFiles {

    private final Path folder;

    /** The files of this folder. */
    public CsvSourceFiles(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    }

    @Override
    public SourceFile open(String name) {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder)) {
            throw new IllegalArgumentException("file '" + name + "' is outside the folder " + folder);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file '" + name + "' is not in the folder " + folder);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return new CsvFile(name, CsvRecords.open(in));
        } catch (RuntimeException e) {
            close(in);
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One open CSV file. */
    private static final class CsvFile implements SourceFile {
        private final String name;
        private final CsvRecords records;

        CsvFile(String name, CsvRecords records) {
            this.name = name;
            this.records = records;
        }

        @Override
        public List<String> header() {
            return records.header();
        }

        @Override
        public Iterator<SourceRow> rows() {
            List<String> header = records.header();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public SourceRow next() {
                    CsvRecord record;
                    try {
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
                    }
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        values.putIfAbsent(header.get(i), record.cell(i));
                    }
                    return new SourceRow(record.line(), values);
                }
            };
        }

        @Override
        public void close() {
            records.close();
        }
    }
}
