package dev.crmkit.examples.cli.leadimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a CSV file with a header record, one record at a time, with Jackson's CSV parser (quoted values, embedded
 * separators, quotes and line breaks). Blank lines are skipped. The bytes are decoded strictly in the
 * {@link CsvFormat}'s encoding (UTF-8 by default): the first byte that is not valid in it ends the read with its line
 * and byte offset, and nothing is ever replaced by {@code U+FFFD}. The delimiter is the format's, or detected from the
 * header line ({@code ,}, {@code ;} or tab). Every failure to read is an {@link UncheckedIOException} whose message
 * names the line and quotes nothing of the file but a few printable characters. Not thread-safe.
 */
public final class CsvRecords implements Iterator<CsvRecord>, Closeable {

    /** How much of the file may precede the end of the header line for the delimiter to be detected. */
    private static final int HEADER_LIMIT = 1 << 16;

    /** The first read ahead for the header line; it doubles, up to {@link #HEADER_LIMIT}, while no line ends. */
    private static final int FIRST_READ = 1 << 9;

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final CsvParser parser;
    private final char delimiter;
    private final List<String> header;
    private CsvRecord next;
    private UncheckedIOException failure;

    private CsvRecords(CsvParser parser, char delimiter) throws IOException {
        this.parser = parser;
        this.delimiter = delimiter;
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
     * Opens a UTF-8 CSV stream, detecting its delimiter, and reads its header.
     *
     * @throws IllegalArgumentException if the stream holds no header
     * @throws UncheckedIOException     if reading fails, a byte is not UTF-8 or the CSV is malformed
     */
    public static CsvRecords open(InputStream in) {
        return open(in, CsvFormat.UTF_8);
    }

    /**
     * Opens a CSV stream written in the format and reads its header.
     *
     * @throws IllegalArgumentException if the stream holds no header
     * @throws UncheckedIOException     if reading fails, a byte is not valid in the format's encoding or the CSV is
     *                                  malformed
     */
    public static CsvRecords open(InputStream in, CsvFormat format) {
        try {
            Reader text = new StrictTextReader(in, format.charset());
            char delimiter;
            if (format.delimiter().isPresent()) {
                delimiter = format.delimiter().get();
            } else {
                HeaderAhead ahead = HeaderAhead.read(text);
                delimiter = ahead.delimiter();
                text = ahead.text();
            }
            CsvParser parser = FACTORY.createParser(text);
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
            return new CsvRecords(parser, delimiter);
        } catch (IOException e) {
            throw unreadable(e, 1);
        }
    }

    /**
     * The text with its header line read ahead and pushed back (nothing consumed), and the delimiter detected from
     * that line.
     */
    private record HeaderAhead(PushbackReader text, char delimiter) {

        /**
         * Reads up to the end of the header line: a line break outside quotes, the end of the text or
         * {@link #HEADER_LIMIT} characters. The buffer grows with what is read, so a small file costs a small buffer.
         */
        static HeaderAhead read(Reader text) throws IOException {
            char[] read = new char[FIRST_READ];
            int length = 0;
            int lineEnd = -1;
            boolean quoted = false;
            while (lineEnd < 0 && length < HEADER_LIMIT) {
                if (length == read.length) {
                    read = Arrays.copyOf(read, Math.min(HEADER_LIMIT, read.length * 2));
                }
                int n = text.read(read, length, read.length - length);
                if (n < 0) {
                    break;
                }
                for (int i = length; i < length + n && lineEnd < 0; i++) {
                    if (read[i] == '"') {
                        quoted = !quoted;
                    } else if (!quoted && (read[i] == '\n' || read[i] == '\r')) {
                        lineEnd = i;
                    }
                }
                length += n;
            }
            char delimiter = CsvFormat.detect(CharBuffer.wrap(read, 0,
                    Math.min(lineEnd < 0 ? length : lineEnd, HEADER_LIMIT - 1)));
            PushbackReader ahead = new PushbackReader(text, Math.max(1, length));
            ahead.unread(read, 0, length);
            return new HeaderAhead(ahead, delimiter);
        }
    }

    /** The delimiter the file is read with, given or detected. */
    public char delimiter() {
        return delimiter;
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
            failure = unreadable(e, parser.currentLocation().getLineNr());
        }
        return current;
    }

    /**
     * The failure to read, as one line naming where: an encoding error names its own line and byte offset; a CSV
     * error its line, in the parser's words without its source description and with only printable characters.
     */
    private static UncheckedIOException unreadable(IOException e, long line) {
        if (e instanceof BadEncodingException) {
            return new UncheckedIOException(e.getMessage(), e);
        }
        if (e instanceof RecordException) {
            return new UncheckedIOException(e.getMessage(), e);
        }
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new UncheckedIOException("line " + line + ": " + Printable.of(message == null
                ? e.getClass().getSimpleName() : message), e);
    }

    /** A malformed record, with the line it starts on. */
    private static final class RecordException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordException(String message, Throwable cause) {
            super(message, cause);
        }
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
        try {
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new RecordException("line " + line + ": the file ends inside this record", null);
                }
                if (cells.isEmpty()) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                cells.add(parser.getText());
            }
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            long at = parser.currentLocation().getLineNr();
            if (message.startsWith("Missing closing quote")) {
                throw new RecordException("line " + line + ": a quoted value of the record starting here is not "
                        + "closed before the end of the file (line " + at + "); nothing after it can be read", e);
            }
            throw new RecordException("line " + line + ": " + Printable.of(message)
                    + (at != line ? " (at line " + at + ")" : ""), e);
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
