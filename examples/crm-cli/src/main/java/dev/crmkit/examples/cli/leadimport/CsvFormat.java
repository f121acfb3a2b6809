package dev.crmkit.examples.cli.leadimport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How a CSV file is written: its encoding (UTF-8 unless told otherwise; bytes that are not valid in it are refused,
 * never replaced) and its delimiter (detected from the header line unless told). Immutable.
 *
 * @param charset   the file's encoding
 * @param delimiter the value separator; empty to detect {@code ,}, {@code ;} or tab from the header line
 */
public record CsvFormat(Charset charset, Optional<Character> delimiter) {

    /** UTF-8, delimiter detected from the header line. */
    public static final CsvFormat UTF_8 = new CsvFormat(StandardCharsets.UTF_8, Optional.empty());

    /** The delimiters detected in a header line, in order of preference on a tie. */
    static final String DETECTED = ",;\t";

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the delimiter is a quote or a line break
     */
    public CsvFormat {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(delimiter, "delimiter");
        delimiter.ifPresent(d -> {
            if (d == '"' || d == '\n' || d == '\r') {
                throw new IllegalArgumentException("a delimiter cannot be a quote or a line break");
            }
        });
    }

    /** A file in this encoding, the delimiter detected from its header line. */
    public static CsvFormat of(Charset charset) {
        return new CsvFormat(charset, Optional.empty());
    }

    /** This format with the given delimiter instead of detecting one. */
    public CsvFormat withDelimiter(char delimiter) {
        return new CsvFormat(charset, Optional.of(delimiter));
    }

    /**
     * The delimiter of a header line: whichever of {@code ,}, {@code ;} and tab occurs most often outside quotes;
     * a comma when none does.
     */
    static char detect(CharSequence headerLine) {
        int[] counts = new int[DETECTED.length()];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && DETECTED.indexOf(c) >= 0) {
                counts[DETECTED.indexOf(c)]++;
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return DETECTED.charAt(best);
    }

    /** How people write the delimiter: {@code ","}, {@code ";"} or {@code tab}. */
    public static String describe(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }
}
