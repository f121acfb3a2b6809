package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The blocks of COPY text go out as the bytes {@code String.getBytes(UTF_8)} gives them, now encoded into buffers a
 * thread's blocks share: ASCII, Latin-1, emoji, an unpaired surrogate ({@code ?}), and blocks longer than the kept
 * buffers, one after another through the same buffers.
 */
class PgCopyUtf8BlocksTest {

    @Test
    void send_writesTheBytesOfGetBytes_andEmptiesTheText() throws SQLException {
        String lone = "unpaired \uD83D here";
        String longRow = "Zoë 😀 ".repeat(PgCopy.BLOCK); // 7 chars a repeat: beyond the kept buffers
        List<String> blocks = List.of("plain\tascii\n", "Königstraße 1 \"Hof\" 🏠\n", lone, longRow, "short again\n",
                "\\N\t" + "x".repeat(PgCopy.BLOCK + 100) + "\n");
        PgCopy.Utf8Blocks utf8 = new PgCopy.Utf8Blocks();
        for (String block : blocks) {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            StringBuilder text = new StringBuilder(block);

            utf8.send(capturing(sent), text);

            assertArrayEquals(block.getBytes(StandardCharsets.UTF_8), sent.toByteArray(),
                    () -> "block of " + block.length() + " chars starting " + block.substring(0, 12));
            assertEquals(0, text.length(), "the text is emptied for the next block");
        }
    }

    /** A COPY that keeps the bytes written to it. */
    private static CopyIn capturing(ByteArrayOutputStream sent) {
        return (CopyIn) Proxy.newProxyInstance(CopyIn.class.getClassLoader(), new Class<?>[] {CopyIn.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("writeToCopy") || args.length != 3) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    sent.write((byte[]) args[0], (int) args[1], (int) args[2]);
                    return null;
                });
    }
}
