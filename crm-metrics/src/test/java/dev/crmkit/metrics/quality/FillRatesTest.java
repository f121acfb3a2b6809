package dev.crmkit.metrics.quality;

import dev.crmkit.metrics.funnel.Ratio;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FillRatesTest {

    private static RecordFill lead(String owner, boolean email, boolean phone, boolean budget) {
        return new RecordFill("lead", Optional.ofNullable(owner), Map.of("email", email, "phone", phone,
                "custom.budget", budget));
    }

    @Test
    void of_countsFilledPerFieldOverallAndPerOwner() {
        FillReport report = FillRates.of(List.of(lead("ann", true, false, true), lead("ann", true, true, false),
                lead("bob", false, false, false), lead(null, true, false, false)), Map.of("lead", Set.of("phone")));

        assertEquals(List.of(new FieldFill("lead", "custom.budget", false, 4, 1),
                new FieldFill("lead", "email", false, 4, 3), new FieldFill("lead", "phone", true, 4, 1)),
                report.fields());
        assertEquals(Ratio.of(3, 4), report.fields().get(1).rate());
        assertEquals(List.of(new FieldFill("lead", "custom.budget", false, 2, 1),
                new FieldFill("lead", "email", false, 2, 2), new FieldFill("lead", "phone", true, 2, 1)),
                report.byOwner().get("ann"));
        assertEquals(Set.of("ann", "bob"), report.byOwner().keySet(), "unowned records count overall only");
    }

    @Test
    void mostOftenEmptyRequired_ordersByEmptyCount_andSkipsFullOnes() {
        FillReport report = FillRates.of(List.of(lead("ann", true, false, false), lead("ann", true, false, true),
                        new RecordFill("deal", Optional.empty(), Map.of("amount", false, "owner", true))),
                Map.of("lead", Set.of("email", "phone", "custom.budget"), "deal", Set.of("amount", "owner")));

        assertEquals(List.of("lead.phone", "deal.amount", "lead.custom.budget"), report.mostOftenEmptyRequired(5)
                .stream().map(f -> f.recordType() + "." + f.field()).toList());
        assertEquals(1, report.mostOftenEmptyRequired(1).size());
    }

    @Test
    void of_noRecords_isEmpty() {
        FillReport report = FillRates.of(List.of(), Map.of());

        assertEquals(List.of(), report.fields());
        assertEquals(Map.of(), report.byOwner());
    }
}
