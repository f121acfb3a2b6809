package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.core.Crm;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm --as USER} honoured by the duplicate scan of a store, the data-quality figures, the full export, the
 * personal-data export, the team statistics and the metrics report, on an H2 file with the organization of {@code crm access demo}
 * (dana heads sales with every permission, anna leads DACH with STATISTICS, ben is a rep without EXPORT).
 */
class ActingUserScansTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final List<String> OWNERS = List.of("dana", "anna", "david", "david", "ben", "carla", "carla", "");

    @TempDir
    Path dir;

    /** The contacts the fixture wrote, as written (once per JVM: see {@link H2Templates}). */
    private static final List<Contact> WRITTEN = new ArrayList<>();

    private List<Contact> contacts;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    @BeforeEach
    void store() {
        H2Templates.copy("acting-user-scans", dir, ActingUserScansTest::write);
        contacts = List.copyOf(WRITTEN);
    }

    private static void write(String url) {
        WRITTEN.clear(); // a set-up that failed is tried again by the next test
        try (Database db = Database.open(url, Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            Crm crm = Crm.builder().store(db.store()).clock(Clock.fixed(T0, ZoneOffset.UTC))
                    .ids(IdGenerator.seeded(15)).defaultRegion("DE").build();
            for (int i = 0; i < OWNERS.size(); i++) {
                String owner = OWNERS.get(i);
                // the same name for all: every pair is a suspected duplicate
                WRITTEN.add(crm.customers().createContact(new NewContact("Maria", "Schmidt",
                        List.of("p" + i + "@kunde.example"), List.of(), "",
                        owner.isEmpty() ? Optional.empty() : Optional.of(UserId.of(owner)), Map.of())));
            }
        }
        CliRun demo = CliRun.crm("access", "demo", "--as-of", CliRun.AS_OF, "--jdbc-url", url);
        assertEquals(0, demo.exitCode(), demo.toString());
    }

    private CliRun crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--jdbc-url");
        all.add(h2());
        return CliRun.crm(all.toArray(String[]::new));
    }

    private long visible(String user) {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            AccessPolicy policy = AccessPolicy.of(db.store().accessDirectory().organization());
            return contacts.stream().filter(c -> policy.decide(Actor.user(user), Permission.VIEW, AccessRecord.of(c),
                    db.store().shares().of(AccessRecord.of(c).ref())).allowed()).count();
        }
    }

    @Test
    void duplicatesScanStore_asAUser_scansOnlyTheContactsTheUserMayView() {
        for (String user : List.of("dana", "anna", "ben")) {
            CliRun run = crm("--as", user, "duplicates", "scan", "--store", "--format", "json");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(visible(user), run.json().get("records").asLong(), user + ": " + run.out());
        }
        assertTrue(visible("ben") < contacts.size());
        CliRun all = crm("duplicates", "scan", "--store", "--format", "json");
        assertEquals(contacts.size(), all.json().get("records").asLong(), "without --as every contact");
    }

    @Test
    void quality_asAUserWithoutStatistics_countsOnlyTheContactsTheUserMayView() {
        assertEquals(contacts.size(), contactRecords(crm("--as", "dana", "quality", "--format", "json")));
        assertEquals(visible("ben"), contactRecords(crm("--as", "ben", "quality", "--format", "json")));
        assertEquals(contacts.size(), contactRecords(crm("--as", "anna", "quality", "--format", "json")),
                "anna holds STATISTICS");
    }

    private static long contactRecords(CliRun run) {
        assertEquals(0, run.exitCode(), run.toString());
        for (JsonNode f : run.json().get("fields")) {
            if (f.get("recordType").asText().equals("contact")) {
                return f.get("records").asLong();
            }
        }
        throw new AssertionError("no contact field in " + run.out());
    }

    @Test
    void export_asAUserWithANarrowerExportScope_isRefusedNamingThePermission_andWritesNothing() {
        CliRun refused = crm("--as", "anna", "export", "--out", dir.resolve("anna").toString());
        assertFalse(refused.exitCode() == 0, refused.toString());
        assertTrue(refused.err().contains("user:anna may not export everything: a full export needs permission "
                + "EXPORT with scope EVERYTHING"), refused.err());
        assertFalse(Files.exists(dir.resolve("anna")));
        CliRun done = crm("--as", "dana", "export", "--out", dir.resolve("dana").toString());
        assertEquals(0, done.exitCode(), done.toString());
        assertTrue(Files.exists(dir.resolve("dana").resolve("manifest.json")));
    }

    @Test
    void privacyExport_asAUser_needsExportOnTheContact_aHiddenOneIsNotFound() {
        String own = contacts.get(4).emails().get(0).value(); // ben's
        CliRun refused = crm("--as", "ben", "privacy", "export", own, "--as-of", CliRun.AS_OF);
        assertFalse(refused.exitCode() == 0, refused.toString());
        assertTrue(refused.err().contains("user:ben may not export contact:" + contacts.get(4).id().value()),
                refused.err());
        String danas = contacts.get(0).emails().get(0).value();
        CliRun hidden = crm("--as", "ben", "privacy", "export", danas, "--as-of", CliRun.AS_OF);
        assertTrue(hidden.err().contains("nobody is stored under"), hidden.toString());
        CliRun done = crm("--as", "dana", "privacy", "export", danas, "--as-of", CliRun.AS_OF);
        assertEquals(0, done.exitCode(), done.toString());
        assertTrue(done.out().contains(contacts.get(0).id().value().toString()), done.out());
    }

    @Test
    void privacyExport_asAUser_isAuditedAsThatUser_notAsTheCliSystemActor() {
        Contact danas = contacts.get(0);
        CliRun done = crm("--as", "dana", "privacy", "export", danas.emails().get(0).value(), "--as-of",
                CliRun.AS_OF);
        assertEquals(0, done.exitCode(), done.toString());
        CliRun system = crm("privacy", "export", danas.emails().get(0).value(), "--as-of", CliRun.AS_OF);
        assertEquals(0, system.exitCode(), system.toString());
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            List<String> exporters = db.store().auditTrail().forRecord(AccessRecord.of(danas).ref(),
                    dev.crmkit.core.kernel.PageRequest.first(100)).items().stream()
                    .filter(e -> e.action() == dev.crmkit.core.audit.AuditAction.EXPORT)
                    .map(e -> e.actor().toString()).sorted().toList();
            assertEquals(List.of("system:host", "user:dana"), exporters);
        }
    }

    @Test
    void teamStats_asAUserWithoutStatistics_isRefusedNamingThePermission() {
        CliRun refused = crm("--as", "ben", "team", "stats", "--from", "2026-11-01", "--to", "2026-11-30",
                "--as-of", "2026-11-30");
        assertFalse(refused.exitCode() == 0, refused.toString());
        assertTrue(refused.err().contains("user:ben may not administer STATISTICS"), refused.err());
        CliRun done = crm("--as", "anna", "team", "stats", "--from", "2026-11-01", "--to", "2026-11-30",
                "--as-of", "2026-11-30");
        assertEquals(0, done.exitCode(), done.toString());
    }

    /** STATISTICS widens the records, not the fields: a role hiding a deal's amount or owner gets no per-owner sums. */
    @Test
    void teamStats_asAUserWhoseRoleHidesDealAmountOrOwner_isRefusedNamingTheField() {
        for (String field : List.of("amount", "owner")) {
            headOfSalesHides(dev.crmkit.core.kernel.RecordType.DEAL, field);
            CliRun refused = crm("--as", "dana", "team", "stats", "--from", "2026-11-01", "--to", "2026-11-30",
                    "--as-of", "2026-11-30");
            assertFalse(refused.exitCode() == 0, refused.toString());
            assertTrue(refused.err().contains("team stats refused: the role of user:dana hides deal." + field),
                    refused.err());
        }
        headOfSalesHides("emails");
        CliRun done = crm("--as", "dana", "team", "stats", "--from", "2026-11-01", "--to", "2026-11-30",
                "--as-of", "2026-11-30");
        assertEquals(0, done.exitCode(), done.toString());
    }

    /**
     * {@code crm --as USER report} needs STATISTICS (its figures are the business's, from files and host tables that
     * carry no owner): ben, a rep, is refused naming the permission and nothing is written; anna, who holds it, gets
     * the report. Before, every {@code --as} was refused as a command that does not run as a user.
     */
    @Test
    void report_asAUserWithoutStatistics_isRefusedNamingThePermission_andWritesNothing() {
        Path bens = dir.resolve("report-ben");
        CliRun refused = crm("--as", "ben", "report", "--out", bens.toString(), "--as-of", "2026-11-30");
        assertFalse(refused.exitCode() == 0, refused.toString());
        assertTrue(refused.err().contains("report refused: user:ben may not administer STATISTICS"), refused.err());
        assertFalse(Files.exists(bens), "nothing written");
        Path annas = dir.resolve("report-anna");
        CliRun done = crm("--as", "anna", "report", "--out", annas.toString(), "--as-of", "2026-11-30");
        assertEquals(0, done.exitCode(), done.toString());
        assertTrue(Files.exists(annas.resolve("index.html")));
    }

    /**
     * {@code crm --as USER report} with STATISTICS still refuses a user whose role hides a field the report shows
     * figures of (deal amounts in the forecast, deal owners on the team page), naming the field, and writes nothing;
     * a hidden field the report does not show (a contact's e-mails) does not stop it.
     */
    @Test
    void report_asAUserWhoseRoleHidesDealAmountOrOwner_isRefusedNamingTheField_andWritesNothing() {
        for (String field : List.of("amount", "owner")) {
            headOfSalesHides(dev.crmkit.core.kernel.RecordType.DEAL, field);
            Path out = dir.resolve("report-" + field);
            CliRun refused = crm("--as", "dana", "report", "--out", out.toString(), "--as-of", "2026-11-30");
            assertFalse(refused.exitCode() == 0, refused.toString());
            assertTrue(refused.err().contains("report refused: the role of user:dana hides deal." + field),
                    refused.err());
            assertFalse(Files.exists(out), "nothing written");
        }
        headOfSalesHides("emails");
        Path out = dir.resolve("report-emails");
        CliRun done = crm("--as", "dana", "report", "--out", out.toString(), "--as-of", "2026-11-30");
        assertEquals(0, done.exitCode(), done.toString());
        assertTrue(Files.exists(out.resolve("index.html")));
    }

    /** Stores the demo's head-of-sales role (dana's: every permission) again, hiding a field of a record type. */
    private void headOfSalesHides(dev.crmkit.core.kernel.RecordType type, String field) {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            db.store().accessDirectory().save(dev.crmkit.core.access.Role.builder("head-of-sales", "Head of sales")
                    .everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                    .admin(dev.crmkit.core.access.AdminPermission.values())
                    .field(type, field, dev.crmkit.core.access.FieldAccess.HIDDEN).build());
        }
    }

    /** Stores the demo's head-of-sales role (dana's: every permission) again, hiding a contact field. */
    private void headOfSalesHides(String contactField) {
        try (Database db = Database.open(h2(), Optional.empty(), Optional.empty(), StoreOptions.PREFIX)) {
            db.store().accessDirectory().save(dev.crmkit.core.access.Role.builder("head-of-sales", "Head of sales")
                    .everywhere(dev.crmkit.core.access.Scope.EVERYTHING)
                    .admin(dev.crmkit.core.access.AdminPermission.values())
                    .field(dev.crmkit.core.kernel.RecordType.CONTACT, contactField,
                            dev.crmkit.core.access.FieldAccess.HIDDEN).build());
        }
    }

    @Test
    void duplicatesScanStore_asAUserWhoseRoleHidesEMails_neitherScoresNorQuotesThem() {
        CliRun all = crm("duplicates", "scan", "--store", "--format", "json");
        assertTrue(all.out().contains("@kunde.example"), "the system's scan quotes the e-mails: " + all.out());
        CliRun before = crm("--as", "dana", "duplicates", "scan", "--store", "--format", "json");
        assertTrue(before.out().contains("@kunde.example"), before.out());
        headOfSalesHides("emails");

        CliRun run = crm("--as", "dana", "duplicates", "scan", "--store", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(contacts.size(), run.json().get("records").asLong());
        assertFalse(run.out().contains("@kunde.example"), "a hidden e-mail is quoted: " + run.out());
        assertFalse(run.out().toLowerCase(java.util.Locale.ROOT).contains("e-mail"), "a hidden e-mail is compared: "
                + run.out());
        assertTrue(run.json().get("pairs").size() > 0, "the names still match: " + run.out());
        CliRun text = crm("--as", "dana", "duplicates", "scan", "--store");
        assertFalse(text.out().contains("@kunde.example"), text.out());
    }

    @Test
    void quality_asAUserWhoseRoleHidesAField_reportsNoFillRateOfIt_andSaysItIsHidden() {
        assertTrue(contactFields(crm("--as", "dana", "quality", "--format", "json")).contains("birthday"));
        headOfSalesHides("birthday");

        CliRun run = crm("--as", "dana", "quality", "--format", "json");
        assertFalse(contactFields(run).contains("birthday"), "a hidden field's fill rate: " + run.out());
        assertTrue(contactFields(run).contains("lastName"), run.out());
        assertTrue(run.json().get("hiddenFields").toString().contains("contact.birthday"), run.out());
        CliRun text = crm("--as", "dana", "quality");
        assertTrue(text.out().contains("Not counted, hidden from the user's role: contact.birthday"), text.out());
        assertTrue(contactFields(crm("quality", "--format", "json")).contains("birthday"), "without --as: all");
    }

    private static List<String> contactFields(CliRun run) {
        assertEquals(0, run.exitCode(), run.toString());
        List<String> out = new ArrayList<>();
        run.json().get("fields").forEach(f -> {
            if (f.get("recordType").asText().equals("contact")) {
                out.add(f.get("field").asText());
            }
        });
        return out;
    }

    @Test
    void exports_asAUserWhoseRoleHidesAField_areRefusedNamingTheField_andWriteNothing() {
        headOfSalesHides("birthday");
        CliRun full = crm("--as", "dana", "export", "--out", dir.resolve("dana").toString());
        assertFalse(full.exitCode() == 0, full.toString());
        assertTrue(full.err().contains("user:dana may not export everything: role head-of-sales hides "
                + "contact.birthday"), full.err());
        assertFalse(Files.exists(dir.resolve("dana")));

        String danas = contacts.get(0).emails().get(0).value();
        CliRun person = crm("--as", "dana", "privacy", "export", danas, "--as-of", CliRun.AS_OF);
        assertFalse(person.exitCode() == 0, person.toString());
        assertTrue(person.err().contains("privacy export refused: user:dana may not export contact:"
                + contacts.get(0).id().value() + ": role head-of-sales hides contact.birthday"), person.err());
        assertFalse(person.out().contains(contacts.get(0).id().value().toString()), person.out());

        CliRun system = crm("privacy", "export", danas, "--as-of", CliRun.AS_OF);
        assertEquals(0, system.exitCode(), "the system actor is unchanged: " + system);
    }
}
