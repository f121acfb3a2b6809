package dev.crmkit.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorLineTest {

    @Test
    void of_jacksonSourceAndJavaClassNames_areLeftOut() {
        String line = ErrorLine.of("CSV line 3: Unexpected character ('\"' (code 34)): expected separator\n at "
                + "[Source: (InputStreamReader); line: 3, column: 7] (java.lang.NumberFormatException: x)");

        assertFalse(line.contains("Source") || line.contains("java.") || line.contains("Exception"), line);
        assertTrue(line.startsWith("CSV line 3: Unexpected character"), line);
    }

    @Test
    void of_longQuotedValue_isCutToAHundredCharacters() {
        String line = ErrorLine.of("Unknown option: '" + "x".repeat(100_000) + "'");

        assertTrue(line.length() <= ErrorLine.MAX_LENGTH, line.length() + "");
        assertTrue(line.contains("'" + "x".repeat(100) + "…' (100,000 characters)"), line);
    }

    @Test
    void of_sqlFailure_namesTheStateWithoutTheStatementOrItsData() {
        SQLException sql = new SQLException("Value too long for column \"NAME\"; SQL statement:\nINSERT INTO crm_contact "
                + "VALUES ('Jane', 'jane@example.com'), ('Max', 'max@example.com') [22001-224]", "22001");

        String line = ErrorLine.of(new RuntimeException("insert failed: " + sql.getMessage(), sql));
        String explained = ErrorLine.of(new IllegalStateException("cannot store the lead: " + sql.getMessage(), sql));

        assertEquals("the database refused the command (SQL state 22001): Value too long for column \"NAME\"", line);
        assertEquals("cannot store the lead: Value too long for column \"NAME\"", explained);
    }

    @Test
    void of_programmingError_saysSoWithoutItsClassOrMessage() {
        String line = ErrorLine.of(new NullPointerException("Cannot invoke \"String.strip()\" because \"x\" is null"));

        assertTrue(line.startsWith("the command stopped on an internal error"), line);
        assertFalse(line.contains("String.strip") || line.contains("Exception"), line);
    }

    @Test
    void of_readFailure_keepsItsMessage() {
        assertEquals("cannot read x.csv: disk on fire",
                ErrorLine.of(new UncheckedIOException("cannot read x.csv: disk on fire", new java.io.IOException())));
    }
}
