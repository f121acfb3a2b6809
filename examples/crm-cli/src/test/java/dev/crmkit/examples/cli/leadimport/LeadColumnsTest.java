package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadColumnsTest {

    private static final CustomFieldSchema SCHEMA = CustomFieldSchema.of(RecordType.LEAD,
            FieldDefinition.optional("budget", FieldType.MONEY));

    @Test
    void of_noLeadColumn_isNotALeadCsv_andQuotesNothingOfTheHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeadColumns.of(List.of("\u0089PNG\u001a", "IHDR"), SCHEMA));

        assertTrue(e.getMessage().startsWith("this is not a lead CSV file: its first line names none of the lead "
                + "columns: first_name, last_name, email"), e.getMessage());
        assertFalse(e.getMessage().contains("PNG") || e.getMessage().contains("IHDR"), e.getMessage());
    }

    @Test
    void of_oneColumnOnly_suggestsTheDelimiter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeadColumns.of(List.of("email|phone"), SCHEMA));

        assertTrue(e.getMessage().contains("--delimiter"), e.getMessage());
    }

    @Test
    void of_onlyACustomField_isNotALeadCsv() {
        assertThrows(IllegalArgumentException.class, () -> LeadColumns.of(List.of("budget"), SCHEMA));
    }

    @Test
    void of_columnTwice_namesItPrintably() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeadColumns.of(List.of("email", "x\u0007", "X\u0007"), SCHEMA));

        assertEquals("the header names column 'x?' twice (columns 2 and 3)", e.getMessage());
    }
}
