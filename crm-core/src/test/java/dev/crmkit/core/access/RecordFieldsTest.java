package dev.crmkit.core.access;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordFieldsTest {

    private final Fixtures fx = new Fixtures(3);

    @Test
    void names_areTheRecordsComponents_soANewFieldMustBeClassified() {
        assertEquals(components(Contact.class), RecordFields.of(RecordType.CONTACT).names());
        assertEquals(components(Company.class), RecordFields.of(RecordType.COMPANY).names());
        assertEquals(components(Lead.class), RecordFields.of(RecordType.LEAD).names());
        assertEquals(components(Task.class), RecordFields.of(RecordType.TASK).names());
    }

    @Test
    void role_withAFieldItsRecordTypeDoesNotHave_isRefusedNamingFieldAndRule() {
        ValidationException e = assertThrows(ValidationException.class, () -> Role.builder("rep", "Rep")
                .field(RecordType.DEAL, "lostReasn", FieldAccess.HIDDEN).build());
        assertEquals("fields", e.violations().get(0).field());
        assertEquals("known-field", e.violations().get(0).rule());
        assertTrue(e.getMessage().contains("role rep: deal.lostReasn is not a field deals have"), e.getMessage());
        assertTrue(e.getMessage().contains("expectedMargin"), "lists the fields: " + e.getMessage());
        assertEquals("known-field", assertThrows(ValidationException.class, () -> Role.builder("rep", "Rep")
                .field(RecordType.CONTACT, "id", FieldAccess.READ).build()).violations().get(0).rule(),
                "the id is kept by crmkit");
        assertEquals("known-field", assertThrows(ValidationException.class, () -> Role.builder("rep", "Rep")
                .field(RecordType.TASK, "customFields.margin", FieldAccess.READ).build()).violations().get(0).rule(),
                "tasks have no custom values");
    }

    @Test
    void role_hidingAFieldARecordCannotBeShownWithout_isRefused_readIsAccepted() {
        ValidationException e = assertThrows(ValidationException.class, () -> Role.builder("rep", "Rep")
                .field(RecordType.LEAD, "email", FieldAccess.HIDDEN).build());
        assertEquals("hideable", e.violations().get(0).rule());
        assertTrue(e.getMessage().contains("lead.email cannot be hidden"), e.getMessage());
        Role read = Role.builder("rep", "Rep").field(RecordType.LEAD, "email", FieldAccess.READ)
                .field(RecordType.DEAL, "lostReason", FieldAccess.HIDDEN)
                .field(RecordType.LEAD, "customFields.margin", FieldAccess.HIDDEN).build();
        assertEquals(FieldAccess.READ, read.field(new FieldRef(RecordType.LEAD, "email")));
    }

    @Test
    void redact_everyHideableField_givesAValidRecordWithTheFieldBlank() {
        Contact contact = fx.fullContact();
        Company company = fx.company().legalIdentity("Legal", "HRB 1", "DE1", new Address("billing", "Street 1",
                "10115", "Berlin", "", "DE")).customFields(CustomFields.empty().with("margin",
                new FieldValue.Text("12 %"))).build();
        Lead lead = fx.lead().status(LeadStatus.DISQUALIFIED).owner(UserId.of("ann")).companyName("Acme")
                .customFields(CustomFields.empty().with("margin", new FieldValue.Text("9 %"))).build();
        Task task = fx.task().remindAt(Fixtures.at(60)).about(new RecordRef(RecordType.LEAD, lead.id().value()))
                .build();
        Map<RecordType, Record> samples = Map.of(RecordType.CONTACT, contact, RecordType.COMPANY, company,
                RecordType.LEAD, lead, RecordType.TASK, task);
        int hidden = 0;
        for (Map.Entry<RecordType, Record> sample : samples.entrySet()) {
            RecordFields fields = RecordFields.of(sample.getKey());
            for (String name : fields.names()) {
                if (!fields.hideable(name)) {
                    continue;
                }
                Record shown = redaction(sample.getKey(), name).redact(sample.getKey(), sample.getValue());
                assertEquals(sample.getValue().getClass(), shown.getClass());
                hidden++;
            }
        }
        assertEquals(Optional.empty(), redaction(RecordType.LEAD, "owner").redact(RecordType.LEAD, lead).owner());
        assertEquals("", redaction(RecordType.LEAD, "companyName").redact(RecordType.LEAD, lead).companyName());
        assertEquals(Optional.empty(), redaction(RecordType.LEAD, "customFields.margin").redact(RecordType.LEAD, lead)
                .customFields().get("margin"));
        assertEquals(CustomFields.empty(), redaction(RecordType.COMPANY, "customFields").redact(RecordType.COMPANY,
                company).customFields());
        assertEquals(List.of(), redaction(RecordType.CONTACT, "emails").redact(RecordType.CONTACT, contact).emails());
        assertSame(lead, redaction(RecordType.CONTACT, "emails").redact(RecordType.LEAD, lead),
                "a type without hidden fields is shown as it is");
        assertTrue(hidden > 20, "hid " + hidden + " fields");
    }

    @Test
    void lockedChanges_nameTheFieldsTheActorMayNotEdit_thatChanged() {
        Lead lead = fx.lead().owner(UserId.of("ann")).customFields(CustomFields.empty().with("margin",
                new FieldValue.Text("9 %"))).build();
        FieldRedaction rules = FieldRedaction.of(policy(Role.builder("rep", "Rep")
                .field(RecordType.LEAD, "customFields.margin", FieldAccess.READ)
                .field(RecordType.LEAD, "owner", FieldAccess.HIDDEN).build()), Actor.user("rita"));
        Lead changed = lead.withCustomFields(lead.customFields().with("margin", new FieldValue.Text("1 %")),
                Fixtures.at(5)).withOwner(Optional.empty(), Fixtures.at(5));
        assertEquals(List.of(new FieldRef(RecordType.LEAD, "owner"), new FieldRef(RecordType.LEAD,
                "customFields.margin")), rules.lockedChanges(RecordType.LEAD, lead, changed));
        Lead allowed = lead.withCustomFields(lead.customFields().with("note", new FieldValue.Text("x")),
                Fixtures.at(5));
        assertNotEquals(lead, allowed);
        assertEquals(List.of(), rules.lockedChanges(RecordType.LEAD, lead, allowed));
        assertEquals(List.of(), FieldRedaction.of(policy(Role.builder("rep", "Rep").build()), Actor.system("job"))
                .lockedChanges(RecordType.LEAD, lead, changed), "a system process may change everything");
    }

    private static FieldRedaction redaction(RecordType type, String field) {
        return FieldRedaction.of(policy(Role.builder("rep", "Rep").field(type, field, FieldAccess.HIDDEN).build()),
                Actor.user("rita"));
    }

    private static AccessPolicy policy(Role role) {
        return AccessPolicy.of(Organization.of(List.of(new User(UserId.of("rita"), "Rita", Optional.empty(),
                Optional.empty(), role.id())), List.of(), List.of(role), Map.of()));
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
