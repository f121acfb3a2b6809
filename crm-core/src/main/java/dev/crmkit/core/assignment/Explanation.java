package dev.crmkit.core.assignment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why an assignment decision came out as it did: the routing rule that matched (or none, so the fallback team), who
 * was skipped and why, the strategy and its reason. Immutable and thread-safe.
 *
 * @param rule     the matching routing rule's name and criteria, empty when the fallback team was used
 * @param team     the team the lead was routed to
 * @param skipped  the members passed over, in the order they were considered
 * @param strategy the strategy's name
 * @param reason   why the strategy picked whom it picked, or why nobody was picked
 */
public record Explanation(Optional<String> rule, String team, List<Skip> skipped, String strategy, String reason) {

    /** Validates presence and copies the list. */
    public Explanation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(team, "team");
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reason, "reason");
    }

    /** The explanation as sentences, for the timeline and for people. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(rule.map(r -> "Routing rule " + r + " matched: team " + team + ".")
                .orElse("No routing rule matched: default team " + team + "."));
        if (!skipped.isEmpty()) {
            text.append(' ').append(skipped.stream().map(Skip::toString).collect(Collectors.joining("; ")))
                    .append('.');
        }
        text.append(' ').append(strategy).append(": ").append(reason).append('.');
        return text.toString();
    }
}
