package dev.crmkit.pipeline.deal;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DealBuilderTest {

    private static final DealId ID = new DealId(new UUID(0, 1));
    private static final PipelineId PIPELINE = new PipelineId(new UUID(0, 2));
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void builder_requiredOnly_isTheCanonicalDealWithEveryOtherFieldEmpty() {
        Deal built = Deal.builder(ID, PIPELINE, "50 seats", "New", T0).build();

        assertEquals(new Deal(ID, 0, PIPELINE, "50 seats", "New", T0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "", CustomFields.empty(), Map.of(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), T0, T0), built);
    }

    @Test
    void builder_everySetting_landsInItsField() {
        Instant later = T0.plusSeconds(60);
        ContactId jane = new ContactId(new UUID(0, 3));

        Deal built = Deal.builder(ID, PIPELINE, "50 seats", "Lost", T0).version(4).stageEnteredAt(later)
                .stageProbability(0).probabilityOverride(35)
                .terms(Optional.of(Money.of("900.00", "EUR")), Optional.of(LocalDate.of(2026, 12, 1)), Optional.empty())
                .parties(Optional.of(UserId.of("anna")), Optional.of(jane), Optional.empty(), Optional.empty())
                .source("referral").paperwork(Map.of("offer", "sent"), Set.of("Lost"))
                .lostAt(later, "price").updatedAt(later).build();

        assertEquals(new Deal(ID, 4, PIPELINE, "50 seats", "Lost", later, 0, Optional.of(35),
                Optional.of(Money.of("900.00", "EUR")), Optional.of(LocalDate.of(2026, 12, 1)), Optional.empty(),
                Optional.of(UserId.of("anna")), Optional.of(jane), Optional.empty(), Optional.empty(), "referral",
                CustomFields.empty(), Map.of("offer", "sent"), Set.of("Lost"), Optional.of("price"), Optional.empty(),
                Optional.of(later), T0, later), built);
    }

    @Test
    void build_checksTheInvariants() {
        assertThrows(ValidationException.class, () -> Deal.builder(ID, PIPELINE, " ", "New", T0).build());
        assertThrows(ValidationException.class,
                () -> Deal.builder(ID, PIPELINE, "x", "New", T0).stageProbability(101).build());
        assertThrows(IllegalArgumentException.class,
                () -> Deal.builder(ID, PIPELINE, "x", "New", T0).wonAt(T0).lostAt(T0, "price").build());
    }
}
