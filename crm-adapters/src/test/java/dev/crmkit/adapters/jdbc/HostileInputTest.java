package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text that tries to break SQL or the encoding — quotes, {@code '; DROP TABLE}, backslashes, control characters
 * (all but NUL, which PostgreSQL text cannot hold) and 4-byte Unicode — is stored and read back byte for byte on every
 * dialect, in plain columns and in JSON documents, and the tables are still there afterwards.
 */
class HostileInputTest {

    /** For one-line fields, which the domain keeps free of control characters. */
    private static final String LINE = "O'Brien \"Bobby\" '; DROP TABLE crm_contact; -- \\' \\\\ `x` %_ "
            + "\uD83D\uDE00 \uD835\uDD38 \uD800\uDC00 \u00e9\u0301 \u202e end";
    /** For notes and custom field text, which may hold any character but NUL. */
    private static final String NOTE = LINE + " \t\r\n\u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f\u0085"
            + " \"}]}', NULL); DELETE FROM crm_lead; -- {\"x\": \"\\u0000\"} \uFFFF\uFFFE \uDBFF\uDFFF";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hostileText_inColumnsAndJson_readBackByteForByte(TestDatabase db) {
        assertEquals(LINE, PersonName.of(LINE, LINE).first(), "the one-line text passes the domain's cleaning as is");
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(7);
        CustomFields fields = CustomFields.empty().with("notes", new FieldValue.Text(NOTE))
                .with("tags", new FieldValue.Choices(Set.of(LINE, "plain")));

        Contact contact = store.contacts().insertOrGet(fx.contact().name(PersonName.of(LINE, LINE))
                .customFields(fields).build());
        Company company = store.companies().insertOrGet(fx.company().name(LINE).customFields(fields).build());
        Lead lead = store.leads().insertOrGet(fx.lead().name(PersonName.of(LINE, LINE)).companyName(LINE)
                .customFields(fields).build());
        RecordRef about = new RecordRef(RecordType.CONTACT, contact.id().value());
        Activity note = fx.activity(about).subject(LINE).body(NOTE).build();
        store.activities().append(note);

        Contact readContact = store.contacts().findById(contact.id()).orElseThrow();
        assertEquals(contact, readContact);
        assertBytes(LINE, readContact.name().first());
        assertBytes(NOTE, ((FieldValue.Text) readContact.customFields().values().get("notes")).value());
        assertEquals(company, store.companies().findById(company.id()).orElseThrow());
        assertBytes(LINE, store.companies().findById(company.id()).orElseThrow().name());
        Lead readLead = store.leads().findById(lead.id()).orElseThrow();
        assertEquals(lead, readLead);
        assertBytes(LINE, readLead.companyName());
        List<Activity> timeline = store.activities().timeline(about, TimelineFilter.everything(), PageRequest.first(10))
                .items();
        assertEquals(List.of(note), timeline);
        assertBytes(NOTE, timeline.get(0).body());
        assertBytes(LINE, timeline.get(0).subject());
        assertEquals(1, store.contacts().count(), "the contact table is still there and holds one row");
        assertEquals(1, store.leads().count());
    }

    private static void assertBytes(String expected, String actual) {
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8),
                () -> "stored text differs: expected <" + expected + "> but was <" + actual + ">");
    }
}
