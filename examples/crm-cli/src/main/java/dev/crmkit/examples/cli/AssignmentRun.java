package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.assignment.AssignmentOutcome;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.lead.Lead;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Assigns every open lead without an owner by a policy over a sales team, and what came of it: who got which lead
 * and why. What {@code crm assign} and {@code crm demo} share.
 *
 * @param team     the team assigned to
 * @param policy   the policy used
 * @param outcomes one per lead that had no owner, in the store's order
 * @param names    the name of each lead's contact, by lead id
 */
record AssignmentRun(SalesTeam team, PolicyChoice policy, List<AssignmentOutcome> outcomes,
                     Map<String, String> names) {

    /** The seed of rotation orders and tie breaks: the same on every run and node, so they agree. */
    static final long SEED = 42;

    AssignmentRun {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(policy, "policy");
        outcomes = List.copyOf(outcomes);
        names = Map.copyOf(names);
    }

    /** Assigns the unassigned open leads of the Crm's store. */
    static AssignmentRun run(Crm crm, SalesTeam team, PolicyChoice policy) {
        List<AssignmentOutcome> outcomes = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        crm.assignment(policy.policy(team.routing(), crm.store().leads(), crm.store().contacts()), SEED)
                .assignUnassigned(outcome -> {
                    outcomes.add(outcome);
                    names.put(outcome.leadId().toString(), crm.store().leads().findById(outcome.leadId())
                            .map(Lead::contactId).flatMap(crm.store().contacts()::findById)
                            .map(Contact::displayName).orElse("?"));
                });
        return new AssignmentRun(team, policy, outcomes, names);
    }

    /** The assigned leads: lead id to owner, in the order assigned. */
    Map<String, String> assignments() {
        Map<String, String> assigned = new LinkedHashMap<>();
        for (AssignmentOutcome outcome : outcomes) {
            if (outcome instanceof AssignmentOutcome.Assigned a) {
                assigned.put(a.leadId().toString(), a.owner().value());
            }
        }
        return assigned;
    }

    /** How many leads each owner got, by owner. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        assignments().values().forEach(owner -> counts.merge(owner, 1, Integer::sum));
        return counts;
    }

    /** As JSON: policy, team, assignments, counts, notAssigned and decisions (each with its explanation). */
    Map<String, Object> json() {
        List<Object> decisions = new ArrayList<>();
        List<Object> notAssigned = new ArrayList<>();
        for (AssignmentOutcome outcome : outcomes) {
            String id = outcome.leadId().toString();
            if (outcome instanceof AssignmentOutcome.Assigned a) {
                decisions.add(JsonOutput.object("lead", id, "name", names.get(id), "owner", a.owner().value(),
                        "team", a.explanation().team(), "rule", a.explanation().rule().orElse(null),
                        "explanation", a.explanation().describe()));
            } else if (outcome instanceof AssignmentOutcome.NotAssigned no) {
                notAssigned.add(JsonOutput.object("lead", id, "name", names.get(id), "rule", no.rule(),
                        "reason", no.reason()));
            }
        }
        return JsonOutput.object("policy", policy.label(), "team", team.name(), "assignments", assignments(),
                "counts", counts(), "notAssigned", notAssigned, "decisions", decisions);
    }

    /** As lines: the routing, then who got what and why, then the counts. */
    void print(PrintWriter out) {
        out.println("Routing (" + team.name() + ", then " + policy.label() + " within the team)");
        team.print(out);
        if (outcomes.isEmpty()) {
            out.println("  no open lead without an owner: nothing to assign");
        }
        for (AssignmentOutcome outcome : outcomes) {
            String id = outcome.leadId().toString();
            if (outcome instanceof AssignmentOutcome.Assigned a) {
                out.printf("  %-8s <- %s (%s)%n", a.owner().value(), names.get(id), id);
                out.println("           " + a.explanation().describe());
            } else if (outcome instanceof AssignmentOutcome.NotAssigned no) {
                out.printf("  %-8s    %s (%s): %s [%s]%n", "-", names.get(id), id, no.reason(), no.rule());
            }
        }
        out.println("  assigned " + assignments().size() + " of " + outcomes.size() + ": " + counts());
        out.flush();
    }
}
