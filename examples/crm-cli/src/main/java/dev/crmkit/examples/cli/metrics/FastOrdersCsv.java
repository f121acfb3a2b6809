package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.Numbers;
import dev.crmkit.metrics.clv.CustomerSummaries;
import dev.crmkit.metrics.clv.TimeUnit;
import dev.crmkit.metrics.order.OrderBook;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;

/**
 * Reads a UTF-8 orders file straight from its bytes into the primitive columns of an {@link OrderBook}: no object per
 * row, customer ids interned to ints by their bytes (one {@code String} per customer), ISO dates to epoch days by
 * arithmetic, plain decimal amounts to minor units as longs. It reads what the record-by-record reader
 * ({@link OrdersCsv#readRecordByRecord}) reads, to the same book, and gives up on anything else: a row it would refuse,
 * a byte that is not UTF-8, a quote that does not enclose a whole value, a line of blanks, a header it cannot match.
 * Giving up returns {@code null}, and the caller reads the file record by record, which then produces the book or the
 * very error (file, line, column and rule) it always did. Values it cannot read by arithmetic (date-times, exponents,
 * non-ASCII blanks) go through the same parsers as the record-by-record reader. It also summarises a file for the
 * CLV models while reading it ({@link #summarise}): per customer the first and last purchase day, the number of
 * purchase days and the totals, no column per order, a big file in parallel chunks. Not thread-safe; one per read.
 */
final class FastOrdersCsv {

    private static final int BUFFER = 1 << 20;
    /**
     * The smallest read buffer. A reader's buffer is sized to its input (up to {@link #BUFFER}, grown when a record
     * needs more): a megabyte for every small file was most of the time of reading one (and, summarised in chunks,
     * one per chunk and another for the read in one piece).
     */
    private static final int MIN_BUFFER = 1 << 12;
    private static final int HEADER_LIMIT = 60_000;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final int FIRST_DAY = Math.toIntExact(LocalDate.of(CsvCells.FIRST_YEAR, 1, 1).toEpochDay());
    private static final int LAST_DAY = Math.toIntExact(LocalDate.of(CsvCells.LAST_YEAR, 12, 31).toEpochDay());

    /** The file cannot be read here: read it record by record. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();
    /** A chunk of a file read in parallel met a quote: read the file in one piece (quotes may hide line breaks). */
    private static final GiveUp NOT_PARALLEL = new GiveUp();
    /** A customer's orders within the observation are not in date order: summarise the book instead. */
    private static final GiveUp NOT_IN_ORDER = new GiveUp();

    /** Files from this size on are summarised in parallel chunks (one per processor, at most {@link #MAX_CHUNKS}). */
    static final long PARALLEL_BYTES = 8L << 20;
    private static final int MAX_CHUNKS = 4;

    private final String[] columns;
    private final Currency currency;
    private final int decimals;
    private final Optional<Character> givenDelimiter;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Sized by {@link #sizeBuffer} before the first {@link #fill}. */
    private byte[] buffer;
    private int limit;
    private boolean endOfInput;
    private InputStream in;

    private byte delimiter;
    private final int[] wanted = new int[3];
    private final int[] starts = new int[3];
    private final int[] ends = new int[3];
    private final boolean[] escaped = new boolean[3];
    private boolean high;

    private final Interner customers = new Interner();
    private int[] customerOf;
    private int[] epochDay;
    private long[] minorUnits;
    private int size;
    private long total;
    private byte[] scratch = new byte[64];

    /** Summarising: per customer, no column per order; orders after {@link #endDay} only interned and checked. */
    private boolean summarising;
    /** A chunk of a file read in parallel: any quote gives {@link #NOT_PARALLEL}. */
    private boolean chunk;
    private int endDay;
    /**
     * Per customer c, side by side so that an order costs one cache miss, not five: at 4c the number of purchase
     * days (0: no order up to the end of observation yet), at 4c + 1 the first day (high half) and the last day (low
     * half), at 4c + 2 the total and at 4c + 3 the first day's total, in minor units.
     */
    private long[] state;
    /** Why {@link #summarise} gave {@code null}: true when reading the book (and summarising it) may still work. */
    private boolean bookMayRead;

    /** A reader of the named columns (customer, date, amount), amounts in the currency. */
    FastOrdersCsv(String customerColumn, String dateColumn, String amountColumn, Currency currency,
            Optional<Character> delimiter) {
        this.columns = new String[] {customerColumn, dateColumn, amountColumn};
        this.currency = currency;
        this.decimals = currency.getDefaultFractionDigits();
        this.givenDelimiter = delimiter;
    }

    /** A reader of one chunk of rows, with the header's delimiter and columns. */
    private FastOrdersCsv(FastOrdersCsv header) {
        this(header.columns[0], header.columns[1], header.columns[2], header.currency, header.givenDelimiter);
        this.delimiter = header.delimiter;
        System.arraycopy(header.wanted, 0, wanted, 0, wanted.length);
        this.summarising = true;
        this.chunk = true;
        this.endDay = header.endDay;
        startSummary();
    }

    private void startSummary() {
        state = new long[4 << 10];
    }

    /**
     * The customers' summaries of a UTF-8 file, summarised while it is read (no column per order): what
     * {@link CustomerSummaries#of} gives for the book {@link #read} reads, or {@code null}. A file from
     * {@link #PARALLEL_BYTES} on is read in chunks split at line breaks, one per processor; each chunk interns its own
     * customers, and the chunks are merged in file order (the customers' order of first appearance is kept). Gives
     * {@code null} where {@link #read} gives up, and also when a customer's orders up to the end of observation are not
     * in date order or none is that early; then {@link #bookMayRead()} says to read and summarise the book.
     *
     * @throws IOException if the file cannot be read
     */
    CustomerSummaries summarise(Path file, LocalDate observationEnd, TimeUnit unit) throws IOException {
        long bytes = Files.size(file);
        int processors = Runtime.getRuntime().availableProcessors();
        return summarise(file, observationEnd, unit, bytes >= PARALLEL_BYTES ? Math.min(processors, MAX_CHUNKS) : 1);
    }

    /** {@link #summarise(Path, LocalDate, TimeUnit)} in (at most) the given number of chunks. */
    CustomerSummaries summarise(Path file, LocalDate observationEnd, TimeUnit unit, int chunks) throws IOException {
        bookMayRead = false;
        if (decimals < 0 || decimals >= POWERS.length
                || givenDelimiter.map(d -> d > 0x7f).orElse(false)) {
            return null;
        }
        long end = observationEnd.toEpochDay();
        if (end != (int) end) {
            bookMayRead = true;
            return null;
        }
        endDay = (int) end;
        summarising = true;
        startSummary();
        long bytes = Files.size(file);
        long[] splits = chunks > 1 ? splits(file, bytes, chunks) : new long[] {0, bytes};
        try {
            if (splits.length > 2) {
                try {
                    return inChunks(file, splits, unit);
                } catch (GiveUp e) {
                    if (e != NOT_PARALLEL) {
                        throw e;
                    }
                    reset();
                }
            }
            try (InputStream stream = Files.newInputStream(file)) {
                in = stream;
                sizeBuffer(bytes);
                fill(0);
                rows(header());
            }
            return summaries(unit);
        } catch (GiveUp e) {
            bookMayRead = e == NOT_IN_ORDER;
            return null;
        }
    }

    /** Whether the book may still be read where {@link #summarise} gave {@code null} (see there). */
    boolean bookMayRead() {
        return bookMayRead;
    }

    /** Back to the state before reading, for a second read of the file in one piece. */
    private void reset() {
        limit = 0;
        endOfInput = false;
        chunk = false;
        customers.clear();
        size = 0;
        total = 0;
        batched = 0;
        startSummary();
    }

    /**
     * The chunks' bounds: 0, then for each further chunk the byte after the first line feed from its share of the
     * file on, then the file's size; fewer chunks where line feeds are too far apart.
     */
    private static long[] splits(Path file, long bytes, int chunks) throws IOException {
        long[] splits = new long[chunks + 1];
        int count = 1;
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            ByteBuffer window = ByteBuffer.allocate(1 << 16);
            for (int k = 1; k < chunks; k++) {
                long at = Math.max(bytes * k / chunks, splits[count - 1]);
                long found = -1;
                while (found < 0 && at < bytes) {
                    window.clear();
                    int n = channel.read(window, at);
                    if (n <= 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        if (window.get(i) == '\n') {
                            found = at + i + 1;
                            break;
                        }
                    }
                    at += n;
                }
                if (found > splits[count - 1] && found < bytes) {
                    splits[count++] = found;
                }
            }
        }
        splits[count++] = bytes;
        return Arrays.copyOf(splits, count);
    }

    /** Reads the chunks (this reader the first, with the header; threads the others) and merges them in order. */
    private CustomerSummaries inChunks(Path file, long[] splits, TimeUnit unit) throws IOException, GiveUp {
        int chunks = splits.length - 1;
        FastOrdersCsv[] readers = new FastOrdersCsv[chunks];
        Object[] outcomes = new Object[chunks];
        Thread[] threads = new Thread[chunks];
        chunk = true;
        try (InputStream stream = new Bounded(Files.newInputStream(file), splits[1])) {
            in = stream;
            sizeBuffer(splits[1]);
            fill(0);
            int pos;
            try {
                pos = header();
            } catch (GiveUp e) {
                throw NOT_PARALLEL;
            }
            readers[0] = this;
            for (int k = 1; k < chunks; k++) {
                FastOrdersCsv reader = new FastOrdersCsv(this);
                readers[k] = reader;
                long from = splits[k];
                long to = splits[k + 1];
                int index = k;
                threads[k] = new Thread(() -> {
                    try (InputStream part = Files.newInputStream(file)) {
                        part.skipNBytes(from);
                        reader.in = new Bounded(part, to - from);
                        reader.sizeBuffer(to - from);
                        reader.fill(0);
                        reader.rows(0);
                    } catch (GiveUp | IOException | RuntimeException | Error e) {
                        outcomes[index] = e;
                    }
                }, "orders-chunk-" + k);
                threads[k].setDaemon(true);
                threads[k].start();
            }
            try {
                rows(pos);
            } catch (GiveUp e) {
                outcomes[0] = e;
            }
        } finally {
            for (int k = 1; k < chunks; k++) {
                if (threads[k] != null) {
                    join(threads[k]);
                }
            }
        }
        for (int k = 0; k < chunks; k++) {
            Object outcome = outcomes[k];
            if (outcome instanceof GiveUp e) {
                throw e;
            }
            if (outcome instanceof IOException e) {
                throw e;
            }
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            if (outcome instanceof Error e) {
                throw e;
            }
        }
        for (int k = 1; k < chunks; k++) {
            merge(readers[k]);
        }
        return summaries(unit);
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds a later chunk's customers and orders to this reader's (the chunk's orders follow this reader's). */
    private void merge(FastOrdersCsv later) throws GiveUp {
        if (later.total > Long.MAX_VALUE - total) {
            throw GIVE_UP;
        }
        total += later.total;
        size += later.size;
        Interner theirs = later.customers;
        later.ensureCustomer(theirs.count - 1);
        for (int l = 0; l < theirs.count; l++) {
            int c = customers.index(theirs.arena, theirs.offsets[l], theirs.offsets[l + 1]);
            ensureCustomer(c);
            long[] theirState = later.state;
            long days = theirState[4 * l];
            if (days == 0) {
                continue;
            }
            if (state[4 * c] == 0) {
                System.arraycopy(theirState, 4 * l, state, 4 * c, 4);
                continue;
            }
            int first = firstOf(theirState[4 * l + 1]);
            int last = lastOf(state[4 * c + 1]);
            if (first < last) {
                throw NOT_IN_ORDER;
            }
            if (first == last) {
                days--;
                if (first == firstOf(state[4 * c + 1])) {
                    state[4 * c + 3] += theirState[4 * l + 3];
                }
            }
            state[4 * c + 1] = days(firstOf(state[4 * c + 1]), lastOf(theirState[4 * l + 1]));
            state[4 * c] += days;
            state[4 * c + 2] += theirState[4 * l + 2];
        }
    }

    /** The summaries of the customers with an order up to the end of observation, in order of first appearance. */
    private CustomerSummaries summaries(TimeUnit unit) throws GiveUp {
        if (size == 0) {
            throw GIVE_UP;
        }
        int customerCount = customers.count;
        ensureCustomer(customerCount - 1);
        int rows = 0;
        for (int c = 0; c < customerCount; c++) {
            if (state[4 * c] > 0) {
                rows++;
            }
        }
        if (rows == 0) {
            throw NOT_IN_ORDER;
        }
        String[] ids = new String[rows];
        int[] frequency = new int[rows];
        double[] recency = new double[rows];
        double[] age = new double[rows];
        long[] repeat = new long[rows];
        double unitDays = unit.days();
        int row = 0;
        for (int c = 0; c < customerCount; c++) {
            if (state[4 * c] == 0) {
                continue;
            }
            int first = firstOf(state[4 * c + 1]);
            ids[row] = customers.id(c);
            frequency[row] = (int) state[4 * c] - 1;
            recency[row] = (lastOf(state[4 * c + 1]) - first) / unitDays;
            age[row] = ((long) endDay - first) / unitDays;
            repeat[row] = frequency[row] == 0 ? 0 : state[4 * c + 2] - state[4 * c + 3];
            row++;
        }
        return CustomerSummaries.ofColumns(currency, unit, ids, frequency, recency, age, repeat);
    }

    /** An input stream of at most {@code length} bytes of another. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * The book of a UTF-8 file, or {@code null} when it must be read record by record (see the class comment).
     *
     * @throws IOException if the file cannot be read
     */
    OrderBook read(Path file) throws IOException {
        if (decimals < 0 || decimals >= POWERS.length
                || givenDelimiter.map(d -> d > 0x7f).orElse(false)) {
            return null;
        }
        long bytes = Files.size(file);
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, bytes / 16));
        customerOf = new int[capacity];
        epochDay = new int[capacity];
        minorUnits = new long[capacity];
        try (InputStream stream = Files.newInputStream(file)) {
            in = stream;
            sizeBuffer(bytes);
            return readAll();
        } catch (GiveUp e) {
            return null;
        }
    }

    private OrderBook readAll() throws IOException, GiveUp {
        fill(0);
        rows(header());
        if (size == 0) {
            throw GIVE_UP;
        }
        return OrderBook.ofColumns(currency, customers.ids(), Arrays.copyOf(customerOf, size),
                Arrays.copyOf(epochDay, size), Arrays.copyOf(minorUnits, size));
    }

    /** Reads the records from {@code pos} to the end of the input. */
    private void rows(int start) throws IOException, GiveUp {
        plain = summarising && delimiter == ',' && wanted[0] == 0 && wanted[1] == 1 && wanted[2] == 2;
        int pos = start;
        while (true) {
            if (pos >= limit) {
                if (endOfInput) {
                    break;
                }
                flush();
                pos = fill(pos);
                continue;
            }
            int end = plain ? plainRecord(pos) : 0;
            if (end == 0) {
                end = record(pos);
            }
            if (end < 0) {
                if (endOfInput) {
                    throw GIVE_UP;
                }
                flush();
                pos = fill(pos);
                continue;
            }
            pos = end;
        }
        flush();
    }

    /** A fresh buffer for an input of {@code bytes} bytes: one byte more, so that one fill meets its end. */
    private void sizeBuffer(long bytes) {
        buffer = new byte[(int) Math.max(MIN_BUFFER, Math.min(BUFFER, bytes + 1))];
    }

    /**
     * Keeps the bytes from {@code pos} on, moved to the start of the buffer (grown when they fill it), and reads more
     * after them; the new position of {@code pos}.
     */
    private int fill(int pos) throws IOException {
        int kept = limit - pos;
        if (pos == 0 && kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else {
            System.arraycopy(buffer, pos, buffer, 0, kept);
        }
        limit = kept;
        while (limit < buffer.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
                break;
            }
            limit += n;
        }
        return 0;
    }

    /** Reads the header (the first line), picks the delimiter and finds the three columns; where the rows start. */
    private int header() throws IOException, GiveUp {
        if (limit == 0 || buffer[0] == '\n' || buffer[0] == '\r') {
            throw GIVE_UP;
        }
        int lineEnd = 0;
        boolean quoted = false;
        int[] counts = new int[3];
        while (true) {
            if (lineEnd >= limit) {
                if (endOfInput || lineEnd >= HEADER_LIMIT) {
                    throw GIVE_UP;
                }
                fill(0);
                continue;
            }
            byte b = buffer[lineEnd];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            } else if (!quoted) {
                counts[b == ',' ? 0 : b == ';' ? 1 : b == '\t' ? 2 : 0] += b == ',' || b == ';' || b == '\t' ? 1 : 0;
            }
            lineEnd++;
        }
        delimiter = (byte) (char) givenDelimiter.orElse(detected(counts));
        return headerFields(lineEnd);
    }

    private static char detected(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return ",;\t".charAt(best);
    }

    private int headerFields(int lineEnd) throws GiveUp {
        java.util.List<String> names = new java.util.ArrayList<>();
        int pos = 0;
        while (true) {
            int start = pos;
            boolean quoted = pos < lineEnd && buffer[pos] == '"';
            int valueEnd;
            if (quoted) {
                pos++;
                while (true) {
                    if (pos >= lineEnd) {
                        throw GIVE_UP;
                    }
                    if (buffer[pos] == '"') {
                        if (pos + 1 < lineEnd && buffer[pos + 1] == '"') {
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    pos++;
                }
                valueEnd = pos;
                pos++;
                names.add(decode(start + 1, valueEnd).replace("\"\"", "\""));
            } else {
                while (pos < lineEnd && buffer[pos] != delimiter) {
                    if (buffer[pos] == '"') {
                        throw GIVE_UP;
                    }
                    pos++;
                }
                names.add(decode(start, pos));
            }
            if (pos < lineEnd && buffer[pos] == delimiter) {
                pos++;
                continue;
            }
            if (pos != lineEnd) {
                throw GIVE_UP;
            }
            break;
        }
        names.set(0, names.get(0).replace("\uFEFF", ""));
        for (int c = 0; c < 3; c++) {
            wanted[c] = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).strip().equalsIgnoreCase(columns[c])) {
                    wanted[c] = i;
                    break;
                }
            }
            if (wanted[c] < 0) {
                throw GIVE_UP;
            }
        }
        return lineEnd + lineBreak(lineEnd);
    }

    /** The length of the line break at {@code pos}: 2 for CR LF, 1 for LF or CR (0 at the end of the buffer). */
    private int lineBreak(int pos) {
        if (pos >= limit) {
            return 0;
        }
        if (buffer[pos] == '\r' && pos + 1 < limit && buffer[pos + 1] == '\n') {
            return 2;
        }
        return 1;
    }

    /**
     * Reads the record starting at {@code pos} and adds its order; the position after its line break, or -1 when the
     * buffer ends inside it (a CR at the very end counts as inside, its LF may follow).
     */
    private int record(int pos) throws GiveUp {
        byte[] buf = buffer;
        byte first = buf[pos];
        if (first == '\n') {
            return pos + 1;
        }
        if (first == '\r') {
            if (pos + 1 >= limit && !endOfInput) {
                return -1;
            }
            return pos + 1 + (pos + 1 < limit && buf[pos + 1] == '\n' ? 1 : 0);
        }
        int start = pos;
        high = false;
        starts[0] = -1;
        starts[1] = -1;
        starts[2] = -1;
        int column = 0;
        int lim = limit;
        byte delim = delimiter;
        while (true) {
            int fieldStart = pos;
            boolean quotes = false;
            int valueStart;
            int valueEnd;
            if (pos < lim && buf[pos] == '"') {
                if (chunk) {
                    throw NOT_PARALLEL;
                }
                pos++;
                valueStart = pos;
                while (true) {
                    if (pos >= lim) {
                        return -1;
                    }
                    byte b = buf[pos];
                    if (b == '"') {
                        if (pos + 1 >= lim) {
                            if (!endOfInput) {
                                return -1;
                            }
                            break;
                        }
                        if (buf[pos + 1] == '"') {
                            quotes = true;
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    if (b < 0) {
                        high = true;
                    }
                    pos++;
                }
                valueEnd = pos;
                pos++;
                if (pos < lim && buf[pos] != delim && buf[pos] != '\n' && buf[pos] != '\r') {
                    throw GIVE_UP;
                }
            } else {
                valueStart = fieldStart;
                while (pos < lim) {
                    byte b = buf[pos];
                    if (b == delim || b == '\n' || b == '\r') {
                        break;
                    }
                    if (b == '"') {
                        throw chunk ? NOT_PARALLEL : GIVE_UP;
                    }
                    if (b < 0) {
                        high = true;
                    }
                    pos++;
                }
                valueEnd = pos;
            }
            for (int c = 0; c < 3; c++) {
                if (wanted[c] == column) {
                    starts[c] = valueStart;
                    ends[c] = valueEnd;
                    escaped[c] = quotes;
                }
            }
            if (pos >= lim) {
                if (!endOfInput) {
                    return -1;
                }
                break;
            }
            byte b = buf[pos];
            if (b == delim) {
                pos++;
                column++;
                continue;
            }
            if (b == '\r' && pos + 1 >= lim && !endOfInput) {
                return -1;
            }
            break;
        }
        if (column == 0 && isBlankLine(start, pos)) {
            throw GIVE_UP;
        }
        if (high) {
            checkUtf8(start, pos);
        }
        add();
        return pos + lineBreak(pos);
    }

    /** Whether {@link #plainRecord} may be tried: summarising a file whose first three columns are the wanted ones. */
    private boolean plain;

    /**
     * Reads the record at {@code pos} when it is plain: an id of printable ASCII bytes (no blank, quote or comma), a
     * date {@code YYYY-MM-DD} and a plain decimal amount, separated by commas and ended by a line break within the
     * buffer; adds its order as {@link #addToSummary} does and gives the position after the line break. Anything else
     * (a blank, a quote, a fourth cell, another form of a value, the end of the buffer) gives 0, and {@link #record}
     * reads the record, by the rules that decide every other record: what it reads is what {@link #record} would read.
     */
    private int plainRecord(int pos) throws GiveUp {
        byte[] b = buffer;
        int lim = limit;
        int i = pos;
        while (i < lim) {
            byte c = b[i];
            if (c == ',') {
                break;
            }
            if (c <= ' ' || c == '"') {
                return 0;
            }
            i++;
        }
        int from = pos;
        int to = i;
        if (to == from || i + 12 >= lim || b[i + 5] != '-' || b[i + 8] != '-' || b[i + 11] != ',') {
            return 0;
        }
        int year = digits(b, i + 1, 4);
        int month = digits(b, i + 6, 2);
        int dayOfMonth = digits(b, i + 9, 2);
        if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > lengthOfMonth(year, month)) {
            return 0;
        }
        long epoch = epochDay(year, month, dayOfMonth);
        if (epoch < FIRST_DAY || epoch > LAST_DAY) {
            return 0;
        }
        int amountFrom = i + 12;
        i = amountFrom;
        while (i < lim && ((b[i] >= '0' && b[i] <= '9') || b[i] == '.')) {
            i++;
        }
        if (i >= lim || (b[i] != '\n' && b[i] != '\r') || (b[i] == '\r' && i + 1 >= lim && !endOfInput)) {
            return 0;
        }
        long minor = plainMinor(b, amountFrom, i);
        if (minor < 0 || minor > Long.MAX_VALUE - total) {
            return 0;
        }
        total += minor;
        size++;
        batch(from, to, (int) epoch, minor);
        return i + lineBreak(i);
    }

    /** A line of nothing but blanks: whether the CSV parser skips it as empty is its business, not this reader's. */
    private boolean isBlankLine(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!asciiBlank(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    private void checkUtf8(int from, int to) throws GiveUp {
        try {
            decoder.reset().decode(ByteBuffer.wrap(buffer, from, to - from));
        } catch (CharacterCodingException e) {
            throw GIVE_UP;
        }
    }

    private String decode(int from, int to) throws GiveUp {
        try {
            return decoder.reset().decode(ByteBuffer.wrap(buffer, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw GIVE_UP;
        }
    }

    private void add() throws GiveUp {
        for (int c = 0; c < 3; c++) {
            if (starts[c] < 0) {
                throw GIVE_UP;
            }
        }
        if (summarising) {
            addToSummary();
            return;
        }
        int customer = customer();
        int day = day();
        long minor = minor();
        if (minor > Long.MAX_VALUE - total) {
            throw GIVE_UP;
        }
        total += minor;
        if (size == customerOf.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, size + (size >> 1) + 16L);
            if (grown == size) {
                throw GIVE_UP;
            }
            customerOf = Arrays.copyOf(customerOf, grown);
            epochDay = Arrays.copyOf(epochDay, grown);
            minorUnits = Arrays.copyOf(minorUnits, grown);
        }
        customerOf[size] = customer;
        epochDay[size] = day;
        minorUnits[size] = minor;
        size++;
    }

    private static final int BATCH = 64;
    private final int[] batchFrom = new int[BATCH];
    private final int[] batchTo = new int[BATCH];
    private final int[] batchDay = new int[BATCH];
    private final long[] batchMinor = new long[BATCH];
    private final long[] batchKey = new long[BATCH];
    private final int[] batchCustomer = new int[BATCH];
    private int batched;
    /** What the loads that warm the cache read, kept so that the compiler keeps them. */
    private long warmed;

    /**
     * Adds the record to the summaries: an id of plain bytes in the buffer waits in a batch of {@value #BATCH}, whose
     * lookups {@link #flush()} makes together (their cache misses overlap instead of queueing one after another);
     * any other id flushes the batch and is looked up at once, so customers keep their order of first appearance.
     */
    private void addToSummary() throws GiveUp {
        byte[] bytes = trimmed(0);
        int from = cellFrom;
        int to = cellTo;
        int day = day();
        long minor = minor();
        if (minor > Long.MAX_VALUE - total) {
            throw GIVE_UP;
        }
        total += minor;
        size++;
        if (bytes == buffer && from < to && bytes[from] >= 0 && bytes[to - 1] >= 0) {
            batch(from, to, day, minor);
            return;
        }
        flush();
        int customer = customer();
        if (day <= endDay) {
            summariseOrder(customer, day, minor);
        }
    }

    /** Adds a record whose id is the buffer's bytes from {@code from} to {@code to} to the batch. */
    private void batch(int from, int to, int day, long minor) throws GiveUp {
        int i = batched++;
        batchFrom[i] = from;
        batchTo[i] = to;
        batchDay[i] = day;
        batchMinor[i] = minor;
        if (batched == BATCH) {
            flush();
        }
    }

    /** Looks up and adds the batched records, in their order; before the buffer's bytes move, and at the end. */
    private void flush() throws GiveUp {
        int n = batched;
        if (n == 0) {
            return;
        }
        batched = 0;
        byte[] bytes = buffer;
        for (int i = 0; i < n; i++) {
            batchKey[i] = Interner.key(bytes, batchFrom[i], batchTo[i]);
        }
        long sink = customers.warm(batchKey, n);
        for (int i = 0; i < n; i++) {
            batchCustomer[i] = customers.index(bytes, batchFrom[i], batchTo[i], batchKey[i]);
        }
        long[] s = state;
        for (int i = 0; i < n; i++) {
            int at = 4 * batchCustomer[i];
            if (at < s.length) {
                sink += s[at];
            }
        }
        warmed += sink;
        for (int i = 0; i < n; i++) {
            if (batchDay[i] <= endDay) {
                summariseOrder(batchCustomer[i], batchDay[i], batchMinor[i]);
            }
        }
    }

    /** Adds an order up to the end of observation to its customer's summary. */
    private void summariseOrder(int c, int day, long minor) throws GiveUp {
        ensureCustomer(c);
        long[] s = state;
        int at = 4 * c;
        if (s[at] == 0) {
            s[at] = 1;
            s[at + 1] = days(day, day);
            s[at + 2] = minor;
            s[at + 3] = minor;
            return;
        }
        long firstAndLast = s[at + 1];
        int last = lastOf(firstAndLast);
        if (day > last) {
            s[at + 1] = days(firstOf(firstAndLast), day);
            s[at]++;
        } else if (day < last) {
            throw NOT_IN_ORDER;
        } else if (day == firstOf(firstAndLast)) {
            s[at + 3] += minor;
        }
        s[at + 2] += minor;
    }

    private static long days(int first, int last) {
        return ((long) first << 32) | (last & 0xffffffffL);
    }

    private static int firstOf(long days) {
        return (int) (days >> 32);
    }

    private static int lastOf(long days) {
        return (int) days;
    }

    private void ensureCustomer(int c) {
        if (4L * c + 3 < state.length) {
            return;
        }
        long grown = Math.max(4L * c + 4, (state.length + (long) (state.length >> 1)) & ~3L);
        if (grown > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many customers to summarise: " + c);
        }
        state = Arrays.copyOf(state, (int) grown);
    }

    /** The bytes of cell {@code c} with doubled quotes undone: in {@link #scratch} when escaped. */
    private byte[] cellBytes(int c) {
        if (!escaped[c]) {
            return buffer;
        }
        int length = 0;
        if (scratch.length < ends[c] - starts[c]) {
            scratch = new byte[ends[c] - starts[c]];
        }
        for (int i = starts[c]; i < ends[c]; i++) {
            scratch[length++] = buffer[i];
            if (buffer[i] == '"') {
                i++;
            }
        }
        cellFrom = 0;
        cellTo = length;
        return scratch;
    }

    private int cellFrom;
    private int cellTo;

    /** Trims ASCII blanks (those {@link String#strip()} removes) off the cell into {@link #cellFrom}, {@link #cellTo}. */
    private byte[] trimmed(int c) {
        cellFrom = starts[c];
        cellTo = ends[c];
        byte[] bytes = cellBytes(c);
        while (cellFrom < cellTo && asciiBlank(bytes[cellFrom])) {
            cellFrom++;
        }
        while (cellTo > cellFrom && asciiBlank(bytes[cellTo - 1])) {
            cellTo--;
        }
        return bytes;
    }

    /** The characters below 128 that {@link Character#isWhitespace(int)} (and so {@link String#strip()}) takes. */
    private static boolean asciiBlank(byte b) {
        return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
    }

    private int customer() throws GiveUp {
        byte[] bytes = trimmed(0);
        if (cellFrom == cellTo) {
            throw GIVE_UP;
        }
        if (bytes[cellFrom] < 0 || bytes[cellTo - 1] < 0) {
            String id = text(bytes).strip();
            if (id.isEmpty()) {
                throw GIVE_UP;
            }
            byte[] encoded = id.getBytes(StandardCharsets.UTF_8);
            return customers.index(encoded, 0, encoded.length);
        }
        return customers.index(bytes, cellFrom, cellTo);
    }

    private String text(byte[] bytes) throws GiveUp {
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, cellFrom, cellTo - cellFrom));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw GIVE_UP;
        }
    }

    private int day() throws GiveUp {
        byte[] b = trimmed(1);
        int from = cellFrom;
        if (cellTo - from == 10 && b[from + 4] == '-' && b[from + 7] == '-') {
            int year = digits(b, from, 4);
            int month = digits(b, from + 5, 2);
            int day = digits(b, from + 8, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1) {
                if (day > lengthOfMonth(year, month)) {
                    throw GIVE_UP;
                }
                return checkedDay(epochDay(year, month, day));
            }
        }
        try {
            return checkedDay(CsvCells.calendarDate(text(b).strip()).toEpochDay());
        } catch (DateTimeException e) {
            throw GIVE_UP;
        }
    }

    /** The days in a month of a year from 0 to 9999 (proleptic Gregorian, as {@link LocalDate}). */
    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /**
     * {@link LocalDate#toEpochDay()} of a valid date of a year from 0 to 9999, by the same arithmetic, without the
     * object: days from 0000-01-01 to the first of the year and of the month, then from 1970-01-01.
     */
    static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= isLeap(year) ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    private static final long DAYS_0000_TO_1970 = 719_528L;

    private static int checkedDay(long epochDay) throws GiveUp {
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            throw GIVE_UP;
        }
        return (int) epochDay;
    }

    /** The value of {@code count} ASCII digits, -1 if any is not one. */
    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private long minor() throws GiveUp {
        byte[] b = trimmed(2);
        long plain = plainMinor(b, cellFrom, cellTo);
        if (plain >= 0) {
            return plain;
        }
        try {
            Money amount = Numbers.money(text(b).strip(), currency, false);
            return amount.amount().movePointRight(decimals).longValueExact();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw GIVE_UP;
        }
    }

    /**
     * The minor units of a plain decimal (digits, at most one dot, at least one digit, no sign or exponent) within
     * the bounds of {@link Numbers} and the currency's decimals; -1 for anything else, which the general parser
     * then reads or refuses.
     */
    private long plainMinor(byte[] b, int from, int to) {
        if (to - from > Numbers.MAX_LENGTH) {
            return -1;
        }
        long whole = 0;
        int significant = 0;
        int i = from;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            int digit = b[i] - '0';
            if (significant > 0 || digit != 0) {
                significant++;
            }
            if (significant > Numbers.MAX_INTEGER_DIGITS) {
                return -1;
            }
            whole = whole * 10 + digit;
            i++;
        }
        int digits = i - from;
        long fraction = 0;
        int fractionDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            int fractionStart = i;
            int significantEnd = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (b[i] != '0') {
                    significantEnd = i + 1;
                }
                i++;
            }
            digits += i - fractionStart;
            fractionDigits = significantEnd - fractionStart;
            if (fractionDigits > decimals) {
                return -1;
            }
            for (int k = fractionStart; k < significantEnd; k++) {
                fraction = fraction * 10 + (b[k] - '0');
            }
        }
        if (i != to || digits == 0) {
            return -1;
        }
        long fractionMinor = fraction * POWERS[decimals - fractionDigits];
        if (whole > (Long.MAX_VALUE - fractionMinor) / POWERS[decimals]) {
            return -1;
        }
        return whole * POWERS[decimals] + fractionMinor;
    }

    /**
     * Customer ids by their UTF-8 bytes: an open-addressing table whose slot holds a key and the customer's index side
     * by side, so that a row costs a hash and, mostly, one cache line. An id of up to 7 bytes is its own key (its bytes
     * and its length packed into a long); a longer one is keyed by its length and hash and compared with its bytes in
     * the arena. A customer costs one {@code String} at the end.
     */
    private static final class Interner {
        private static final long LONG_KEY = 1L << 63;

        private byte[] arena = new byte[1 << 16];
        private int arenaSize;
        private int[] offsets = new int[1 << 10];
        private int count;
        /** Per slot: the key at 2 s, the customer index + 1 at 2 s + 1 (0: empty). */
        private long[] table = new long[2 << 11];

        int index(byte[] b, int from, int to) throws GiveUp {
            return index(b, from, to, key(b, from, to));
        }

        /** The key of an id: its bytes and length packed, or (for more than 7 bytes) a flag, its length and hash. */
        static long key(byte[] b, int from, int to) {
            int length = to - from;
            if (length <= 7) {
                long key = (long) length << 56;
                for (int i = 0; i < length; i++) {
                    key |= (b[from + i] & 0xffL) << (8 * i);
                }
                return key;
            }
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return LONG_KEY | ((long) length << 32) | (h & 0xffffffffL);
        }

        /** Reads the first slot of each key, so that their cache misses are under way together; a sum to keep. */
        long warm(long[] keys, int n) {
            long[] t = table;
            int mask = (t.length >> 1) - 1;
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += t[2 * (mix(keys[i]) & mask) + 1];
            }
            return sum;
        }

        int index(byte[] b, int from, int to, long key) throws GiveUp {
            int length = to - from;
            int mask = (table.length >> 1) - 1;
            int slot = mix(key) & mask;
            while (true) {
                long entry = table[2 * slot + 1];
                if (entry == 0) {
                    break;
                }
                if (table[2 * slot] == key) {
                    int id = (int) entry - 1;
                    if (length <= 7 || Arrays.equals(arena, offsets[id], offsets[id + 1], b, from, to)) {
                        return id;
                    }
                }
                slot = (slot + 1) & mask;
            }
            return add(b, from, to, key, slot);
        }

        /** MurmurHash3's 64-bit finaliser: every bit of the key moves the low bits the table uses. */
        private static int mix(long key) {
            long h = key;
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            return (int) h;
        }

        private int add(byte[] b, int from, int to, long key, int slot) throws GiveUp {
            int length = to - from;
            if (arenaSize + (long) length > Integer.MAX_VALUE - 8 || count >= (1 << 28)) {
                throw GIVE_UP;
            }
            if (arenaSize + length > arena.length) {
                arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(arenaSize + (long) length, arena.length * 2L)));
            }
            if (count + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            System.arraycopy(b, from, arena, arenaSize, length);
            int id = count++;
            offsets[id] = arenaSize;
            arenaSize += length;
            offsets[id + 1] = arenaSize;
            table[2 * slot] = key;
            table[2 * slot + 1] = id + 1;
            if (count * 2L > table.length >> 1) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            long[] grown = new long[table.length * 2];
            int mask = (grown.length >> 1) - 1;
            for (int s = 0; s < table.length >> 1; s++) {
                if (table[2 * s + 1] != 0) {
                    int slot = mix(table[2 * s]) & mask;
                    while (grown[2 * slot + 1] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    grown[2 * slot] = table[2 * s];
                    grown[2 * slot + 1] = table[2 * s + 1];
                }
            }
            table = grown;
        }

        void clear() {
            arena = new byte[1 << 16];
            arenaSize = 0;
            offsets = new int[1 << 10];
            count = 0;
            table = new long[2 << 11];
        }

        /** The id of one customer (its bytes are valid UTF-8: every record was checked). */
        String id(int customer) {
            return new String(arena, offsets[customer], offsets[customer + 1] - offsets[customer],
                    StandardCharsets.UTF_8);
        }

        /** The ids in order of first appearance (the bytes are valid UTF-8: every record was checked). */
        String[] ids() {
            String[] ids = new String[count];
            for (int id = 0; id < count; id++) {
                ids[id] = new String(arena, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
            }
            return ids;
        }
    }
}
