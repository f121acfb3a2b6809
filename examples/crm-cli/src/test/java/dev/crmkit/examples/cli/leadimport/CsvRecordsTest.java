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
