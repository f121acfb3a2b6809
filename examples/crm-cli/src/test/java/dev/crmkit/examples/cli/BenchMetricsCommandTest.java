package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.examples.cli.bench.GeneratedOrders;
import dev.crmkit.examples.cli.bench.MetricsRun;
import dev.crmkit.examples.cli.bench.OrderGenerator;
import dev.crmkit.examples.cli.bench.PrimitivePass;
import dev.crmkit.metrics.cohort.CohortPeriod;
import dev.crmkit.metrics.cohort.CohortRow;
import dev.crmkit.metrics.cohort.Cohorts;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchMetricsCommandTest {

    private static final String[] SMALL = {"--orders", "20000", "--customers", "2000", "--warmup", "1", "--runs", "1",
        "--fit-customers", "500,2000"};

    @Test
    void metrics_text_printsEveryMeasureWithItsRatioAndTheFits() {
        CliRun run = CliRun.crm(concat(new String[] {"bench", "metrics"}, SMALL));

        assertEquals(0, run.exitCode(), run.toString());
        for (String line : new String[] {"baseline: one primitive pass", "RFM (scores + segments)",
                "LTV from order history", "cohorts (monthly matrix)", "RFM + LTV + cohorts, apart",
                "RFM + LTV + cohorts, one pass"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(line)), line + " in\n" + run.out());
        }
        assertTrue(run.out().lines().filter(l -> l.matches(".* s +\\d+\\.\\d\\d x$")).count() == 5, run.out());
        assertTrue(run.out().contains("agree on orders, revenue, customers, churn and cohort cells: yes"), run.out());
        assertTrue(run.out().contains("the one pass gives the RFM rows, LTV and cohort matrix of the three apart: yes"),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith("2,000 ") && l.contains(" 20,000 ")),
                run.out());
        assertTrue(run.err().contains("generating 20,000 orders of 2,000 customers"), run.err());
    }

    @Test
    void metrics_json_hasTimesRatiosAndFits() {
        CliRun run = CliRun.crm(concat(new String[] {"bench", "metrics"}, SMALL, new String[] {"--format", "json"}));

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        assertEquals(20_000, json.get("orders").asInt());
        assertEquals(2_000, json.get("customers").asInt());
        assertTrue(json.get("agree").asBoolean(), json.toString());
        assertTrue(json.get("onePassAgrees").asBoolean(), json.toString());
        for (String key : new String[] {"baseline", "rfm", "ltv", "cohorts", "apart", "all"}) {
            assertTrue(json.get("seconds").get(key).asDouble() > 0, key + " in " + json);
            assertTrue(json.get("cpuSeconds").get(key).asDouble() > 0, key + " in " + json);
        }
        for (String key : new String[] {"rfm", "ltv", "cohorts", "apart", "all"}) {
            assertTrue(json.get("ratios").get(key).isNumber(), key + " in " + json);
            assertTrue(json.get("cpuRatios").get(key).isNumber(), key + " in " + json);
        }
        JsonNode fits = json.get("fits");
        assertEquals(2, fits.size(), json.toString());
        assertEquals(500, fits.get(0).get("customers").asInt());
        assertEquals(5_000, fits.get(0).get("orders").asInt());
        for (JsonNode fit : fits) {
            for (String key : new String[] {"r", "alpha", "a", "b"}) {
                assertTrue(fit.get(key).asDouble() > 0, key + " in " + fit);
                assertTrue(fit.get("truth").get(key).asDouble() > 0, key + " in " + fit);
            }
            assertTrue(fit.get("converged").isBoolean(), fit.toString());
            assertTrue(fit.get("fitSeconds").asDouble() > 0, fit.toString());
        }
    }

    @Test
    void metrics_fewerOrdersThanCustomers_isABadArgument() {
        CliRun run = CliRun.crm("bench", "metrics", "--orders", "10", "--customers", "20");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--orders"), run.err());
    }

    @Test
    void generate_sameSeed_givesTheSameArrays() {
        GeneratedOrders first = OrderGenerator.generate(7, 30_000, 3_000);
        GeneratedOrders second = OrderGenerator.generate(7, 30_000, 3_000);

        assertArrayEquals(first.customerOf(), second.customerOf());
        assertArrayEquals(first.epochDay(), second.epochDay());
        assertArrayEquals(first.minorUnits(), second.minorUnits());
        assertEquals(first.truth(), second.truth());
    }

    @Test
    void generate_otherSeed_givesOtherArrays() {
        GeneratedOrders first = OrderGenerator.generate(7, 30_000, 3_000);
        GeneratedOrders other = OrderGenerator.generate(8, 30_000, 3_000);

        assertFalse(Arrays.equals(first.epochDay(), other.epochDay()));
    }

    @Test
    void generate_exactCounts_everyCustomerBuys_datesInOrderWithinTheYears() {
        for (int[] size : new int[][] {{30_000, 3_000}, {3_000, 3_000}, {3_100, 3_000}, {200_000, 1_000}}) {
            GeneratedOrders data = OrderGenerator.generate(11, size[0], size[1]);

            assertEquals(size[0], data.size());
            int[] perCustomer = new int[size[1]];
            int first = (int) OrderGenerator.FIRST_DAY.toEpochDay();
            int last = (int) OrderGenerator.LAST_DAY.toEpochDay();
            for (int i = 0; i < data.size(); i++) {
                perCustomer[data.customerOf()[i]]++;
                assertTrue(data.epochDay()[i] >= first && data.epochDay()[i] <= last, "day of order " + i);
                assertTrue(i == 0 || data.epochDay()[i] >= data.epochDay()[i - 1], "date order at " + i);
                assertTrue(data.minorUnits()[i] >= 1, "amount of order " + i);
            }
            assertTrue(Arrays.stream(perCustomer).allMatch(n -> n >= 1), Arrays.toString(size));
        }
    }

    @Test
    void primitivePass_generatedOrders_agreesWithTheCalculators() {
        GeneratedOrders data = OrderGenerator.generate(3, 20_000, 2_000);
        OrderBook book = data.book();
        int asOf = (int) OrderGenerator.LAST_DAY.minusMonths(6).toEpochDay();

        PrimitivePass.Totals totals = PrimitivePass.run(data.customerOf(), data.epochDay(), data.minorUnits(),
                data.customers(), asOf, MetricsRun.CHURN_WINDOW_DAYS);

        OrderHistoryLtv ltv = OrderHistoryLtv.of(book, OrderGenerator.LAST_DAY.minusMonths(6),
                MetricsRun.CHURN_WINDOW_DAYS, MetricsRun.GROSS_MARGIN);
        assertEquals(ltv.stats().orders(), totals.orders());
        assertEquals(ltv.stats().customers(), totals.customers());
        assertEquals(0, ltv.stats().revenue().amount().movePointRight(2).longValueExact() - totals.revenueMinor());
        long cells = 0; // orders come in date order: those up to the as-of day are a prefix
        for (CohortRow row : Cohorts.of(OrderBook.ofColumns(GeneratedOrders.CURRENCY, ids(data.customers()),
                Arrays.copyOf(data.customerOf(), (int) totals.orders()),
                Arrays.copyOf(data.epochDay(), (int) totals.orders()),
                Arrays.copyOf(data.minorUnits(), (int) totals.orders())), CohortPeriod.MONTH).rows()) {
            cells += row.customers().stream().mapToLong(Long::longValue).sum();
        }
        assertEquals(cells, totals.cohortCells());
    }

    private static String[] ids(int customers) {
        String[] ids = new String[customers];
        Arrays.setAll(ids, c -> "c" + c);
        return ids;
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
