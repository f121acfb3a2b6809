package dev.crmkit.pipeline.deal;

import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.FieldRedaction;
import dev.crmkit.core.access.FieldRef;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.RecordFields;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.User;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Deals under field-level security: crm-core's {@link RecordFields} of deals are the components of {@link Deal} (so a
 * role naming a deal field is checked against the real record), and {@link FieldRedaction} blanks each hideable field
 * of a lost deal into a valid deal: how a scoped deal read shows a deal to a role that hides the lost reason or the
 * margin.
 */
class DealFieldsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final Deal lost = Deal.builder(new DealId(new UUID(0, 1)), new PipelineId(new UUID(0, 2)), "Boiler",
                    "Lost", T0)
            .terms(Optional.of(Money.of("900.00", "EUR")), Optional.of(LocalDate.of(2026, 12, 1)),
                    Optional.of(Money.of("120.00", "EUR")))
            .parties(Optional.of(UserId.of("rita")), Optional.empty(), Optional.empty(), Optional.empty())
            .customFields(CustomFields.empty().with("margin", new FieldValue.Text("13 %")))
            .lostAt(T0.plusSeconds(60), "price").build();

    @Test
    void dealFields_areTheComponentsOfDeal() {
        assertEquals(Arrays.stream(Deal.class.getRecordComponents()).map(RecordComponent::getName).toList(),
                RecordFields.of(RecordType.DEAL).names());
    }

    @Test
    void redact_hidesLostReasonAndMargin_andEveryOtherHideableFieldGivesAValidDeal() {
        FieldRedaction rep = redaction(Map.of("lostReason", FieldAccess.HIDDEN, "expectedMargin", FieldAccess.HIDDEN,
                "customFields.margin", FieldAccess.HIDDEN, "amount", FieldAccess.READ));
        Deal shown = rep.redact(RecordType.DEAL, lost);
        assertEquals(Optional.empty(), shown.lostReason());
        assertEquals(Optional.empty(), shown.expectedMargin());
        assertEquals(Optional.empty(), shown.customFields().get("margin"));
        assertEquals(lost.amount(), shown.amount(), "a READ field is shown");
        assertEquals(lost.lostAt(), shown.lostAt());
        RecordFields fields = RecordFields.of(RecordType.DEAL);
        int hidden = 0;
        for (String name : fields.names()) {
            if (fields.hideable(name)) {
                redaction(Map.of(name, FieldAccess.HIDDEN)).redact(RecordType.DEAL, lost);
                hidden++;
            }
        }
        assertEquals(13, hidden);
        Deal repriced = lost.withParties(lost.owner(), lost.contactId(), lost.companyId(), lost.leadId(), "fair",
                T0.plusSeconds(90));
        assertNotEquals(lost, repriced);
        assertEquals(List.of(new FieldRef(RecordType.DEAL, "source")), redaction(Map.of("source", FieldAccess.READ))
                .lockedChanges(RecordType.DEAL, lost, repriced));
    }

    private static FieldRedaction redaction(Map<String, FieldAccess> fields) {
        Role.Builder role = Role.builder("rep", "Rep");
        fields.forEach((field, access) -> role.field(RecordType.DEAL, field, access));
        Role built = role.build();
        return FieldRedaction.of(AccessPolicy.of(Organization.of(List.of(new User(UserId.of("rita"), "Rita",
                Optional.empty(), Optional.empty(), built.id())), List.of(), List.of(built), Map.of())),
                Actor.user("rita"));
    }
}
