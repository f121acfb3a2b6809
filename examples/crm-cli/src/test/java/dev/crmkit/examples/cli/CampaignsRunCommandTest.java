package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignsRunCommandTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Path contacts() throws IOException {
        return Files.writeString(dir.resolve("contacts.csv"), """
                id,first_name,last_name,email,phone,birthday,consent,language
                c1,Anna,Berg,anna@example.com,,1980-03-10,yes,de
                c2,Ben,Cole,ben@example.com,,1975-03-10,no,en
                c3,Cleo,Dahl,cleo@example.com,,,yes,en
                c4,Dan,Eck,,,1990-03-10,yes,en
                c5,Eve,Fox,eve@example.com,,1991-03-10,yes,en
                """);
    }

    private Path orders() throws IOException {
        return Files.writeString(dir.resolve("orders.csv"), """
                customer_id,date,amount
                c3,2025-06-03,12.50
                c5,2025-06-03,20.00
                """);
    }

    private static List<MimeMessage> emlFiles(Path folder) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
        }
        return out;
    }

    private static List<String> subjects(Path folder) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : emlFiles(folder)) {
            out.add(m.getSubject());
        }
        return out;
    }

    @Test
    void run_default_writesOneEmlPerSentMessageAndReportsTheRest() throws Exception {
        Path mail = dir.resolve("mail");

        CliRun run = CliRun.crm("campaigns", "run", "--contacts", contacts().toString(), "--orders",
                orders().toString(), "--as-of", "2026-03-03", "--out", mail.toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = run.json();
        // c1 birthday; c3 win-back; c4 birthday but no address; c5 birthday and win-back, one a day
        assertEquals(5, json.get("due").asInt());
        assertEquals(3, json.get("sent").asInt());
        assertEquals(1, json.get("held").asInt());
        assertEquals(1, json.get("deferred").asInt());
        assertEquals(2, json.get("sentByCampaign").get("birthday").asInt());
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : emlFiles(mail)) {
            subjects.add(m.getSubject());
        }
        subjects.sort(null);
        assertEquals(List.of("Alles Gute zum Geburtstag, Anna!", "Happy birthday, Eve!", "We miss you, Cleo"),
                subjects);
        assertTrue(run.json().get("messages").toString().contains("held: c4 has no e-mail address"), run.out());
    }

    @Test
    void run_sameDayAgain_writesNoSecondFile() throws Exception {
        Path mail = dir.resolve("mail");
        String[] args = {"campaigns", "run", "--contacts", contacts().toString(), "--orders", orders().toString(),
                "--as-of", "2026-03-03", "--out", mail.toString()};

        assertEquals(0, CliRun.crm(args).exitCode());
        CliRun again = CliRun.crm(args);

        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(3, emlFiles(mail).size());
        assertTrue(again.out().startsWith("5 messages due on 2026-03-03: 3 sent to " + mail), again.out());
    }

    @Test
    void run_smtp_deliversThroughTheServer() throws Exception {
        CliRun run = CliRun.crm("campaigns", "run", "--contacts", contacts().toString(), "--as-of", "2026-03-03",
                "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()),
                "--from", "shop@example.com");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(SMTP.waitForIncomingEmail(5_000, 2));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(2, received.length, "c1 and c5: birthdays with consent and an address");
        assertEquals("shop@example.com", received[0].getFrom()[0].toString());
    }

    @Test
    void run_smtpPortWithoutHost_isABadArgument() throws Exception {
        CliRun run = CliRun.crm("campaigns", "run", "--contacts", contacts().toString(), "--as-of", "2026-03-03",
                "--smtp-port", "2525");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--smtp-port needs --smtp-host"), run.err());
    }

    /** An H2 file store with one contact, Lena, whose birthday offer is due on 2026-03-03; its JDBC URL. */
    private String storeWithLena() {
        String url = "jdbc:h2:file:" + dir.resolve("crm");
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        dev.crmkit.adapters.jdbc.CrmSchema.migrate(ds);
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        dev.crmkit.adapters.jdbc.JdbcCrmStore.builder(ds).build().contacts().insertOrGet(
                new dev.crmkit.core.contact.Contact(new dev.crmkit.core.contact.ContactId(new java.util.UUID(0, 42)),
                        0, new dev.crmkit.core.contact.PersonName("Lena", "Vogel"),
                        List.of(new dev.crmkit.core.kernel.EmailAddress("lena@example.com")), List.of(), List.of(),
                        java.util.Optional.of(java.util.Locale.GERMAN),
                        java.util.Optional.of(java.time.LocalDate.of(1988, 3, 10)),
                        dev.crmkit.core.contact.MarketingConsent.granted(at, "web form"), List.of(),
                        dev.crmkit.core.customfield.CustomFields.empty(), java.util.Optional.empty(), at, at));
        return url;
    }

    @Test
    void run_withoutContactsFile_sendsToTheContactsOfTheStore() throws Exception {
        String url = storeWithLena();
        Path mail = dir.resolve("mail");

        CliRun run = CliRun.crm("campaigns", "run", "--jdbc-url", url, "--as-of", "2026-03-03", "--out",
                mail.toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(1, run.json().get("sent").asInt(), run.out());
        assertEquals(List.of("Alles Gute zum Geburtstag, Lena!"), subjects(mail));
    }

    @Test
    void run_withTheStore_rendersTheTemplateSavedInTheStore() throws Exception {
        String url = storeWithLena();
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        var templates = new dev.crmkit.campaigns.template.EditableTemplates(
                dev.crmkit.adapters.jdbc.JdbcCrmStore.builder(ds).build().campaignStores().templates(),
                dev.crmkit.campaigns.template.StandardTemplates.library());
        templates.save(new dev.crmkit.campaigns.template.MessageTemplate("birthday", "de",
                "Zum Geburtstag ein Geschenk, {{first_name}}", "Gültig bis {{valid_until}}.\n"), 0);
        Path mail = dir.resolve("mail");

        CliRun run = CliRun.crm("campaigns", "run", "--jdbc-url", url, "--as-of", "2026-03-03", "--out",
                mail.toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("Zum Geburtstag ein Geschenk, Lena"), subjects(mail));
    }

    /** The ledger's record of Lena's birthday offer of 2026. */
    private static dev.crmkit.campaigns.delivery.MessageState lenasOffer(String url) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        return dev.crmkit.adapters.jdbc.JdbcCrmStore.builder(ds).build().campaignStores().messages()
                .find(new java.util.UUID(0, 42) + "/birthday/2026/1").orElseThrow();
    }

    /** Two processes running at once must not claim as one node: the default name is the host's and the pid. */
    @Test
    void run_claimsUnderTheProcessNodeName_byDefault() throws Exception {
        String first = storeWithLena();
        CliRun byDefault = CliRun.crm("campaigns", "run", "--jdbc-url", first, "--as-of", "2026-03-03", "--out",
                dir.resolve("a").toString(), "--format", "json");
        assertEquals(1, byDefault.json().get("sent").asInt(), byDefault.toString());
        String claimant = lenasOffer(first).claimedBy().orElseThrow();
        assertEquals(dev.crmkit.examples.cli.campaigns.RunCommand.defaultNode(), claimant);
        assertTrue(claimant.startsWith("crm@") && claimant.endsWith(":" + ProcessHandle.current().pid()), claimant);
        assertNotEquals(claimant, dev.crmkit.examples.cli.campaigns.RunCommand.nodeOf(
                claimant.substring(4, claimant.lastIndexOf(':')), ProcessHandle.current().pid() + 1),
                "another process on the host claims under another name");
    }

    /** A long host name (a long FQDN) is cut so the name fits the ledger's 100 characters and keeps the pid. */
    @Test
    void nodeOf_aLongHostName_isCutToTheLedgersLimit_keepingThePid() {
        String host = "build-agent-" + "x".repeat(120) + ".example.internal";
        String node = dev.crmkit.examples.cli.campaigns.RunCommand.nodeOf(host, 4_194_303);
        assertEquals(100, node.length(), node);
        assertTrue(node.startsWith("crm@build-agent-x") && node.endsWith(":4194303"), node);
        assertEquals("crm@h:7", dev.crmkit.examples.cli.campaigns.RunCommand.nodeOf("h", 7));
    }

    @Test
    void run_nodeOption_namesTheClaimant_andABlankOneIsABadArgument() throws Exception {
        String second = storeWithLena();
        CliRun named = CliRun.crm("campaigns", "run", "--jdbc-url", second, "--as-of", "2026-03-03", "--out",
                dir.resolve("b").toString(), "--node", "shop-node-7", "--format", "json");
        CliRun blank = CliRun.crm("campaigns", "run", "--jdbc-url", second, "--as-of", "2026-03-03", "--out",
                dir.resolve("c").toString(), "--node", " ");
        assertEquals(1, named.json().get("sent").asInt(), named.toString());
        assertEquals(Optional.of("shop-node-7"), lenasOffer(second).claimedBy());
        assertEquals(2, blank.exitCode(), blank.toString());
        assertTrue(blank.err().contains("--node must be 1 to 100 characters"), blank.err());
    }

    @Test
    void run_storeTwiceForTheSameDay_sendsNothingTheSecondTime() throws Exception {
        String url = storeWithLena();
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        CliRun once = CliRun.crm("campaigns", "run", "--jdbc-url", url, "--as-of", "2026-03-03", "--out",
                first.toString(), "--format", "json");
        CliRun again = CliRun.crm("campaigns", "run", "--jdbc-url", url, "--as-of", "2026-03-03", "--out",
                second.toString(), "--format", "json");

        assertEquals(1, once.json().get("sent").asInt(), once.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(1, again.json().get("due").asInt(), again.out());
        assertEquals(0, again.json().get("sent").asInt(), again.out());
        assertEquals(1, emlFiles(first).size());
        assertTrue(Files.notExists(second) || emlFiles(second).isEmpty(), "nothing written the second time");
        assertTrue(again.json().get("messages").get(0).get("outcome").asText().startsWith("done before: sent"),
                again.out());
    }

    @Test
    void run_inactiveDays_sendsTheReContactMessageOnTheDayTheSilenceReachesNDays() throws Exception {
        String url = storeWithLena();
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        java.time.Instant call = java.time.Instant.parse("2026-01-15T10:00:00Z");
        dev.crmkit.adapters.jdbc.JdbcCrmStore.builder(ds).build().activities().append(
                new dev.crmkit.core.activity.Activity(new dev.crmkit.core.activity.ActivityId(new java.util.UUID(0, 7)),
                        dev.crmkit.core.activity.ActivityType.CALL, "Follow-up", "",
                        dev.crmkit.core.activity.Direction.OUTBOUND, call, List.of(),
                        java.util.Set.of(new dev.crmkit.core.kernel.RecordRef(dev.crmkit.core.kernel.RecordType.CONTACT,
                                new java.util.UUID(0, 42))), java.util.Optional.empty(),
                        dev.crmkit.core.activity.Visibility.PUBLIC, call));
        Path mail = dir.resolve("mail");

        CliRun early = CliRun.crm("campaigns", "run", "--jdbc-url", url, "--as-of", "2026-02-13",
                "--inactive-days", "30", "--out", mail.toString(), "--format", "json");
        CliRun due = CliRun.crm("campaigns", "run", "--jdbc-url", url, "--as-of", "2026-02-14",
                "--inactive-days", "30", "--out", mail.toString(), "--format", "json");
        CliRun withFile = CliRun.crm("campaigns", "run", "--contacts", contacts().toString(), "--as-of",
                "2026-02-14", "--inactive-days", "30");

        assertEquals(0, early.json().get("due").asInt(), early.out());
        assertEquals(1, due.json().get("sentByCampaign").get("re-contact").asInt(), due.out());
        assertEquals(List.of("Wie geht es Ihnen, Lena?"), subjects(mail));
        assertEquals(2, withFile.exitCode(), withFile.toString());
        assertTrue(withFile.err().contains("--inactive-days needs the store"), withFile.err());
    }
}
