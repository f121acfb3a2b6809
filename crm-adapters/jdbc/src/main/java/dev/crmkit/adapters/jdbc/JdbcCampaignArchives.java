package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.sequence.EnrollmentStatus;
import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.StoredTemplate;
import dev.crmkit.campaigns.trigger.HostEvent;
import dev.crmkit.kit.archive.CampaignEventEntry;
import dev.crmkit.kit.archive.CapDayEntry;
import dev.crmkit.kit.archive.EnrollmentKey;
import dev.crmkit.kit.archive.SegmentEntry;
import dev.crmkit.kit.archive.TemplateKey;
import dev.crmkit.kit.archive.DoNotContactKey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The archives of crm-campaigns' tables ({@code campaign_message}, V28; {@code campaign_do_not_contact}, V29) in the
 * store's own units of work, so a restored batch commits with its restore-log entry, which
 * {@link JdbcCampaignMessages} and {@link JdbcDoNotContactList}, on connections of their own, would not. Loaded only
 * when an export or a restore reads them (crm-campaigns is an optional dependency of this module).
 */
final class JdbcCampaignArchives {

    private JdbcCampaignArchives() {
    }

    /** The ledger of due messages, keyed by the message key. */
    static JdbcArchive<MessageState> messages(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String key = d.binaryText("msg_key");
        String insert = jdbc.sql("INSERT INTO {campaign_message} (msg_key, contact_id, campaign, step, occurrence, "
                + "send_on, valid_until, kind, claimed_by, lease_until, claims, done_at, outcome) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        return new JdbcArchive<>(jdbc, "campaign message", "SELECT * FROM {campaign_message}",
                key + " > " + d.binaryText("?"), key, "msg_key = ?", JdbcCampaignMessages::state,
                s -> s.message().key(), k -> new Object[]{k}, k -> new Object[]{k},
                (c, s) -> jdbc.update(c, insert, row(s))).restoringAll((c, all) -> jdbc.batch(c, insert, all,
                JdbcCampaignArchives::row));
    }

    private static Object[] row(MessageState s) {
        return new Object[]{s.message().key(), s.message().contactId(), s.message().campaign(), s.message().step(),
                s.message().occurrence(), Math.toIntExact(s.message().sendOn().toEpochDay()),
                Math.toIntExact(s.message().validUntil().toEpochDay()), s.message().kind().name(),
                Jdbc.text(s.claimedBy()), millis(s.leaseUntil().orElse(null)), s.claims(),
                millis(s.doneAt().orElse(null)), Jdbc.text(s.outcome())};
    }

    /** The do-not-contact entries, keyed by {@link DoNotContactKey}. */
    static JdbcArchive<DoNotContact> doNotContact(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String contact = d.binaryText("contact_id");
        String insert = jdbc.sql("INSERT INTO {campaign_do_not_contact} (contact_id, channel, reason, at_millis, "
                + "source) VALUES (?, ?, ?, ?, ?)");
        return new JdbcArchive<>(jdbc, "do-not-contact entry", "SELECT * FROM {campaign_do_not_contact}",
                "(" + contact + " > " + d.binaryText("?") + " OR (contact_id = ? AND (channel > ? OR (channel = ? AND "
                        + "(reason > ? OR (reason = ? AND at_millis > ?))))))",
                contact + ", channel, reason, at_millis",
                "contact_id = ? AND channel = ? AND reason = ? AND at_millis = ?",
                rs -> new DoNotContact(rs.getString("contact_id"), ChannelKind.valueOf(rs.getString("channel")),
                        DoNotContact.Reason.valueOf(rs.getString("reason")), rs.getString("source"),
                        Instant.ofEpochMilli(rs.getLong("at_millis"))),
                DoNotContactKey::of, k -> {
                    DoNotContact e = DoNotContactKey.parse(k);
                    return new Object[]{e.contactId(), e.contactId(), e.channel().name(), e.channel().name(),
                            e.reason().name(), e.reason().name(), e.at().toEpochMilli()};
                }, k -> {
                    DoNotContact e = DoNotContactKey.parse(k);
                    return new Object[]{e.contactId(), e.channel().name(), e.reason().name(), e.at().toEpochMilli()};
                }, (c, e) -> jdbc.update(c, insert, row(e))).restoringAll((c, all) -> jdbc.batch(c, insert, all,
                JdbcCampaignArchives::row));
    }

    private static Object[] row(DoNotContact e) {
        return new Object[]{e.contactId(), e.channel().name(), e.reason().name(), e.at().toEpochMilli(), e.source()};
    }

    /** The host's events ({@code campaign_event}, V61), keyed by the host's idempotency key. */
    static JdbcArchive<CampaignEventEntry> events(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String key = d.binaryText("event_key");
        String insert = jdbc.sql("INSERT INTO {campaign_event} (event_key, contact_id, event_type, occurred_at, "
                + "reference) VALUES (?, ?, ?, ?, ?)");
        return new JdbcArchive<>(jdbc, "campaign event", "SELECT * FROM {campaign_event}",
                key + " > " + d.binaryText("?"), key, "event_key = ?",
                rs -> new CampaignEventEntry(rs.getString("event_key"), new HostEvent(rs.getString("contact_id"),
                        rs.getString("event_type"), JdbcEnrollments.instant(rs.getLong("occurred_at")),
                        rs.getString("reference"))),
                CampaignEventEntry::key, k -> new Object[]{k}, k -> new Object[]{k},
                (c, e) -> jdbc.update(c, insert, row(e))).restoringAll((c, all) -> jdbc.batch(c, insert, all,
                JdbcCampaignArchives::row));
    }

    private static Object[] row(CampaignEventEntry e) {
        return new Object[]{e.key(), e.event().contactId(), e.event().type(), JdbcEnrollments.micros(e.event().at()),
                e.event().reference()};
    }

    /**
     * The sequence enrollments ({@code campaign_enrollment}, V43), keyed by {@link EnrollmentKey}. A runner's claim
     * ({@code claimed_by}, {@code lease_until}, V60) is not part of the record: a restored enrollment is unclaimed.
     */
    static JdbcArchive<Enrollment> enrollments(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String contact = d.binaryText("contact_id");
        String insert = jdbc.sql("INSERT INTO {campaign_enrollment} (contact_id, sequence_name, enrolled_at, step, "
                + "next_at, status, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?)");
        return new JdbcArchive<>(jdbc, "sequence enrollment", "SELECT * FROM {campaign_enrollment}",
                "(" + contact + " > " + d.binaryText("?") + " OR (contact_id = ? AND (sequence_name > ? OR "
                        + "(sequence_name = ? AND enrolled_at > ?))))",
                contact + ", sequence_name, enrolled_at",
                "contact_id = ? AND sequence_name = ? AND enrolled_at = ?",
                rs -> new Enrollment(rs.getString("contact_id"), rs.getString("sequence_name"),
                        JdbcEnrollments.instant(rs.getLong("enrolled_at")), rs.getInt("step"),
                        JdbcEnrollments.instant(rs.getLong("next_at")),
                        EnrollmentStatus.valueOf(rs.getString("status")), rs.getString("end_reason")),
                EnrollmentKey::of, k -> {
                    EnrollmentKey.Parts p = EnrollmentKey.parse(k);
                    return new Object[]{p.contactId(), p.contactId(), p.sequence(), p.sequence(), p.micros()};
                }, k -> {
                    EnrollmentKey.Parts p = EnrollmentKey.parse(k);
                    return new Object[]{p.contactId(), p.sequence(), p.micros()};
                }, (c, e) -> jdbc.update(c, insert, row(e))).restoringAll((c, all) -> jdbc.batch(c, insert, all,
                JdbcCampaignArchives::row));
    }

    private static Object[] row(Enrollment e) {
        return new Object[]{e.contactId(), e.sequence(), JdbcEnrollments.micros(e.enrolledAt()), e.step(),
                JdbcEnrollments.micros(e.nextAt()), e.status().name(), e.endReason()};
    }

    /** Every version of the templates ({@code campaign_template}, V64), keyed by {@link TemplateKey}. */
    static JdbcArchive<StoredTemplate> templates(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String name = d.binaryText("name");
        String language = d.binaryText("language");
        String insert = jdbc.sql("INSERT INTO {campaign_template} (name, language, version, subject, body) "
                + "VALUES (?, ?, ?, ?, ?)");
        return new JdbcArchive<>(jdbc, "template version", "SELECT * FROM {campaign_template}",
                "(" + name + " > " + d.binaryText("?") + " OR (name = ? AND (" + language + " > "
                        + d.binaryText("?") + " OR (language = ? AND version > ?))))",
                name + ", " + language + ", version", "name = ? AND language = ? AND version = ?",
                rs -> new StoredTemplate(new MessageTemplate(rs.getString("name"), rs.getString("language"),
                        rs.getString("subject"), rs.getString("body")), rs.getLong("version")),
                TemplateKey::of, k -> {
                    TemplateKey.Parts p = TemplateKey.parse(k);
                    return new Object[]{p.name(), p.name(), p.language(), p.language(), p.version()};
                }, k -> {
                    TemplateKey.Parts p = TemplateKey.parse(k);
                    return new Object[]{p.name(), p.language(), p.version()};
                }, (c, t) -> jdbc.update(c, insert, row(t))).restoringAll((c, all) -> jdbc.batch(c, insert, all,
                JdbcCampaignArchives::row));
    }

    private static Object[] row(StoredTemplate t) {
        return new Object[]{t.template().name(), t.template().language(), t.version(), t.template().subject(),
                t.template().body()};
    }

    /** The saved segments ({@code campaign_segment}, V63), keyed by name; a restored filter text is checked. */
    static JdbcArchive<SegmentEntry> segments(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String name = d.binaryText("name");
        String insert = jdbc.sql("INSERT INTO {campaign_segment} (name, version, filter_text) VALUES (?, ?, ?)");
        return new JdbcArchive<>(jdbc, "saved segment", "SELECT * FROM {campaign_segment}",
                name + " > " + d.binaryText("?"), name, "name = ?",
                rs -> new SegmentEntry(rs.getString("name"), rs.getLong("version"), rs.getString("filter_text")),
                SegmentEntry::name, k -> new Object[]{k}, k -> new Object[]{k},
                (c, e) -> jdbc.update(c, insert, row(e))).restoringAll((c, all) -> jdbc.batch(c, insert, all,
                JdbcCampaignArchives::row));
    }

    private static Object[] row(SegmentEntry e) {
        SegmentEntry checked = SegmentEntry.of(e.definition()); // refuses a name, version or filter not valid
        return new Object[]{checked.name(), checked.version(), checked.filter()};
    }

    /**
     * The cap days of the ledger ({@code campaign_message.cap_day}, V44), keyed by the message key: a restore sets
     * the cap day of a message restored before it, and is refused when the ledger has no such message.
     */
    static JdbcArchive<CapDayEntry> capDays(Jdbc jdbc) {
        Dialect d = jdbc.dialect;
        String key = d.binaryText("msg_key");
        String update = jdbc.sql("UPDATE {campaign_message} SET cap_day = ? WHERE msg_key = ? AND cap_day IS NULL");
        return new JdbcArchive<>(jdbc, "cap day", "SELECT msg_key, cap_day FROM {campaign_message} WHERE cap_day IS "
                + "NOT NULL", key + " > " + d.binaryText("?"), key, "msg_key = ?",
                rs -> new CapDayEntry(rs.getString("msg_key"), LocalDate.ofEpochDay(rs.getInt("cap_day"))),
                CapDayEntry::key, k -> new Object[]{k}, k -> new Object[]{k}, (c, e) -> {
                    if (jdbc.update(c, update, Math.toIntExact(e.day().toEpochDay()), e.key()) != 1) {
                        throw new IllegalArgumentException("cap day of message " + e.key()
                                + ": the message is not in the ledger");
                    }
                });
    }

    private static Object millis(Instant at) {
        return at == null ? Jdbc.Null.LONG : (Object) at.toEpochMilli();
    }
}
