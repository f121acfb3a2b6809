package dev.crmkit.service.plan;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.service.equipment.EquipmentId;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command to start a service plan for installed equipment. The installation day comes from the equipment.
 *
 * @param equipment         the equipment to service
 * @param interval          the time between services ({@code P6M})
 * @param terms             the rest of the terms, applied to the equipment's installation day and the interval
 * @param preferredEngineer who should do the visits, if anyone in particular
 * @param pricePerVisit     what one visit earns, not negative
 */
public record NewServicePlan(EquipmentId equipment, Period interval, TermsShape terms,
                             Optional<UserId> preferredEngineer, Money pricePerVisit) implements SelfChecking {

    /** A plan on the default terms (completion anchor, no reminder lead, no end) and no preferred engineer. */
    public static NewServicePlan of(EquipmentId equipment, Period interval, Money pricePerVisit) {
        return new NewServicePlan(equipment, interval, TermsShape.DEFAULT, Optional.empty(), pricePerVisit);
    }

    /** A copy with other terms. */
    public NewServicePlan withTerms(TermsShape shape) {
        return new NewServicePlan(equipment, interval, shape, preferredEngineer, pricePerVisit);
    }

    /** A copy with a preferred engineer. */
    public NewServicePlan withPreferredEngineer(UserId engineer) {
        return new NewServicePlan(equipment, interval, terms, Optional.of(engineer), pricePerVisit);
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("equipment", equipment).notNull("interval", interval).notNull("terms", terms);
        c.notNull("preferredEngineer", preferredEngineer).notNull("pricePerVisit", pricePerVisit);
        List<Violation> out = new ArrayList<>(c.violations());
        out.addAll(StoreLimits.user("preferredEngineer", preferredEngineer));
        if (pricePerVisit != null && pricePerVisit.amount().signum() < 0) {
            out.add(new Violation("pricePerVisit", "min", "must not be negative, was " + pricePerVisit));
        }
        if (pricePerVisit != null && pricePerVisit.amount().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            out.add(new Violation("pricePerVisit", "max", "must be at most 1000000000"));
        }
        return out;
    }
}
