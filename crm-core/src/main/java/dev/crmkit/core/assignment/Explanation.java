package dev.crmkit.core.assignment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        // one builder sized for the whole text: this runs for every assignment
        StringBuilder text = new StringBuilder(64 + team.length() + (rule.isPresent() ? rule.get().length() : 0)
                + 64 * skipped.size() + strategy.length() + reason.length());
        if (rule.isPresent()) {
            text.append("Routing rule ").append(rule.get()).append(" matched: team ").append(team).append('.');
        } else {
            text.append("No routing rule matched: default team ").append(team).append('.');
        }
        for (int i = 0; i < skipped.size(); i++) {
            text.append(i == 0 ? " " : "; ").append(skipped.get(i));
        }
        if (!skipped.isEmpty()) {
            text.append('.');
        }
        text.append(' ').append(strategy).append(": ").append(reason).append('.');
        return text.toString();
    }
}
