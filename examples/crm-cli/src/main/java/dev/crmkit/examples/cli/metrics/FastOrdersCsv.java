package dev.crmkit.examples.cli.metrics;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.examples.cli.Numbers;
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
 * non-ASCII blanks) go through the same parsers as the record-by-record reader. Not thread-safe; one per read.
 */
final class FastOrdersCsv {

    private static final int BUFFER = 1 << 20;
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

    private final String[] columns;
    private final Currency currency;
    private final int decimals;
    private final Optional<Character> givenDelimiter;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private byte[] buffer = new byte[BUFFER];
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

    /** A reader of the named columns (customer, date, amount), amounts in the currency. */
    FastOrdersCsv(String customerColumn, String dateColumn, String amountColumn, Currency currency,
            Optional<Character> delimiter) {
        this.columns = new String[] {customerColumn, dateColumn, amountColumn};
        this.currency = currency;
        this.decimals = currency.getDefaultFractionDigits();
        this.givenDelimiter = delimiter;
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
            return readAll();
        } catch (GiveUp e) {
            return null;
        }
    }

    private OrderBook readAll() throws IOException, GiveUp {
        fill(0);
        int pos = header();
        while (true) {
            if (pos >= limit) {
                if (endOfInput) {
                    break;
                }
                pos = fill(pos);
                continue;
            }
            int end = record(pos);
            if (end < 0) {
                if (endOfInput) {
                    throw GIVE_UP;
                }
                pos = fill(pos);
                continue;
            }
            pos = end;
        }
        if (size == 0) {
            throw GIVE_UP;
        }
        return OrderBook.ofColumns(currency, customers.ids(), Arrays.copyOf(customerOf, size),
                Arrays.copyOf(epochDay, size), Arrays.copyOf(minorUnits, size));
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
                        throw GIVE_UP;
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
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) {
                return checkedDay(LocalDate.of(year, month, day).toEpochDay());
            }
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                try {
                    return checkedDay(LocalDate.of(year, month, day).toEpochDay());
                } catch (DateTimeException e) {
                    throw GIVE_UP;
                }
            }
        }
        try {
            return checkedDay(CsvCells.calendarDate(text(b).strip()).toEpochDay());
        } catch (DateTimeException e) {
            throw GIVE_UP;
        }
    }

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
            int length = to - from;
            long key;
            if (length <= 7) {
                key = (long) length << 56;
                for (int i = 0; i < length; i++) {
                    key |= (b[from + i] & 0xffL) << (8 * i);
                }
            } else {
                int h = 1;
                for (int i = from; i < to; i++) {
                    h = 31 * h + b[i];
                }
                key = LONG_KEY | ((long) length << 32) | (h & 0xffffffffL);
            }
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
