package dev.crmkit.examples.cli;

import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignsSegmentsCommandTest {

    @TempDir
    Path dir;

    /** An H2 file store with 5 contacts, ids 0:1 to 0:5, the odd ones with consent; its JDBC URL. */
    private String store() {
        String url = "jdbc:h2:file:" + dir.resolve("crm");
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        CrmSchema.migrate(ds);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 5; i++) {
            Contact c = Contact.create(new ContactId(new UUID(0, i)), new PersonName("P" + i, "Q"), List.of(),
                    List.of(), at);
            Contact row = new Contact(c.id(), 0, c.name(), c.emails(), c.phones(), c.addresses(), c.language(),
                    c.birthday(), i % 2 == 1 ? MarketingConsent.granted(at, "form") : MarketingConsent.unknown(),
                    List.of(), c.customFields().with("renewal", new dev.crmkit.core.customfield.FieldValue.Date(
                            java.time.LocalDate.of(2026, 3, 1).plusDays(10L * i))), c.owner(), at, at);
            store.transactions().run(() -> store.contacts().insertOrGet(row));
        }
        return url;
    }

    @Test
    void save_thenCountAndListByPage_fromTheStore() {
        String url = store();

        CliRun saved = CliRun.crm("campaigns", "segments", "save", "with consent", "--filter",
                "all(consent(GRANTED), not(no-owner()))", "--jdbc-url", url, "--format", "json");
        CliRun resaved = CliRun.crm("campaigns", "segments", "save", "with consent", "--filter",
                "consent(GRANTED)", "--jdbc-url", url, "--format", "json");
        CliRun count = CliRun.crm("campaigns", "segments", "count", "with consent", "--jdbc-url", url);
        List<String> listed = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 5; pages++) {
            List<String> args = new ArrayList<>(List.of("campaigns", "segments", "list", "with consent", "--limit",
                    "2", "--jdbc-url", url, "--format", "json"));
            if (after != null) {
                args.addAll(List.of("--after", after));
            }
            CliRun page = CliRun.crm(args.toArray(String[]::new));
            assertEquals(0, page.exitCode(), page.toString());
            page.json().get("contacts").forEach(n -> listed.add(n.asText()));
            if (page.json().get("next").isNull()) {
                break;
            }
            after = page.json().get("next").asText();
        }

        assertEquals(0, saved.exitCode(), saved.toString());
        assertEquals(0, saved.json().get("count").asInt(), "nobody has an owner");
        assertEquals(2, resaved.json().get("version").asInt(), resaved.out());
        assertEquals("consent(GRANTED)", resaved.json().get("filter").asText());
        assertEquals(3, resaved.json().get("count").asInt());
        assertEquals(0, count.exitCode(), count.toString());
        assertTrue(count.out().contains("with consent: 3 contacts"), count.out());
        assertEquals(List.of(new UUID(0, 1), new UUID(0, 3), new UUID(0, 5)).stream().map(UUID::toString).toList(),
                listed);
    }

    /** Renewals on 11, 21 and 31 March, 10 and 20 April: due within 30 days of the --as-of day, counted in SQL. */
    @Test
    void aRelativeDateSegment_isCountedAsOfTheDayGiven_andNeedsIt() {
        String url = store();

        CliRun saved = CliRun.crm("campaigns", "segments", "save", "renewing", "--filter",
                "all(field-date-relative(\"renewal\", AT_LEAST, 0), field-date-relative(\"renewal\", AT_MOST, 30))",
                "--jdbc-url", url, "--as-of", "2026-03-15", "--format", "json");
        CliRun april = CliRun.crm("campaigns", "segments", "count", "renewing", "--jdbc-url", url, "--as-of",
                "2026-04-05", "--format", "json");
        CliRun list = CliRun.crm("campaigns", "segments", "list", "renewing", "--jdbc-url", url, "--as-of",
                "2026-04-05", "--format", "json");
        CliRun noDay = CliRun.crm("campaigns", "segments", "count", "renewing", "--jdbc-url", url);
        CliRun badDay = CliRun.crm("campaigns", "segments", "count", "renewing", "--jdbc-url", url, "--as-of",
                "15.03.2026");

        assertEquals(0, saved.exitCode(), saved.toString());
        assertEquals(3, saved.json().get("count").asInt(), "21 and 31 March, 10 April: " + saved.out());
        assertEquals(2, april.json().get("count").asInt(), "10 and 20 April: " + april.out());
        assertEquals(List.of(new UUID(0, 4).toString(), new UUID(0, 5).toString()),
                java.util.stream.StreamSupport.stream(list.json().get("contacts").spliterator(), false)
                        .map(n -> n.asText()).toList());
        assertEquals(2, noDay.exitCode(), noDay.toString());
        assertTrue(noDay.err().contains("--as-of is required"), noDay.err());
        assertEquals(2, badDay.exitCode(), badDay.toString());
        assertTrue(badDay.err().contains("--as-of"), badDay.err());
    }

    @Test
    void badFilter_orUnknownSegment_isABadArgument_andNothingIsSaved() {
        String url = store();

        CliRun bad = CliRun.crm("campaigns", "segments", "save", "s", "--filter", "consent(MAYBE)", "--jdbc-url",
                url);
        CliRun unknown = CliRun.crm("campaigns", "segments", "count", "s", "--jdbc-url", url);

        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("'MAYBE' is not one of"), bad.err());
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("no saved segment named 's'"), unknown.err());
    }

    /**
     * Orders as of 15 March 2026: contact 1 last bought 429 days before (lapsed), 2 long ago (no consent), 3 two weeks
     * before, 4 and 5 never (4 only after the day, which does not count); ids as the store writes them.
     */
    @Test
    void orderConditions_readTheOrdersFile_asOfTheDay_andNeedIt() throws java.io.IOException {
        String url = store();
        Path orders = dir.resolve("orders.csv");
        java.nio.file.Files.writeString(orders, "customer_id,date,amount\n"
                + new UUID(0, 1) + ",2024-06-01,10.00\n" + new UUID(0, 1) + ",2025-01-10,25.50\n"
                + new UUID(0, 2) + ",2024-01-01,99.00\n" + new UUID(0, 3) + ",2026-03-01,12.00\n"
                + new UUID(0, 4) + ",2026-03-20,5.00\n");

        CliRun lapsed = CliRun.crm("campaigns", "segments", "save", "lapsed", "--filter",
                "all(consent(GRANTED), no-order-for(270))", "--orders", orders.toString(), "--as-of", "2026-03-15",
                "--jdbc-url", url, "--format", "json");
        CliRun recentOrNever = CliRun.crm("campaigns", "segments", "save", "recent or never", "--filter",
                "any(ordered-within(30), never-ordered())", "--orders", orders.toString(), "--as-of", "2026-03-15",
                "--jdbc-url", url, "--format", "json");
        CliRun list = CliRun.crm("campaigns", "segments", "list", "recent or never", "--orders", orders.toString(),
                "--as-of", "2026-03-15", "--limit", "2", "--jdbc-url", url, "--format", "json");
        CliRun later = CliRun.crm("campaigns", "segments", "count", "recent or never", "--orders",
                orders.toString(), "--as-of", "2026-04-30", "--jdbc-url", url, "--format", "json");
        CliRun noOrders = CliRun.crm("campaigns", "segments", "save", "not saved", "--filter",
                "not(rfm-segment(CHAMPIONS))", "--as-of", "2026-03-15", "--jdbc-url", url);
        CliRun noDay = CliRun.crm("campaigns", "segments", "count", "lapsed", "--orders", orders.toString(),
                "--jdbc-url", url);
        CliRun unsaved = CliRun.crm("campaigns", "segments", "count", "not saved", "--jdbc-url", url);

        assertEquals(0, lapsed.exitCode(), lapsed.toString());
        assertEquals(1, lapsed.json().get("count").asInt(), "contact 1 only: " + lapsed.out());
        assertEquals("all(consent(GRANTED), no-order-for(270))", lapsed.json().get("filter").asText());
        assertEquals(3, recentOrNever.json().get("count").asInt(), "3, 4 and 5: " + recentOrNever.out());
        assertEquals(List.of(new UUID(0, 3).toString(), new UUID(0, 4).toString()),
                java.util.stream.StreamSupport.stream(list.json().get("contacts").spliterator(), false)
                        .map(n -> n.asText()).toList(), list.out());
        assertEquals(new UUID(0, 4).toString(), list.json().get("next").asText());
        assertEquals(1, later.json().get("count").asInt(), "3 and 4 bought over 30 days before, 5 never: "
                + later.out());
        assertEquals(2, noOrders.exitCode(), noOrders.toString());
        assertTrue(noOrders.err().contains("--orders is required") && noOrders.err().contains("rfm-segment(CHAMPIONS)"),
                noOrders.err());
        assertEquals(2, unsaved.exitCode(), "refused before saving: " + unsaved);
        assertEquals(2, noDay.exitCode(), noDay.toString());
        assertTrue(noDay.err().contains("--as-of is required") && noDay.err().contains("no-order-for(270)"),
                noDay.err());
    }
}
