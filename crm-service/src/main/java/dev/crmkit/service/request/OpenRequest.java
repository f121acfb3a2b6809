package dev.crmkit.service.request;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.service.equipment.EquipmentId;

import java.util.List;
import java.util.Optional;

/**
 * The command to open a service request, validated at the edge.
 *
 * @param customer  who asks
 * @param equipment the equipment it is about, if any
 * @param channel   where it came from, at most 50 characters
 * @param priority  how urgent it is
 * @param summary   what is asked, at most 500 characters
 * @param sla       the deadlines
 */
public record OpenRequest(ContactId customer, Optional<EquipmentId> equipment, String channel, Priority priority,
                          String summary, Sla sla) implements SelfChecking {

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("customer", customer).notNull("equipment", equipment);
        c.notBlank("channel", channel).notNull("priority", priority).notBlank("summary", summary);
        c.notNull("sla", sla);
        List<Violation> out = new java.util.ArrayList<>(c.violations());
        out.addAll(StoreLimits.text("channel", channel, 50));
        out.addAll(StoreLimits.text("summary", summary, 500));
        return out;
    }
}
