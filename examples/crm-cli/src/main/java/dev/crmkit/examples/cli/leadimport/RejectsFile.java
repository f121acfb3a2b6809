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
 * Writes every rejected row to a UTF-8 CSV file with the columns {@code line,reason} followed by the original columns
 * and values, so a rejected row can be fixed and imported again. The file is created with the first rejection; an
 * import without rejections leaves no file, and removes the file an earlier run left there.
 *
 * <p>A value that a spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return) is written with a single quote in front (OWASP, CSV injection). So that the original
 * stays recoverable, a value that starts with a single quote gets one too: every value that starts with {@code '}
 * had exactly one added, and removing that first character gives the value as read. Not thread-safe.
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

    /**
     * Checks, without writing, that rejects could go to the file: it is a writable regular file, or does not exist
     * and its folder does.
     *
     * @return why not, or empty when it can
     */
    public static Optional<String> unwritable(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isRegularFile(absolute)) {
                return Optional.of(path + " is not a regular file");
            }
            return Files.isWritable(absolute) ? Optional.empty() : Optional.of(path + " is not writable");
        }
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.of("the folder of " + path + " does not exist");
        }
        return Files.isWritable(folder) ? Optional.empty() : Optional.of("the folder of " + path + " is not writable");
    }

    /**
     * A value as written: with a single quote in front if it starts with a formula character or a single quote.
     * {@link #original} undoes it.
     */
    public static String escaped(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return "=+-@\t\r'".indexOf(first) >= 0 ? "'" + value : value;
    }

    /** The value as read, from a value as written to a rejects file. */
    public static String original(String written) {
        return written.startsWith("'") ? written.substring(1) : written;
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
                out.write(names.stream().map(RejectsFile::escaped).toList());
            }
            out.write(cells.stream().map(RejectsFile::escaped).toList());
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

    /** Closes the file; when nothing was rejected, removes a file an earlier run left at the path. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects to " + path + ": " + e.getMessage(), e);
        }
    }
}
