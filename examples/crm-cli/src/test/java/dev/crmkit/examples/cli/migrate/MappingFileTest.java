package dev.crmkit.examples.cli.migrate;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.kit.migration.FileMapping;
import dev.crmkit.kit.migration.MigrationMapping;
import dev.crmkit.kit.migration.SourceType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading mapping files: the example reads as documented; every problem is named by its path and rule. */
class MappingFileTest {

    private static final String COMPANIES = "\"companies\": {\"file\": \"c.csv\", \"id\": \"ID\", "
            + "\"columns\": {\"name\": \"Name\"}}";

    /** The path:rule of every problem of the text. */
    private static List<String> problems(String json) {
        ValidationException e = assertThrows(ValidationException.class, () -> MappingFile.parse(json));
        return e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void example_readsAsDocumented() {
        MigrationMapping m = MappingFile.read(Path.of("..", "..", "docs", "migration", "hubspot-mapping.json"));

        assertEquals("hubspot", m.system());
        assertEquals(UserId.of("migration"), m.actor());
        assertEquals("US", m.region());
        assertEquals(List.of(SourceType.COMPANY, SourceType.CONTACT, SourceType.DEAL, SourceType.ACTIVITY,
                SourceType.TASK), m.files().stream().map(FileMapping::type).toList());
        FileMapping deals = m.file(SourceType.DEAL).orElseThrow();
        assertEquals("Won", deals.values().get("stage").get("Closed Won"));
        assertEquals(java.util.Optional.of("Lead pipeline"), deals.constant("pipeline"));
        assertEquals(ZoneId.of("America/New_York"), deals.zone());
        assertEquals("yyyy-MM-dd HH:mm", deals.dateTime());
    }

    @Test
    void defaults_andPerFileOverrides() {
        MigrationMapping m = MappingFile.parse("{\"format\": 1, \"system\": \"x\", \"companies\": {\"file\": "
                + "\"c.csv\", \"id\": \"ID\", \"timeZone\": \"Europe/Berlin\", \"dateFormat\": \"dd.MM.yyyy\", "
                + "\"columns\": {\"name\": \"Name\"}}}");

        FileMapping f = m.file(SourceType.COMPANY).orElseThrow();
        assertEquals(ZoneId.of("Europe/Berlin"), f.zone());
        assertEquals("dd.MM.yyyy", f.date());
        assertEquals("ISO", f.dateTime());
        assertEquals(UserId.of("migration"), m.actor());
        assertEquals("ZZ", m.region());
        assertEquals(Map.of(), f.customFields());
    }

    @Test
    void unknownKeys_areNamedWithTheirPath() {
        assertEquals(List.of("colour:known-key", "companies.idColumn:known-key"), problems("{\"format\": 1, "
                + "\"system\": \"x\", \"colour\": \"red\", \"companies\": {\"file\": \"c.csv\", \"id\": \"ID\", "
                + "\"idColumn\": \"ID\", \"columns\": {\"name\": \"Name\"}}}"));
    }

    @Test
    void missingAndWrongTypes_nameTheKeyAndRule() {
        assertEquals(List.of("format:version", "system:required"), problems("{" + COMPANIES + "}"));
        assertEquals(List.of("system:text"), problems("{\"format\": 1, \"system\": 7, " + COMPANIES + "}"));
        assertEquals(List.of("companies.columns.name:text"), problems("{\"format\": 1, \"system\": \"x\", "
                + "\"companies\": {\"file\": \"c.csv\", \"id\": \"ID\", \"columns\": {\"name\": 3}}}"));
        assertEquals(List.of("companies.file:required", "companies.columns:required"), problems("{\"format\": 1, "
                + "\"system\": \"x\", \"companies\": {\"id\": \"ID\"}}"));
        assertEquals(List.of("(file):required"), problems("{\"format\": 1, \"system\": \"x\"}"));
        assertEquals(List.of("format:version"), problems("{\"format\": 2, \"system\": \"x\", " + COMPANIES + "}"));
    }

    @Test
    void fieldsRequiredAndUnknown_perRecordType() {
        assertEquals(List.of("deals.columns.stge:known-field", "deals.columns.stage:required"),
                problems("{\"format\": 1, \"system\": \"x\", \"deals\": {\"file\": \"d.csv\", \"id\": \"ID\", "
                        + "\"columns\": {\"title\": \"T\", \"stge\": \"S\"}}}"));
        assertEquals(List.of("activities.customFields:custom-fields", "activities.values.direction:known-field"),
                problems("{\"format\": 1, \"system\": \"x\", \"activities\": {\"file\": \"a.csv\", \"id\": \"ID\","
                        + " \"columns\": {\"type\": \"T\", \"subject\": \"S\", \"occurredAt\": \"O\"}, "
                        + "\"customFields\": {\"k\": \"K\"}, \"values\": {\"direction\": {\"in\": \"inbound\"}}}}"));
        assertEquals(List.of("companies.pipeline:known-constant"), problems("{\"format\": 1, \"system\": \"x\", "
                + "\"companies\": {\"file\": \"c.csv\", \"id\": \"ID\", \"pipeline\": \"B2B\", "
                + "\"columns\": {\"name\": \"Name\"}}}"));
    }

    @Test
    void patternsAndZones_areCheckedBeforeAnythingIsRead() {
        assertEquals(List.of("timeZone:time-zone", "companies.dateTimeFormat:date-format"), problems("{\"format\": 1,"
                + " \"system\": \"x\", \"timeZone\": \"Mars/Olympus\", \"companies\": {\"file\": \"c.csv\", "
                + "\"id\": \"ID\", \"dateTimeFormat\": \"yyyy-MM-dd {\", \"columns\": {\"name\": \"Name\"}}}"));
    }

    @Test
    void syntaxErrorsAndDuplicateKeys_nameTheirLine() {
        ValidationException syntax = assertThrows(ValidationException.class,
                () -> MappingFile.parse("{\"format\": 1,\n \"system\": \"x\",,\n}"));
        ValidationException twice = assertThrows(ValidationException.class,
                () -> MappingFile.parse("{\"format\": 1,\n\"system\": \"x\",\n\"system\": \"y\"}"));

        assertEquals("json", syntax.violations().get(0).rule());
        assertTrue(syntax.violations().get(0).message().startsWith("line 2, column "), syntax.getMessage());
        assertEquals("json", twice.violations().get(0).rule());
        assertTrue(twice.violations().get(0).message().contains("line 3"), twice.getMessage());
        assertTrue(twice.violations().get(0).message().contains("system"), twice.getMessage());
    }

    @Test
    void systemName_tooLong_isRefusedByTheKeysRule() {
        assertEquals(List.of("system:max-length"), problems("{\"format\": 1, \"system\": \"" + "s".repeat(101)
                + "\", " + COMPANIES + "}"));
    }
}
