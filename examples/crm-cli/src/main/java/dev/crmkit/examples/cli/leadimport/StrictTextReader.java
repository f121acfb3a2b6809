package dev.crmkit.examples.cli.leadimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes a byte stream in one charset and refuses bytes that are not valid in it: the first bad bytes end the read
 * with a {@link BadEncodingException} naming their line and byte offset, after every character before them was
 * returned. Nothing is replaced by {@code U+FFFD}. A byte order mark is decoded as {@code U+FEFF} (UTF-8) or consumed
 * by the charset (UTF-16); the CSV reader drops it from the header. Not thread-safe.
 */
final class StrictTextReader extends Reader {

    /** The buffers' largest size, in bytes and in chars. */
    private static final int BUFFER = 1 << 14;
    /** The buffers' first size: they double, up to {@link #BUFFER}, while the input fills them. */
    private static final int FIRST_BUFFER = 1 << 9;

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private ByteBuffer bytes = ByteBuffer.allocate(FIRST_BUFFER).flip();
    private CharBuffer chars = CharBuffer.allocate(FIRST_BUFFER).flip();
    /** Whether the last read filled the byte buffer, and the last decoding the char buffer: then they grow. */
    private boolean bytesFilled;
    private boolean charsFilled;
    /** The file offset of {@code bytes}' index 0. */
    private long bufferOffset;
    private long line = 1;
    private boolean lastWasCr;
    private boolean endOfInput;
    private boolean finished;
    private BadEncodingException failure;

    StrictTextReader(InputStream in, Charset charset) {
        this.in = Objects.requireNonNull(in, "in");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Decodes the next characters; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (charsFilled && chars.capacity() < BUFFER) {
            chars = CharBuffer.allocate(chars.capacity() * 2);
        }
        chars.clear();
        charsFilled = false;
        long badOffset = -1;
        byte[] bad = null;
        try {
            while (chars.position() == 0 && !finished) {
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    badOffset = bufferOffset + bytes.position();
                    bad = Arrays.copyOfRange(bytes.array(), bytes.position(),
                            bytes.position() + Math.min(result.length(), bytes.remaining()));
                    break;
                }
                if (result.isOverflow()) {
                    charsFilled = true;
                    break;
                }
                if (endOfInput) {
                    decoder.flush(chars);
                    finished = true;
                } else {
                    fill();
                }
            }
        } finally {
            chars.flip();
        }
        countLines();
        if (bad != null) {
            failure = new BadEncodingException(line + (lastWasCr ? 1 : 0), badOffset, bad, charset);
            if (!chars.hasRemaining()) {
                throw failure;
            }
        }
        return chars.hasRemaining();
    }

    private void fill() throws IOException {
        bufferOffset += bytes.position();
        bytes.compact();
        if (bytesFilled && bytes.capacity() < BUFFER) {
            bytes = ByteBuffer.allocate(bytes.capacity() * 2).put(bytes.flip());
        }
        try {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            bytesFilled = n == bytes.remaining();
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
    }

    /** Counts the line breaks of the decoded characters: LF, CR LF and a lone CR each end a line. */
    private void countLines() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c == '\n') {
                line++;
            } else if (lastWasCr) {
                line++;
            }
            lastWasCr = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
