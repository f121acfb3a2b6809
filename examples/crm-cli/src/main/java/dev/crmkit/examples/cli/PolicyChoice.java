package dev.crmkit.examples.cli;

import dev.crmkit.core.assignment.AssignmentPolicy;
import dev.crmkit.core.assignment.Policies;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.Workload;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.lead.Leads;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The assignment policies {@code crm assign --policy} offers, each after the team's routing rules and each routing
 * by the contact's language and region where the lead has no such field (see {@link ContactRouting}). Nobody is away
 * in the {@code crm} program: it has no calendar.
 */
enum PolicyChoice {
    /** Round robin within the routed team. */
    ROUND_ROBIN("round-robin"),
    /** The member of the routed team with the fewest open leads; ties at random from the seed. */
    LEAST_LOADED("least-loaded"),
    /** Round robin among the members of the routed team with daily quota left (from their monthly capacity). */
    CAPACITY("capacity");

    private final String label;

    PolicyChoice(String label) {
        this.label = label;
    }

    /** The name on the command line. */
    String label() {
        return label;
    }

    /** The policy over the routing, reading workloads from the leads and routing attributes from the contacts. */
    AssignmentPolicy policy(Routing routing, Leads leads, Contacts contacts) {
        AssignmentPolicy policy = switch (this) {
            case ROUND_ROBIN -> Policies.roundRobin(routing, user -> false);
            case LEAST_LOADED -> Policies.leastLoaded(routing, user -> false, Workload.openLeads(leads));
            case CAPACITY -> Policies.capacity(routing, user -> false);
        };
        return new ContactRouting(policy, contacts);
    }

    /** Reads {@code round-robin}, {@code least-loaded} or {@code capacity}, ignoring case. */
    static final class Converter implements ITypeConverter<PolicyChoice> {
        @Override
        public PolicyChoice convert(String value) {
            String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            return Arrays.stream(values()).filter(p -> p.label.equals(wanted)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("unknown policy '" + value + "': use "
                            + Arrays.stream(values()).map(PolicyChoice::label).collect(Collectors.joining(", "))));
        }
    }
}
