package dev.crmkit.examples.cli.leadimport;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
