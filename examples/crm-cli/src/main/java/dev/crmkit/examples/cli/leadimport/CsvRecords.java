package dev.crmkit.examples.cli.leadimport;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a UTF-8 CSV file with a header record, one record at a time, with Jackson's CSV parser (quoted values,
 * embedded separators, quotes and line breaks). Blank lines are skipped. Not thread-safe.
 */
public final class CsvRecords implements Iterator<CsvRecord>, Closeable {

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final CsvParser parser;
    private final List<String> header;
    private CsvRecord next;
    private UncheckedIOException failure;

    private CsvRecords(CsvParser parser) throws IOException {
        this.parser = parser;
        CsvRecord first = read();
        if (first == null) {
            throw new IllegalArgumentException("the file is empty: a CSV file needs a header line naming its columns");
        }
        List<String> names = new ArrayList<>(first.cells());
        names.set(0, names.get(0).replace("\uFEFF", ""));
        this.header = List.copyOf(names);
        this.next = read();
    }

    /**
     * Opens a CSV stream and reads its header.
     *
     * @throws IllegalArgumentException if the stream holds no header
     * @throws UncheckedIOException     if reading fails or the CSV is malformed
     */
    public static CsvRecords open(InputStream in) {
        try {
            CsvParser parser = FACTORY.createParser(new InputStreamReader(in, StandardCharsets.UTF_8));
            parser.setSchema(CsvSchema.emptySchema());
            return new CsvRecords(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column names of the header record, as written. */
    public List<String> header() {
        return header;
    }

    /** The index of the column with this name, ignoring case and surrounding blanks; -1 when there is none. */
    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of a column the file must have.
     *
     * @param source what is read, for the message (a file name)
     * @param hint   what the reader should know, for the message (which columns the file needs)
     * @throws IllegalArgumentException naming the source, the column, the header and the hint
     */
    public int requireColumn(Object source, String name, String hint) {
        int index = column(name);
        if (index < 0) {
            throw new IllegalArgumentException(source + " has no column " + name + " (its header: "
                    + String.join(",", header) + "; " + hint + ")");
        }
        return index;
    }

    /**
     * Whether there is another record, or the failure to read one: {@link #next()} then throws it.
     */
    @Override
    public boolean hasNext() {
        return next != null || failure != null;
    }

    /**
     * The next record.
     *
     * @throws UncheckedIOException if the next record cannot be read or is malformed (every record before it was
     *                              returned)
     */
    @Override
    public CsvRecord next() {
        if (next == null) {
            if (failure != null) {
                UncheckedIOException f = failure;
                failure = null;
                throw f;
            }
            throw new NoSuchElementException();
        }
        CsvRecord current = next;
        try {
            next = read();
        } catch (IOException e) { // reported on the next call: the record read before it is still returned
            next = null;
            failure = new UncheckedIOException("CSV line " + parser.currentLocation().getLineNr() + ": "
                    + e.getMessage(), e);
        }
        return current;
    }

    private CsvRecord read() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IOException("expected a record, got " + token);
        }
        // The first value's location is the record's physical line: quoted line breaks and skipped blank lines
        // are counted, which the location of the record's own start token does not do.
        long line = parser.currentLocation().getLineNr();
        List<String> cells = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("the file ends inside the record that starts on line " + line);
            }
            if (cells.isEmpty()) {
                line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return new CsvRecord(line, cells);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
