package dev.crmkit.examples.cli.leadimport;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A text file holds bytes that are not valid in its encoding: the first such bytes, with the physical line they are
 * on and their offset from the start of the file. Nothing is ever replaced by {@code U+FFFD}; reading stops here.
 */
public final class BadEncodingException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long byteOffset;

    /**
     * The first bad bytes of a file.
     *
     * @param line       the physical line they are on, 1-based
     * @param byteOffset the offset of the first bad byte from the start of the file, 0-based
     * @param bad        the bad bytes (at most a few are shown)
     * @param charset    the encoding the file was read in
     */
    public BadEncodingException(long line, long byteOffset, byte[] bad, Charset charset) {
        super(String.format(Locale.ROOT, "line %d, byte offset %d: %s %s not valid %s; if the file is in "
                        + "another encoding, name it with --encoding (for example --encoding ISO-8859-1 or "
                        + "--encoding windows-1252)", line, byteOffset, bad.length == 1 ? "byte" : "bytes",
                hex(bad) + (bad.length == 1 ? " is" : " are"), charset.name()));
        this.line = line;
        this.byteOffset = byteOffset;
    }

    private static String hex(byte[] bad) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bad.length, 4); i++) {
            out.append(i == 0 ? "" : " ").append("0x").append(HexFormat.of().withUpperCase().toHexDigits(bad[i]));
        }
        return out.toString();
    }

    /** The physical line of the first bad byte, 1-based. */
    public long line() {
        return line;
    }

    /** The offset of the first bad byte from the start of the file, 0-based. */
    public long byteOffset() {
        return byteOffset;
    }
}
