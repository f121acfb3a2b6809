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
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actions;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Rules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hostileText_inPipelinesDealsAndHistory_readsBackByteForByte(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(8);
        PipelineDefinition definition = PipelineDefinition.builder(LINE)
                .stage(LINE, s -> s.rule(Rules.requiredDocument(LINE, NOTE)).action(Actions.ownerTask(NOTE, 24)))
                .won("Won").lost("Lost").requireLostReason(NOTE).build();
        Pipeline pipeline = store.pipelines().insert(new Pipeline(new PipelineId(fx.nextId()), 0, definition,
                Fixtures.at(0), Fixtures.at(0)));
        Deal deal = store.deals().insert(new Deal(new DealId(fx.nextId()), 0, pipeline.id(), LINE, LINE,
                Fixtures.at(1), 10, Optional.of(20), Optional.of(Money.of("12.50", "EUR")),
                Optional.of(LocalDate.of(2026, 5, 31)), Optional.empty(), Optional.of(Fixtures.ALICE),
                Optional.empty(), Optional.empty(), Optional.empty(), LINE,
                CustomFields.empty().with("notes", new FieldValue.Text(NOTE)), Map.of(LINE, NOTE), Set.of(LINE),
                Optional.of(NOTE), Optional.empty(), Optional.of(Fixtures.at(2)), Fixtures.at(1), Fixtures.at(2)));
        StageHistoryEntry entry = new StageHistoryEntry(fx.nextId(), deal.id(), 1, pipeline.id(), Optional.of(NOTE),
                LINE, Fixtures.BOB, Fixtures.at(2), Duration.ofNanos(1));
        store.stageHistory().append(entry);

        assertEquals(Optional.of(pipeline), store.pipelines().findByName(LINE));
        assertBytes(LINE, store.pipelines().findById(pipeline.id()).orElseThrow().definition().stages().get(0).name());
        Deal read = store.deals().findById(deal.id()).orElseThrow();
        assertEquals(deal, read);
        assertBytes(LINE, read.title());
        assertBytes(NOTE, read.documents().get(LINE));
        assertBytes(NOTE, read.lostReason().orElseThrow());
        assertEquals(List.of(deal), store.deals().find(DealFilter.pipeline(pipeline.id()).inStage(LINE)
                .fromSource(LINE), PageRequest.first(5)).items());
        assertEquals(List.of(entry), store.stageHistory().ofDeal(deal.id(), PageRequest.first(5)).items());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deal_stageLongerThanItsIndexedColumn_isRefusedNamingTheFieldAndStoresNothing(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(9);
        String stage = "\uD83D\uDE00".repeat(JdbcDeals.MAX_KEY_TEXT / 2) + "x";
        Deal deal = new Deal(new DealId(fx.nextId()), 0, new PipelineId(fx.nextId()), "Seats", stage, Fixtures.at(0),
                10, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "", CustomFields.empty(), Map.of(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Fixtures.at(0), Fixtures.at(0));

        ValidationException e = assertThrows(ValidationException.class, () -> store.deals().insert(deal));

        assertEquals("stage", e.violations().get(0).field());
        assertEquals("max-length", e.violations().get(0).rule());
        assertEquals(Optional.empty(), store.deals().findById(deal.id()));
    }

    private static void assertBytes(String expected, String actual) {
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8),
                () -> "stored text differs: expected <" + expected + "> but was <" + actual + ">");
    }
}
