package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LtvCommandTest {

    private static JsonNode ok(String... args) {
        CliRun run = CliRun.crm(args);
        assertEquals(0, run.exitCode(), run.toString());
        return run.json();
    }

    @Test
    void arpu_thirtyFor24Months_is720() {
        JsonNode json = ok("ltv", "arpu", "--arpu", "30", "--lifetime", "24", "--format", "json");

        assertEquals("720.00", json.get("ltv").asText());
        assertTrue(json.get("ltv").isTextual(), "money is a decimal string");
        assertEquals("EUR", json.get("currency").asText());
        assertEquals(24, json.get("lifetime").asInt());
    }

    @Test
    void aov_eightyFourTimesAYearForThreeYears_is960() {
        JsonNode json = ok("ltv", "aov", "--aov", "80", "--frequency", "4", "--lifespan", "3", "--format", "json");

        assertEquals("960.00", json.get("ltv").asText());
    }

    @Test
    void marginChurn_fifteenAtSixtyPercentOverFourPercent_is225() {
        JsonNode json = ok("ltv", "margin-churn", "--arpu", "15", "--margin", "0.60", "--churn", "0.04",
                "--format", "json");

        assertEquals("225.00", json.get("ltv").asText());
        assertTrue(json.get("margin").isNumber() && json.get("churn").isNumber(), json.toString());
    }

    @Test
    void npv_seedExample_is202_78() {
        JsonNode json = ok("ltv", "npv", "--revenues", "200,240,300", "--margin", "0.5", "--discount-rate", "0.10",
                "--cac", "100", "--format", "json");

        assertEquals("202.78", json.get("ltv").asText());
        assertEquals(3, json.get("revenues").size());
        assertEquals("100.00", json.get("cac").asText());
    }

    @Test
    void segments_twoSegments_sumRevenueTimesRetentionTimesMargin() {
        JsonNode json = ok("ltv", "segments", "--segment", "smb:1000:0.8:0.5", "--segment", "enterprise:500:0.4:0.6",
                "--format", "json");

        assertEquals("520.00", json.get("ltv").asText(), "400 + 120");
        assertEquals("enterprise", json.get("segments").get(1).get("name").asText());
    }

    @Test
    void net_revenueEqualToCostToServe_isZero() {
        JsonNode json = ok("ltv", "net", "--revenue", "12000", "--cost-to-serve", "12000", "--format", "json");

        assertEquals("0.00", json.get("ltv").asText());
    }

    @Test
    void arpu_yenCurrency_hasNoDecimals() {
        JsonNode json = ok("ltv", "arpu", "--arpu", "3000", "--lifetime", "24", "--currency", "jpy",
                "--format", "json");

        assertEquals("72000", json.get("ltv").asText());
        assertEquals("JPY", json.get("currency").asText());
    }

    @Test
    void arpu_text_showsTheAmountWithCurrency() {
        CliRun run = CliRun.crm("ltv", "arpu", "--arpu", "30", "--lifetime", "24");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("EUR 720.00"), run.out());
    }

    @Test
    void marginChurn_marginAboveOne_exits2NamingTheOption() {
        CliRun run = CliRun.crm("ltv", "margin-churn", "--arpu", "15", "--margin", "1.5", "--churn", "0.04");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--margin must be a fraction from 0 to 1"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void arpu_negativeArpu_exits2NamingTheOption() {
        CliRun run = CliRun.crm("ltv", "arpu", "--arpu=-30", "--lifetime", "24");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--arpu must not be negative"), run.err());
    }

    @Test
    void npv_discountRateAboveOne_exits2NamingTheOption() {
        CliRun run = CliRun.crm("ltv", "npv", "--revenues", "200,240", "--margin", "0.5", "--discount-rate", "1.5");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("crm: --discount-rate must be a fraction from 0 to 1"), run.err());
    }

    @Test
    void arpu_hugeExponent_isAShortErrorAtOnce() {
        CliRun run = CliRun.crm("ltv", "arpu", "--arpu", "1e999999999", "--lifetime", "24");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("'1e999999999' is out of range"), run.err());
        assertTrue(run.err().length() < 200, run.err());
    }

    @Test
    void arpu_notANumber_namesNoJavaClass() {
        CliRun run = CliRun.crm("ltv", "arpu", "--arpu", "12,50", "--lifetime", "24");

        assertEquals(2, run.exitCode(), run.toString());
        assertFalse(run.err().contains("java.") || run.err().contains("Exception"), run.err());
        assertTrue(run.err().contains("'12,50' is not a number"), run.err());
    }

    @Test
    void arpu_productBeyondWhatMoneyHolds_exits2() {
        CliRun run = CliRun.crm("ltv", "arpu", "--arpu", "99999999999999999", "--lifetime", "99999999999999999");

        assertEquals(0, run.exitCode(), "10^34 - ... still fits: " + run);
        CliRun beyond = CliRun.crm("ltv", "aov", "--aov", "99999999999999999", "--frequency", "99999999999999999",
                "--lifespan", "100");
        assertEquals(2, beyond.exitCode(), beyond.toString());
        assertTrue(beyond.err().contains("out of range"), beyond.err());
    }

    @Test
    void arpu_notANumber_exits2NamingTheOption() {
        CliRun run = CliRun.crm("ltv", "arpu", "--arpu", "thirty", "--lifetime", "24");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--arpu"), run.err());
    }

    @Test
    void arpu_moreDecimalsThanTheCurrency_exits2NamingTheOption() {
        CliRun run = CliRun.crm("ltv", "arpu", "--arpu", "30.001", "--lifetime", "24");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--arpu") && run.err().contains("decimals"), run.err());
    }

    @Test
    void arpu_unknownCurrency_exits2NamingTheOption() {
        CliRun run = CliRun.crm("ltv", "arpu", "--arpu", "30", "--lifetime", "24", "--currency", "EURO");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--currency"), run.err());
    }

    @Test
    void segments_malformed_exits2NamingTheOption() {
        CliRun run = CliRun.crm("ltv", "segments", "--segment", "smb:1000:0.8");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--segment"), run.err());
    }

    @Test
    void ltv_withoutModel_exits2() {
        CliRun run = CliRun.crm("ltv");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("arpu"), run.err());
    }
}
