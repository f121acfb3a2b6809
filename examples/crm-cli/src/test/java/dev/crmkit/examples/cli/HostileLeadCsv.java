package dev.crmkit.examples.cli;

import org.quicktheories.core.Gen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * A generator of hostile lead CSV files for {@code crm import}: well-formed files full of awkward values (formulas,
 * duplicates, huge cells, control characters, unknown sources, bad e-mails), in UTF-8, UTF-16 or ISO-8859-1, with
 * comma, semicolon or tab; and broken ones (a byte that is not UTF-8, an unclosed quote, random bytes, JSON, a header
 * with no lead column, an unwritable rejects file, bad option values, an empty file). Each case says what must come
 * of it.
 */
final class HostileLeadCsv {

    /** What a case must end in. */
    enum Expect {
        /** Exit 0 and the counts add up to the rows written. */
        IMPORTED,
        /** Exit 1, one line, the store unchanged. */
        FILE_REFUSED,
        /** Exit 2, one line, the store unchanged. */
        ARGUMENT_REFUSED,
        /** Either imported with counts that add up, or refused as a file. */
        EITHER
    }

    /**
     * One case.
     *
     * @param bytes   the file
     * @param options options beyond the file, {@code --as-of} and {@code --format json}; {@code REJECTS_DIR} in a
     *                value stands for a folder that does not exist
     * @param expect  what must come of it
     * @param rows    the records after the header, or -1 when unknown
     * @param label   what kind of case it is, for a failure message
     * @param mustSay a text the error must contain when refused, or empty
     */
    record Case(byte[] bytes, List<String> options, Expect expect, long rows, String label, String mustSay) {
        @Override
        public String toString() {
            return label + " " + options + " (" + bytes.length + " bytes, " + rows + " rows): "
                    + new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1);
        }
    }

    /** Stands for a folder that does not exist in a {@code --rejects} value. */
    static final String MISSING_FOLDER = "<missing-folder>";

    private static final String[] COLUMNS = {"first_name", "last_name", "email", "phone", "company", "source",
        "owner", "request", "campaign", "language", "submitted_at", "budget", "product", "favourite_colour"};
    private static final String[] WEIRD = {"", " ", "Ann", "Jos\u00e9 Garc\u00eda", "=1+1", "+49 30 1234567",
        "-2+3", "@SUM(A1)", "\tTab", "\rCR", "'quoted", "\"", "a\"b", "line\nbreak", "crlf\r\nbreak", "a,b;c\td",
        "\u0000nul", "\u0001\u0007\u001b[2J", "\u202Eevil", "\uD83D\uDE00 emoji", "\uFFFD", "\uFEFFbom",
        "' OR 1=1; DROP TABLE crm_lead; --", "<script>alert(1)</script>", "null", "NaN", "1e999999999",
        "\u00df\u00e4\u00f6\u00fc", "\u4e2d\u6587", "  padded  "};
    private static final String[] EMAILS = {"ann@example.com", "ANN@example.com ", "bob@example.com",
        "joerg@m\u00fcller.de", "x@@y", "", "no-at-sign", "cid@example.com", "=HYPERLINK(\"http://x\")@a.de"};
    private static final String[] PHONES = {"", "+49 30 1234567", "030 1234567", "+49 30 901820 ext. 12",
        "+49 30 901820;ext=5", "abc", "+1", "00000000000000000000000000"};
    private static final String[] SOURCES = {"", "web form", "chat", "landing", "carrier pigeon", "trade fair 2026",
        "=cmd|' /C calc'!A0", "WEB FORM"};
    private static final String[] TIMES = {"", "2026-11-22T07:42:00+01:00", "2026-11-22T07:42", "yesterday",
        "+999999999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-02-30T00:00"};
    private static final String[] LANGUAGES = {"", "de", "en-GB", "xx-INVALID-TAG-123", "\u0000"};
    private static final String[] BUDGETS = {"", "EUR 10.00", "10", "-5", "1e999999999", "EUR 1e300", "abc"};
    private static final String[] PRODUCTS = {"", "crm-pro", "crm-starter", "nope"};
    private static final String[] OWNERS = {"", "ben", " anna ", "x y", "\u0001"};

    private HostileLeadCsv() {
    }

    /** Every kind of case, from a seed and a kind drawn by QuickTheories. */
    static Gen<Case> cases() {
        return longs().all().zip(integers().between(0, 99), (seed, kind) -> build(new Random(seed), kind));
    }

    private static Case build(Random r, int kind) {
        if (kind < 60) {
            return wellFormed(r);
        }
        if (kind < 68) {
            return badUtf8(r);
        }
        if (kind < 76) {
            return unclosedQuote(r);
        }
        if (kind < 82) {
            byte[] bytes = new byte[r.nextInt(300)];
            r.nextBytes(bytes);
            return new Case(bytes, List.of(), Expect.EITHER, -1, "random bytes", "");
        }
        if (kind < 86) {
            String json = "{\"leads\": [{\"email\": \"ann@example.com\", \"first_name\": \"Ann\"}]}\n";
            return new Case(json.getBytes(StandardCharsets.UTF_8), List.of(), Expect.FILE_REFUSED, -1, "json",
                    "not a lead CSV");
        }
        if (kind < 90) {
            return noLeadColumn(r);
        }
        if (kind < 94) {
            Case good = wellFormed(r);
            List<String> options = new ArrayList<>(good.options());
            options.addAll(List.of("--rejects", MISSING_FOLDER));
            return new Case(good.bytes(), options, Expect.ARGUMENT_REFUSED, good.rows(), "unwritable rejects",
                    "rejected rows cannot be written");
        }
        if (kind < 97) {
            Case good = wellFormed(r);
            List<String> options = new ArrayList<>(good.options());
            String[][] bad = {{"--delimiter", "ab"}, {"--delimiter", "\""}, {"--encoding", "klingon-8"},
                {"--batch-size", "0"}, {"--delimiter", ""}};
            options.addAll(List.of(bad[r.nextInt(bad.length)]));
            return new Case(good.bytes(), options, Expect.ARGUMENT_REFUSED, good.rows(), "bad option", "");
        }
        byte[][] empty = {{}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'\n', '\n'}, {'\r', '\n'}};
        return new Case(empty[r.nextInt(empty.length)], List.of(), Expect.FILE_REFUSED, -1, "empty", "");
    }

    private static Case wellFormed(Random r) {
        List<String> columns = new ArrayList<>(List.of("email", "external_id"));
        for (String c : COLUMNS) {
            if (!columns.contains(c) && r.nextInt(3) == 0) {
                columns.add(c);
            }
        }
        Collections.shuffle(columns, r);
        char delimiter = ",,,,;\t".charAt(r.nextInt(6));
        String newline = r.nextBoolean() ? "\n" : "\r\n";
        int encoding = r.nextInt(10);
        Charset charset = encoding < 8 ? StandardCharsets.UTF_8
                : encoding == 8 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16;
        StringBuilder text = new StringBuilder(encoding == 0 ? "\uFEFF" : "");
        List<String> header = columns.stream().map(c -> r.nextInt(5) == 0 ? c.toUpperCase() : c).toList();
        text.append(String.join(String.valueOf(delimiter), header)).append(newline);
        int rows = r.nextInt(13);
        for (int i = 0; i < rows; i++) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(cell(quotable(value(r, column), charset), delimiter, r));
            }
            text.append(String.join(String.valueOf(delimiter), cells)).append(newline);
            if (r.nextInt(8) == 0) {
                text.append(newline);
            }
        }
        List<String> options = new ArrayList<>();
        if (charset != StandardCharsets.UTF_8 || r.nextInt(10) == 0) {
            options.addAll(List.of("--encoding", charset.name()));
        }
        if (r.nextInt(3) == 0) {
            options.addAll(List.of("--delimiter", delimiter == '\t' ? "tab" : String.valueOf(delimiter)));
        }
        options.addAll(List.of("--batch-size", Integer.toString(1 + r.nextInt(6))));
        return new Case(text.toString().getBytes(charset), options, Expect.IMPORTED, rows,
                "well-formed " + charset.name(), "");
    }

    private static String value(Random r, String column) {
        if (r.nextInt(40) == 0) {
            return "x".repeat(1 + r.nextInt(r.nextInt(10) == 0 ? 200_000 : 5_000));
        }
        if (r.nextInt(6) == 0) {
            return WEIRD[r.nextInt(WEIRD.length)];
        }
        switch (column) {
            case "email":
                return EMAILS[r.nextInt(EMAILS.length)];
            case "external_id":
                return "e" + r.nextInt(r.nextBoolean() ? 5 : 1_000_000);
            case "phone":
                return PHONES[r.nextInt(PHONES.length)];
            case "source":
                return SOURCES[r.nextInt(SOURCES.length)];
            case "submitted_at":
                return TIMES[r.nextInt(TIMES.length)];
            case "language":
                return LANGUAGES[r.nextInt(LANGUAGES.length)];
            case "budget":
                return BUDGETS[r.nextInt(BUDGETS.length)];
            case "product":
                return PRODUCTS[r.nextInt(PRODUCTS.length)];
            case "owner":
                return OWNERS[r.nextInt(OWNERS.length)];
            default:
                return WEIRD[r.nextInt(WEIRD.length)];
        }
    }

    /** The value with what the charset cannot hold as '?'. */
    private static String quotable(String value, Charset charset) {
        if (charset != StandardCharsets.ISO_8859_1) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(c <= 0xFF ? c : '?'));
        return out.toString();
    }

    /** A cell as written: quoted when it must be (or at random), quotes doubled. */
    private static String cell(String value, char delimiter, Random r) {
        boolean must = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.isBlank() && !value.isEmpty();
        return must || r.nextInt(5) == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** A well-formed file in UTF-8. */
    private static Case wellFormedUtf8(Random r) {
        Case good = wellFormed(r);
        while (!good.label().endsWith("UTF-8")) {
            good = wellFormed(r);
        }
        return good;
    }

    private static Case badUtf8(Random r) {
        Case good = wellFormedUtf8(r);
        byte[] bytes = good.bytes();
        int at = r.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(r.nextBoolean() ? 0xFF : 0xC0);
        out.write(bytes, at, bytes.length - at);
        int first = at; // inside a character, the decoder reports the character's first byte
        while (first < bytes.length && first > 0 && (bytes[first] & 0xC0) == 0x80) {
            first--;
        }
        return new Case(out.toByteArray(), good.options(), Expect.FILE_REFUSED, -1, "bad utf-8 byte at " + at,
                "byte offset " + first + ":");
    }

    private static Case unclosedQuote(Random r) {
        Case good = wellFormedUtf8(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(good.bytes());
        out.writeBytes(("\"never closed" + (r.nextBoolean() ? "" : "\nmore\n")).getBytes(StandardCharsets.UTF_8));
        return new Case(out.toByteArray(), good.options(), Expect.FILE_REFUSED, -1, "unclosed quote",
                "is not closed");
    }

    private static Case noLeadColumn(Random r) {
        String[] headers = {"colour,size,weight\nred,1,2\n", "\u0001\u0002\u0003,\u0004\n\u0005,\u0006\n",
            "\u001b[31mred\u001b[0m;x\n1;2\n", "PK\u0003\u0004\u0014\u0000\u0006\u0000\n", "GIF89a\n",
            "%PDF-1.7\n1 0 obj\n"};
        String text = headers[r.nextInt(headers.length)];
        return new Case(text.getBytes(StandardCharsets.UTF_8), List.of(), Expect.FILE_REFUSED, -1,
                "no lead column", "not a lead CSV");
    }
}
