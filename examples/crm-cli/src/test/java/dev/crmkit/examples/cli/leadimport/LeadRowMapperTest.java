package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadRowMapperTest {

    private static final CustomFieldSchema SCHEMA = CustomFieldSchema.of(RecordType.LEAD,
            FieldDefinition.optional("budget", FieldType.MONEY));
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static MappedRow map(List<String> header, String... cells) {
        LeadColumns columns = LeadColumns.of(header, SCHEMA);
        return new LeadRowMapper(columns, BERLIN).map(new CsvRecord(2, List.of(cells)));
    }

    @Test
    void map_knownColumnsWrittenLoosely_fillTheSubmission() {
        MappedRow row = map(List.of("First Name", "LAST-NAME", " email ", "Source", "owner", "budget", "note"),
                "Ann", "Lee", " Ann@Example.com ", "Landing Page", " ben ", "EUR 10.00", "ignored");

        assertEquals(List.of(), row.problems());
        assertEquals(Channel.LANDING_PAGE, row.submission().channel());
        assertEquals("Ann", row.submission().firstName());
        assertEquals("Lee", row.submission().lastName());
        assertEquals(" Ann@Example.com ", row.submission().email(), "capture normalizes, not the mapper");
        assertEquals(Optional.of(UserId.of("ben")), row.submission().owner());
        assertEquals(Map.of("budget", "EUR 10.00"), row.submission().customFields());
    }

    @Test
    void map_noSource_isAnImport() {
        assertEquals(Channel.IMPORT, map(List.of("email"), "a@example.com").submission().channel());
        assertEquals(Channel.IMPORT, map(List.of("email", "source"), "a@example.com", " ").submission().channel());
    }

    @Test
    void map_unknownSource_isOtherWithTheLabelAsDetail() {
        MappedRow row = map(List.of("email", "source"), "a@example.com", " trade fair 2026 ");

        assertEquals(List.of(), row.problems());
        assertEquals(Channel.OTHER, row.submission().channel());
        assertEquals(Optional.of("trade fair 2026"), row.submission().sourceDetail());
    }

    @Test
    void map_synonymSource_isItsChannel() {
        assertEquals(Channel.WEB_FORM, map(List.of("email", "source"), "a@example.com", "website").submission()
                .channel());
        assertEquals(Channel.ADS, map(List.of("email", "source"), "a@example.com", "Google Ads").submission()
                .channel());
        assertEquals(Channel.EMAIL, map(List.of("email", "source"), "a@example.com", "e-mail").submission()
                .channel());
    }

    @Test
    void map_submittedAt_readsOffsetsAndLocalTimesInTheZone() {
        assertEquals(Optional.of(Instant.parse("2026-11-22T06:42:00Z")),
                map(List.of("submitted_at"), "2026-11-22T07:42:00+01:00").submittedAt());
        assertEquals(Optional.of(Instant.parse("2026-11-22T06:42:00Z")),
                map(List.of("submitted_at"), "2026-11-22T07:42").submittedAt());
        assertEquals("submitted_at", map(List.of("submitted_at"), "22.11.2026").problems().get(0).field());
    }

    @Test
    void map_moreValuesThanColumns_isAProblem() {
        assertEquals("column-count", map(List.of("email"), "a@example.com", "extra").problems().get(0).rule());
    }

    @Test
    void columns_unknownAndCustom_areToldApart() {
        LeadColumns columns = LeadColumns.of(List.of("email", "Budget", "utm_source", ""), SCHEMA);

        assertEquals(List.of("budget"), columns.customFieldKeys());
        assertEquals(List.of("utm_source", "(column 4, no name)"), columns.unknown());
    }

    @Test
    void columns_sameNameTwice_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeadColumns.of(List.of("email", "E-Mail", "EMAIL"), SCHEMA));

        assertTrue(e.getMessage().contains("'email' twice"), e.getMessage());
    }
}
