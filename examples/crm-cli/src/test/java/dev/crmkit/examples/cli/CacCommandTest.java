package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacCommandTest {

    @Test
    void cac_5000For40WithLtv600_is125Ratio4_8Healthy() {
        CliRun run = CliRun.crm("cac", "--spend", "5000", "--new-customers", "40", "--ltv", "600", "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals("125.00", json.get("cac").asText());
        assertTrue(json.get("ltvToCac").isNumber(), json.toString());
        assertEquals(0, new BigDecimal("4.8").compareTo(json.get("ltvToCac").decimalValue()), json.toString());
        assertEquals("HEALTHY", json.get("band").asText());
        assertEquals(15, json.get("norms").size());
    }

    @Test
    void cac_withoutLtv_hasNoRatio() {
        JsonNode json = CliRun.crm("cac", "--spend", "5000", "--new-customers", "40", "--format", "json").json();

        assertEquals("125.00", json.get("cac").asText());
        assertFalse(json.has("ltvToCac"), json.toString());
        assertFalse(json.has("band"), json.toString());
    }

    @Test
    void cac_lowLtv_isLosingMoney() {
        JsonNode json = CliRun.crm("cac", "--spend", "5000", "--new-customers", "40", "--ltv", "100",
                "--format", "json").json();

        assertEquals("LOSING_MONEY", json.get("band").asText());
    }

    @Test
    void cac_text_showsBandDescriptionAndNorms() {
        CliRun run = CliRun.crm("cac", "--spend", "5000", "--new-customers", "40", "--ltv", "600");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("EUR 125.00"), run.out());
        assertTrue(run.out().contains("healthy: customers are worth"), run.out());
        assertTrue(run.out().contains("B2B SaaS") && run.out().contains("3-4"), run.out());
    }

    @Test
    void cac_noNewCustomers_exits2NamingTheOption() {
        CliRun run = CliRun.crm("cac", "--spend", "5000", "--new-customers", "0");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--new-customers"), run.err());
    }

    @Test
    void cac_missingSpend_exits2NamingTheOption() {
        CliRun run = CliRun.crm("cac", "--new-customers", "40");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--spend"), run.err());
    }
}
