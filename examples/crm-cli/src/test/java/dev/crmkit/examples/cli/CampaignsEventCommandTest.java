package dev.crmkit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm campaigns event} and what {@code crm campaigns run} makes of the recorded events on an H2 file store:
 * event-triggered messages (cancelled by a later event of the same reference), the nurture sequence a captured lead
 * is enrolled in and a reply ends, and the contact's zone from its custom field.
 */
class CampaignsEventCommandTest {

    private static final UUID LENA = new UUID(0, 42);
    private static final UUID TALA = new UUID(0, 43);

    @TempDir
    Path dir;

    /**
     * An H2 file store with Lena (German, owned by anna) and, if asked, Tala (Pago Pago, UTC-11, by her custom field;
     * born 10 March).
     */
    private String store(boolean withTala) {
        String url = "jdbc:h2:file:" + dir.resolve("crm");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        CrmSchema.migrate(ds);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        store.contacts().insertOrGet(new Contact(new ContactId(LENA), 0, new PersonName("Lena", "Vogel"),
                List.of(new EmailAddress("lena@example.com")), List.of(), List.of(), Optional.of(Locale.GERMAN),
                Optional.empty(), MarketingConsent.granted(at, "web form"), List.of(), CustomFields.empty(),
                Optional.of(UserId.of("anna")), at, at));
        if (!withTala) {
            return url;
        }
        store.contacts().insertOrGet(new Contact(new ContactId(TALA), 0, new PersonName("Tala", "Fa'a"),
                List.of(new EmailAddress("tala@example.com")), List.of(), List.of(), Optional.of(Locale.ENGLISH),
                Optional.of(LocalDate.of(1990, 3, 10)), MarketingConsent.granted(at, "web form"), List.of(),
                CustomFields.empty().with("time_zone", new FieldValue.Text("Pacific/Pago_Pago")), Optional.empty(),
                at, at));
        return url;
    }

    private static CliRun event(String url, UUID contact, String type, String at, String reference) {
        return CliRun.crm("campaigns", "event", "--jdbc-url", url, "--contact", contact.toString(), "--type", type,
                "--at", at, "--reference", reference);
    }

    private CliRun run(String url, String asOf, String... more) {
        List<String> args = new ArrayList<>(List.of("campaigns", "run", "--jdbc-url", url, "--as-of", asOf,
                "--out", dir.resolve("mail").toString(), "--format", "json"));
        args.addAll(List.of(more));
        return CliRun.crm(args.toArray(String[]::new));
    }

    private List<String> subjects() throws Exception {
        List<String> out = new ArrayList<>();
        Path folder = dir.resolve("mail");
        if (Files.notExists(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(new MimeMessage(Session.getInstance(new Properties()), in).getSubject());
                }
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void anOrderWithoutAReference_isRefusedNamingIt_andNothingIsRecorded() throws Exception {
        String url = store(false);

        CliRun noReference = CliRun.crm("campaigns", "event", "--jdbc-url", url, "--contact", LENA.toString(),
                "--type", "order-placed", "--at", "2026-03-03T09:00:00Z");
        CliRun blank = event(url, LENA, "payment-due", "2026-03-03T09:00:00Z", " ");

        assertEquals(2, noReference.exitCode(), noReference.toString());
        assertTrue(noReference.err().contains("reference") && noReference.err().contains("required"),
                noReference.err());
        assertEquals(2, blank.exitCode(), blank.toString());
        // nothing recorded: a run sends nothing
        assertEquals(0, run(url, "2026-03-03").json().get("sent").asInt());
    }

    @Test
    void events_sendTheirMessages_unlessALaterEventOfTheSameReferenceCancelledThem() throws Exception {
        String url = store(false);
        CliRun first = event(url, LENA, "order-placed", "2026-03-03T09:00:00Z", "o-17");
        CliRun again = event(url, LENA, "order-placed", "2026-03-03T09:00:00Z", "o-17");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().startsWith("recorded "), first.out());
        assertTrue(again.out().startsWith("already recorded "), again.out());
        event(url, LENA, "cart-abandoned", "2026-03-02T08:00:00Z", "o-17"); // ordered the next day: no cart mail
        event(url, LENA, "payment-due", "2026-03-01T10:00:00Z", "inv-9");
        event(url, LENA, "payment-due", "2026-03-01T10:00:00Z", "inv-10");
        event(url, LENA, "payment-received", "2026-03-03T15:00:00Z", "inv-9");

        JsonNode tuesday = run(url, "2026-03-03").json();
        JsonNode wednesday = run(url, "2026-03-04").json();

        assertEquals(1, tuesday.get("sentByCampaign").get("order-confirmation").asInt(), tuesday.toString());
        assertEquals(1, tuesday.get("sentByCampaign").size(), "no abandoned-cart mail: " + tuesday);
        assertEquals(1, wednesday.get("sentByCampaign").get("payment-reminder").asInt(), wednesday.toString());
        assertEquals(1, wednesday.get("sent").asInt(), "only the unpaid invoice: " + wednesday);
        assertEquals(List.of("Ihre Bestellung o-17", "Zahlungserinnerung: inv-10"), subjects());
    }

    @Test
    void aCapturedLead_isNurtured_aReplyEndsTheSequence_andHandsItToItsOwner() throws Exception {
        String url = store(false);
        assertEquals(0, event(url, LENA, "lead-captured", "2026-03-02T10:00:00Z", "web form").exitCode());

        JsonNode monday = run(url, "2026-03-02").json();
        JsonNode thursday = run(url, "2026-03-05").json();
        event(url, LENA, "reply-received", "2026-03-06T08:00:00Z", "");
        JsonNode nextMonday = run(url, "2026-03-09").json();
        JsonNode later = run(url, "2026-03-20").json();

        assertEquals(1, monday.get("sequences").get("enrolled").asInt(), monday.toString());
        assertEquals(1, monday.get("sentByCampaign").get("nurture-intro").asInt(), monday.toString());
        assertEquals(1, thursday.get("sentByCampaign").get("nurture-reminder").asInt(), thursday.toString());
        assertEquals(0, nextMonday.get("sent").asInt(), nextMonday.toString());
        assertEquals(1, nextMonday.get("sequences").get("ended").get("goal_reached").asInt(), nextMonday.toString());
        assertEquals(0, later.get("sequences").get("advanced").asInt(), later.toString());
        assertEquals(List.of("Noch interessiert, Lena?", "Willkommen, Lena"), subjects());
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        List<Task> tasks = JdbcCrmStore.builder(ds).build().tasks().openAbout(new RecordRef(RecordType.CONTACT,
                LENA));
        assertEquals(List.of("Hand to sales: goal reached: replied"), tasks.stream().map(Task::title).toList());
        assertEquals(UserId.of("anna"), tasks.get(0).assignee());
    }

    /** A reply logged on the timeline (an inbound e-mail about the contact) ends the sequence as the event does. */
    @Test
    void aReplyOnTheTimeline_endsTheSequence_andHandsItToItsOwner() throws Exception {
        assertEquals(List.of("Hand to sales: goal reached: replied"), nurturedWithTimeline(true));
    }

    /** An outbound e-mail and an inbound call on the timeline are no reply: the sequence runs to its end. */
    @Test
    void noInboundEmailOnTheTimeline_isNoReply() throws Exception {
        assertEquals(List.of("Hand to sales: no reply after the reminder"), nurturedWithTimeline(false));
    }

    /** Lena nurtured from Monday, with entries logged on her timeline on Friday; her open tasks a week later. */
    private List<String> nurturedWithTimeline(boolean withInboundEmail) throws Exception {
        String url = store(false);
        assertEquals(0, event(url, LENA, "lead-captured", "2026-03-02T10:00:00Z", "web form").exitCode());
        run(url, "2026-03-02");
        run(url, "2026-03-05");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
        RecordRef lena = new RecordRef(RecordType.CONTACT, LENA);
        Instant at = Instant.parse("2026-03-06T08:00:00Z");
        store.activities().append(entry(1, ActivityType.EMAIL, Direction.OUTBOUND, at.minusSeconds(3600), lena));
        store.activities().append(entry(2, ActivityType.CALL, Direction.INBOUND, at.minusSeconds(1800), lena));
        if (withInboundEmail) {
            store.activities().append(entry(3, ActivityType.EMAIL, Direction.INBOUND, at, lena));
        }

        JsonNode nextMonday = run(url, "2026-03-09").json();

        assertEquals(0, nextMonday.get("sent").asInt(), nextMonday.toString());
        assertEquals(withInboundEmail ? 1 : 0, nextMonday.get("sequences").get("ended").path("goal_reached")
                .asInt(), nextMonday.toString());
        return store.tasks().openAbout(lena).stream().map(Task::title).toList();
    }

    private static Activity entry(int no, ActivityType type, Direction direction, Instant at, RecordRef about) {
        return new Activity(new ActivityId(new UUID(9, no)), type, type + " " + direction, "", direction, at,
                List.of(), java.util.Set.of(about), Optional.of(UserId.of("anna")), Visibility.PUBLIC, at);
    }

    @Test
    void aContactInUtcMinus11_getsItsBirthdayOfferOnItsOwnDay_notADayEarly() throws Exception {
        String url = store(true);

        // 2026-03-03T00:00Z is still 2 March in Pago Pago; the offer (born 10 March) is due on its 3 March
        JsonNode midnightUtc = run(url, "2026-03-03", "--at", "00:00").json();
        JsonNode noonUtc = run(url, "2026-03-03").json();

        assertEquals(0, midnightUtc.get("sent").asInt(), midnightUtc.toString());
        assertEquals(1, midnightUtc.get("deferred").asInt(), midnightUtc.toString());
        assertEquals(1, noonUtc.get("sentByCampaign").get("birthday").asInt(), noonUtc.toString());
        assertEquals(List.of("Happy birthday, Tala!"), subjects());
    }

    @Test
    void sendWindow_defersWhatFallsOutsideTheContactsLocalHours() throws Exception {
        String url = store(true);

        // 12:00 UTC on Tuesday is 01:00 in Pago Pago: outside 09:00-18:00 there
        JsonNode outside = run(url, "2026-03-03", "--send-window", "09:00-18:00").json();
        CliRun bad = run(url, "2026-03-03", "--send-window", "9-18");

        assertEquals(0, outside.get("sent").asInt(), outside.toString());
        assertEquals(1, outside.get("deferred").asInt(), outside.toString());
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--send-window must be HH:MM-HH:MM"), bad.err());
    }
}
