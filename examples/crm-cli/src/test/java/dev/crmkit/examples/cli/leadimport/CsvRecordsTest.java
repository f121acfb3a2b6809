package dev.crmkit.examples.cli.leadimport;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRecordsTest {

    private static List<CsvRecord> read(String csv, List<String> header) {
        try (CsvRecords records = CsvRecords.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(header, records.header());
            List<CsvRecord> out = new ArrayList<>();
            records.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void open_quotedLineBreaksAndBlankLines_giveEachRecordItsPhysicalLine() {
        List<CsvRecord> records = read("a,b\n1,\"x\ny\nz\"\n\n2,\"say \"\"hi\"\", ok\"\r\n3,w\n", List.of("a", "b"));

        assertEquals(List.of(2L, 6L, 7L), records.stream().map(CsvRecord::line).toList());
        assertEquals("x\ny\nz", records.get(0).cell(1));
        assertEquals("say \"hi\", ok", records.get(1).cell(1));
    }

    @Test
    void open_byteOrderMark_isNotPartOfTheFirstColumnName() {
        List<CsvRecord> records = read("\uFEFFemail,phone\nann@example.com\n", List.of("email", "phone"));

        assertEquals("ann@example.com", records.get(0).cell(0));
        assertEquals("", records.get(0).cell(1));
    }

    @Test
    void open_empty_refusesWithoutHeader() {
        assertThrows(IllegalArgumentException.class, () -> read("", List.of()));
    }

    private static List<CsvRecord> readAll(byte[] bytes, CsvFormat format) {
        try (CsvRecords records = CsvRecords.open(new ByteArrayInputStream(bytes), format)) {
            List<CsvRecord> out = new ArrayList<>();
            records.forEachRemaining(out::add);
            return out;
        }
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void open_latin1BytesReadAsUtf8_areRefusedNamingLineAndByteOffset_neverReplaced() {
        byte[] file = concat(bytes("first_name,last_name\nAnn,Lee\n", StandardCharsets.UTF_8),
                bytes("Jos\u00e9,Garc\u00eda\n", StandardCharsets.ISO_8859_1));

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(file, CsvFormat.UTF_8));

        assertTrue(e.getMessage().startsWith("line 3, byte offset 32: byte 0xE9 is not valid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("--encoding"), e.getMessage());
        assertFalse(e.getMessage().contains("\uFFFD"), e.getMessage());
    }

    @Test
    void open_badByteInTheHeader_isRefusedAtOpen() {
        byte[] file = concat(bytes("email,", StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '(', '\n'});

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(file, CsvFormat.UTF_8));

        assertTrue(e.getMessage().startsWith("line 1, byte offset 6: byte 0xC3 is not valid UTF-8"), e.getMessage());
    }

    @Test
    void open_truncatedSequenceAtTheEnd_isRefused() {
        byte[] file = concat(bytes("email\nann@example.com\n", StandardCharsets.UTF_8), new byte[] {(byte) 0xE2,
            (byte) 0x82});

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(file, CsvFormat.UTF_8));

        assertTrue(e.getMessage().startsWith("line 3, byte offset 22:"), e.getMessage());
    }

    @Test
    void open_badByteFarIntoTheFile_countsLinesAcrossBuffers() {
        StringBuilder csv = new StringBuilder("email\r\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("person").append(i).append("@example.com\r\n");
        }
        byte[] good = bytes(csv.toString(), StandardCharsets.UTF_8);
        byte[] file = concat(good, new byte[] {(byte) 0xFF});

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(file, CsvFormat.UTF_8));

        assertTrue(e.getMessage().startsWith("line 5002, byte offset " + good.length + ": byte 0xFF"),
                e.getMessage());
    }

    @Test
    void open_smallFile_allocatesNearItsSize_notAHeaderSizedBuffer() {
        byte[] file = bytes("email;first_name\nann@example.com;Ann\n", StandardCharsets.UTF_8);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assertEquals(1, readAll(file, CsvFormat.UTF_8).size());
        assertEquals(1, readAll(file, CsvFormat.UTF_8.withDelimiter(';')).size());

        long before = threads.getCurrentThreadAllocatedBytes();
        assertEquals(List.of("ann@example.com", "Ann"), readAll(file, CsvFormat.UTF_8).get(0).cells());
        long detected = threads.getCurrentThreadAllocatedBytes() - before;
        before = threads.getCurrentThreadAllocatedBytes();
        assertEquals(List.of("ann@example.com", "Ann"),
                readAll(file, CsvFormat.UTF_8.withDelimiter(';')).get(0).cells());
        long given = threads.getCurrentThreadAllocatedBytes() - before;

        // a 36-byte file: it was some 180 KB each way (a 64 Ki-char header buffer, 16 K bytes + 16 K chars decoding)
        assertTrue(detected < 24 * 1024, "reading 36 bytes, delimiter detected, allocated " + detected + " bytes");
        assertTrue(given < 24 * 1024, "reading 36 bytes, delimiter given, allocated " + given + " bytes");
    }

    @Test
    void open_headerLongerThanTheFirstRead_isDetectedAndReadWhole() {
        StringBuilder header = new StringBuilder("\"a,\nquoted name\"");
        StringBuilder row = new StringBuilder("x");
        for (int i = 0; i < 3_000; i++) {
            header.append('\t').append("column_").append(i);
            row.append('\t').append(i);
        }
        byte[] file = bytes(header + "\r\n" + row + "\r\n", StandardCharsets.UTF_8);

        try (CsvRecords records = CsvRecords.open(new ByteArrayInputStream(file))) {
            assertEquals('\t', records.delimiter());
            assertEquals(3_001, records.header().size());
            assertEquals("a,\nquoted name", records.header().get(0));
            assertEquals("column_2999", records.header().get(3_000));
            CsvRecord only = records.next();
            assertEquals(3, only.line());
            assertEquals("2999", only.cells().get(3_000));
            assertFalse(records.hasNext());
        }
    }

    @Test
    void open_multiByteCharactersAcrossGrowingBuffers_decodeWhole() {
        StringBuilder csv = new StringBuilder("name\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            names.add("Jos\u00e9 \uD83D\uDE00 " + "\u20ac".repeat(i % 7) + i);
            csv.append(names.get(i)).append('\n');
        }

        List<CsvRecord> records = readAll(bytes(csv.toString(), StandardCharsets.UTF_8), CsvFormat.UTF_8);

        assertEquals(names, records.stream().map(r -> r.cells().get(0)).toList());
        assertEquals(3_001, records.get(2_999).line());
    }

    @Test
    void open_givenEncoding_readsLatin1() {
        byte[] file = bytes("first_name,last_name\nJos\u00e9,Garc\u00eda\n", StandardCharsets.ISO_8859_1);

        List<CsvRecord> records = readAll(file, CsvFormat.of(StandardCharsets.ISO_8859_1));

        assertEquals(List.of("Jos\u00e9", "Garc\u00eda"), records.get(0).cells());
    }

    @Test
    void open_semicolonsOrTabsInTheHeader_areTheDelimiter() {
        byte[] semicolons = bytes("email;\"first,name\"\nann@example.com;\"Ann, Lee\"\n", StandardCharsets.UTF_8);
        byte[] tabs = bytes("email\tfirst_name\nann@example.com\tAnn\n", StandardCharsets.UTF_8);

        assertEquals(List.of("ann@example.com", "Ann, Lee"), readAll(semicolons, CsvFormat.UTF_8).get(0).cells());
        assertEquals(List.of("ann@example.com", "Ann"), readAll(tabs, CsvFormat.UTF_8).get(0).cells());
        assertEquals(List.of("ann@example.com;\"Ann, Lee\""),
                readAll(semicolons, CsvFormat.UTF_8.withDelimiter('|')).get(0).cells());
    }

    @Test
    void open_unclosedQuote_namesTheLineTheRecordStartsOn() {
        byte[] file = bytes("email,request\nann@example.com,fine\nbob@example.com,\"never closed\nmore\n",
                StandardCharsets.UTF_8);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(file, CsvFormat.UTF_8));

        assertTrue(e.getMessage().startsWith("line 3: a quoted value of the record starting here is not closed"),
                e.getMessage());
    }

    @Test
    void open_controlCharactersInAParserMessage_areNotEchoed() {
        byte[] file = bytes("a,b\n\"x\"\u007F\u0007,y\n", StandardCharsets.UTF_8);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(file, CsvFormat.UTF_8));

        assertTrue(e.getMessage().startsWith("line 2: "), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
        assertFalse(e.getMessage().contains("Source:"), e.getMessage());
    }
}
