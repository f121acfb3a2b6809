package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blocks of COPY text go out as the bytes {@code String.getBytes(UTF_8)} gives them, now encoded into buffers
 * COPYs share in turn: ASCII, Latin-1, emoji, an unpaired surrogate ({@code ?}), and blocks longer than the kept
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

    /**
     * The buffers are kept by a pool of bounded size, not by every thread that ever ran a COPY: five COPYs at once
     * take five sets, of which a pool of two keeps two after; the next COPY takes a kept set again, and a set taken
     * by one COPY is never handed to another meanwhile.
     */
    @Test
    void pool_keepsAtMostItsSize_andHandsAKeptSetToTheNextCopy() {
        PgCopy.Utf8Pool pool = new PgCopy.Utf8Pool(2);
        List<PgCopy.Utf8Blocks> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(pool.take());
        }
        Set<PgCopy.Utf8Blocks> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(taken);
        assertEquals(5, distinct.size(), "five COPYs under way hold five sets");

        taken.forEach(pool::giveBack);
        assertEquals(2, pool.size(), "sets kept after the five COPYs ended");
        PgCopy.Utf8Blocks first = pool.take();
        PgCopy.Utf8Blocks second = pool.take();
        PgCopy.Utf8Blocks third = pool.take();

        assertTrue(first == taken.get(0) || first == taken.get(1), "a kept set taken again");
        assertTrue(second != first && (second == taken.get(0) || second == taken.get(1)), "the other kept set");
        assertTrue(!distinct.contains(third), "none kept left: new buffers");
        assertEquals(0, pool.size());
    }

    /**
     * A COPY whose write fails (the connection lost mid-stream) gives its buffers back to the pool, whose next COPY
     * takes that same set and sends exactly its own bytes, nothing left of the failed one's longer text.
     */
    @Test
    void aFailedCopy_givesItsBuffersBack_andTheNextCopyThroughThemSendsItsOwnBytes() throws SQLException {
        PgCopy.Utf8Pool pool = new PgCopy.Utf8Pool(1);
        PgCopy.Utf8Blocks kept = pool.take();
        pool.giveBack(kept);
        List<String> calls = new ArrayList<>();
        CopyIn failing = copy(new ByteArrayOutputStream(), calls, new SQLException("connection lost", "08006"));
        List<Object[]> failedRows = List.of(new Object[] {"Königstraße 1 🏠 ".repeat(40), 7},
                new Object[] {Jdbc.Null.TEXT, "Zoë"});

        SQLException e = assertThrows(SQLException.class, () -> PgCopy.copyIn(null, c -> failing, failedRows, pool));

        assertEquals("08006", e.getSQLState());
        assertEquals(List.of("writeToCopy", "isActive", "cancelCopy"), calls,
                "the COPY the first block's write failed on is cancelled");
        assertEquals(1, pool.size(), "the failed COPY gave its set back");

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        List<String> next = new ArrayList<>();
        CopyIn working = copy(sent, next, null);
        PgCopy.copyIn(null, c -> working, List.<Object[]>of(new Object[] {"Zoë 😀", 42}), pool);

        assertArrayEquals("Zoë 😀\t42\n".getBytes(StandardCharsets.UTF_8), sent.toByteArray());
        assertEquals(List.of("writeToCopy", "endCopy"), next);
        assertSame(kept, pool.take(), "the one kept set served both COPYs");
    }

    /**
     * A COPY that keeps the bytes written to it and the names of the calls made to it; with a failure, its writes
     * throw it and it stays active until cancelled.
     */
    private static CopyIn copy(ByteArrayOutputStream sent, List<String> calls, SQLException failure) {
        boolean[] active = {true};
        return (CopyIn) Proxy.newProxyInstance(CopyIn.class.getClassLoader(), new Class<?>[] {CopyIn.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    switch (method.getName()) {
                        case "writeToCopy" -> {
                            if (failure != null) {
                                throw failure;
                            }
                            sent.write((byte[]) args[0], (int) args[1], (int) args[2]);
                            return null;
                        }
                        case "endCopy" -> {
                            active[0] = false;
                            return 1L;
                        }
                        case "isActive" -> {
                            return active[0];
                        }
                        case "cancelCopy" -> {
                            active[0] = false;
                            return null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
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
