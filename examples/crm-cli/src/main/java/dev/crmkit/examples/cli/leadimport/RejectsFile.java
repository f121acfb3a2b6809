package dev.crmkit.examples.cli.leadimport;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.crmkit.core.capture.CaptureOutcome;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes every rejected row to a CSV file with the columns {@code line,reason} followed by the original columns and
 * values, so a rejected row can be fixed and imported again. The file is created with the first rejection; an import
 * without rejections leaves no file. Not thread-safe.
 */
public final class RejectsFile implements ImportListener, Closeable {

    private static final CsvMapper CSV = new CsvMapper();

    private final Path path;
    private List<String> header = List.of();
    private SequenceWriter out;
    private long written;

    /** Rejects will go to this file, which is replaced if it exists. */
    public RejectsFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Where rejects go: {@code leads.csv} gives {@code leads.rejects.csv} in the same directory. */
    public static Path besides(Path input) {
        String name = input.getFileName().toString();
        String stem = name.regionMatches(true, Math.max(0, name.length() - 4), ".csv", 0, 4)
                ? name.substring(0, name.length() - 4) : name;
        return input.resolveSibling(stem + ".rejects.csv");
    }

    @Override
    public void started(LeadColumns columns) {
        header = columns.header();
    }

    @Override
    public void imported(MappedRow row, CaptureOutcome outcome) {
        if (!(outcome instanceof CaptureOutcome.Rejected rejected)) {
            return;
        }
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(row.record().line()));
        cells.add(rejected.reason());
        cells.addAll(row.record().cells());
        write(cells);
        written++;
    }

    private void write(List<String> cells) {
        try {
            if (out == null) {
                out = CSV.writer(CsvSchema.emptySchema())
                        .writeValues(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
                List<String> names = new ArrayList<>(List.of("line", "reason"));
                names.addAll(header);
                out.write(names);
            }
            out.write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects to " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file, if anything was written to it. */
    public Optional<Path> path() {
        return written == 0 ? Optional.empty() : Optional.of(path);
    }

    /** How many rows were written. */
    public long written() {
        return written;
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write rejects to " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
