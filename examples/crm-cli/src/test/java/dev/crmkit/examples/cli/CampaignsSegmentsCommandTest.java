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
}
