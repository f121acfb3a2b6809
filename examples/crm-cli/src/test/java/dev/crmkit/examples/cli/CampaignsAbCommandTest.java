package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.campaigns.abtest.AbTestStore;
import dev.crmkit.campaigns.abtest.AbWinner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code crm campaigns ab define|show|list} on an H2 file store. */
class CampaignsAbCommandTest {

    private static final Instant AT = Instant.parse("2026-03-03T08:00:00Z");

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    private AbTestStore abTests(String url) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        CrmSchema.migrate(ds);
        return JdbcCrmStore.builder(ds).build().campaignStores().abTests();
    }

    @Test
    void define_thenShowExposuresHitsSignificanceAndWinner_thenList() {
        String url = url();
        CliRun defined = CliRun.crm("campaigns", "ab", "define", "subject", "--campaign", "birthday", "--variant",
                "A=1", "--variant", "B=3", "--metric", "opened", "--min-sample", "20", "--test-percent", "50",
                "--jdbc-url", url, "--format", "json");
        assertEquals(0, defined.exitCode(), defined.toString());
        assertEquals("opened", defined.json().get("metric").asText());
        assertEquals(3, defined.json().get("variants").get(1).get("weight").asInt());
        assertEquals(0, defined.json().get("variants").get(0).get("exposed").asInt());
        assertTrue(defined.json().get("winner").isNull());

        // 20 contacts got each variant; 2 of A's and 16 of B's opened it
        AbTestStore store = abTests(url);
        for (int i = 0; i < 20; i++) {
            store.expose("subject", "a" + i, "A", AT);
            store.expose("subject", "b" + i, "B", AT);
            if (i < 2) {
                store.hit("subject", "a" + i, AT.plusSeconds(60));
            }
            if (i < 16) {
                store.hit("subject", "b" + i, AT.plusSeconds(60));
            }
        }
        CliRun shown = CliRun.crm("campaigns", "ab", "show", "subject", "--jdbc-url", url, "--format", "json");
        assertEquals(0, shown.exitCode(), shown.toString());
        JsonNode variants = shown.json().get("variants");
        assertEquals(List.of("A", 20, 2, "B", 20, 16), List.of(variants.get(0).get("name").asText(),
                variants.get(0).get("exposed").asInt(), variants.get(0).get("hits").asInt(),
                variants.get(1).get("name").asText(), variants.get(1).get("exposed").asInt(),
                variants.get(1).get("hits").asInt()));
        assertEquals("80.00%", variants.get(1).get("rate").asText());
        JsonNode decision = shown.json().get("decision");
        assertTrue(decision.get("significant").asBoolean(), shown.out());
        assertEquals("B", decision.get("variant").asText());
        assertTrue(decision.get("pValue").asDouble() < 0.05, shown.out());
        assertTrue(shown.json().get("winner").isNull(), "no run decided it yet");

        store.recordWinner(new AbWinner("subject", "B", "1.0E-5", AT.plusSeconds(3600)));
        CliRun text = CliRun.crm("campaigns", "ab", "show", "subject", "--jdbc-url", url);
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().contains("significant: B is best"), text.out());
        assertTrue(text.out().contains("winner: B (decided 2026-03-03T09:00:00Z"), text.out());

        CliRun.crm("campaigns", "ab", "define", "another", "--campaign", "win-back", "--variant", "X=1",
                "--variant", "Y=1", "--jdbc-url", url);
        CliRun listed = CliRun.crm("campaigns", "ab", "list", "--jdbc-url", url, "--format", "json");
        assertEquals(0, listed.exitCode(), listed.toString());
        assertEquals(2, listed.json().get("tests").size());
        assertEquals("another", listed.json().get("tests").get(0).get("id").asText());
        assertTrue(listed.json().get("tests").get(0).get("winner").isNull());
        assertEquals("B", listed.json().get("tests").get(1).get("winner").asText());
        assertEquals("clicked", listed.json().get("tests").get(0).get("metric").asText(), "the default metric");
    }

    @Test
    void define_refusesBadVariantsMetricAndAChangedPlan_namingTheOption_andStoresNothing() {
        String url = url();
        CliRun zero = CliRun.crm("campaigns", "ab", "define", "t", "--campaign", "birthday", "--variant", "A=0",
                "--variant", "B=1", "--jdbc-url", url);
        CliRun malformed = CliRun.crm("campaigns", "ab", "define", "t", "--campaign", "birthday", "--variant", "A",
                "--variant", "B=1", "--jdbc-url", url);
        CliRun one = CliRun.crm("campaigns", "ab", "define", "t", "--campaign", "birthday", "--variant", "A=1",
                "--jdbc-url", url);
        CliRun metric = CliRun.crm("campaigns", "ab", "define", "t", "--campaign", "birthday", "--variant", "A=1",
                "--variant", "B=1", "--metric", "likes", "--jdbc-url", url);
        CliRun alpha = CliRun.crm("campaigns", "ab", "define", "t", "--campaign", "birthday", "--variant", "A=1",
                "--variant", "B=1", "--alpha", "0.7", "--jdbc-url", url);

        assertEquals(2, zero.exitCode(), zero.toString());
        assertTrue(zero.err().contains("--variant must be NAME=WEIGHT with a weight from 1 to 10000")
                || zero.err().contains("--variant: weight"), zero.err());
        assertEquals(2, malformed.exitCode(), malformed.toString());
        assertTrue(malformed.err().contains("--variant must be NAME=WEIGHT"), malformed.err());
        assertEquals(2, one.exitCode(), one.toString());
        assertTrue(one.err().contains("--variant: variants: an A/B test needs at least two variants"), one.err());
        assertEquals(2, metric.exitCode(), metric.toString());
        assertTrue(metric.err().contains("--metric"), metric.err());
        assertEquals(2, alpha.exitCode(), alpha.toString());
        assertTrue(alpha.err().contains("--alpha: alpha: must be above 0 and below 0.5"), alpha.err());
        CliRun listed = CliRun.crm("campaigns", "ab", "list", "--jdbc-url", url, "--format", "json");
        assertEquals(0, listed.json().get("tests").size(), "nothing stored");

        CliRun first = CliRun.crm("campaigns", "ab", "define", "t", "--campaign", "birthday", "--variant", "A=1",
                "--variant", "B=1", "--jdbc-url", url);
        CliRun same = CliRun.crm("campaigns", "ab", "define", "t", "--campaign", "birthday", "--variant", "A=1",
                "--variant", "B=1", "--jdbc-url", url);
        CliRun changed = CliRun.crm("campaigns", "ab", "define", "t", "--campaign", "birthday", "--variant", "A=1",
                "--variant", "B=2", "--jdbc-url", url);
        CliRun unknown = CliRun.crm("campaigns", "ab", "show", "nope", "--jdbc-url", url);

        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(0, same.exitCode(), "defining the same plan again is no change: " + same);
        assertEquals(2, changed.exitCode(), changed.toString());
        assertTrue(changed.err().contains("is stored with another plan"), changed.err());
        assertEquals(1, abTests(url).plan("t").orElseThrow().test().variants().get(1).weight(), "unchanged");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("no A/B test 'nope'"), unknown.err());
        assertFalse(unknown.err().contains("Exception"), unknown.err());
    }
}
