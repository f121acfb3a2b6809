package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.ValidationException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A routing rule: when a lead has, for every attribute the rule names, one of the rule's values, the lead goes to the
 * rule's team. Values compare without regard to case. Immutable and thread-safe.
 *
 * @param name     the name, shown in explanations
 * @param criteria for each attribute the values that match, at least one attribute
 * @param team     where matching leads go
 */
public record RoutingRule(String name, Map<RoutingAttribute, Set<String>> criteria, Team team) {

    /** Validates and normalizes. */
    public RoutingRule {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty()) {
            throw ValidationException.of("rule.name", "required", "a routing rule needs a name");
        }
        Objects.requireNonNull(team, "team");
        String ruleName = name;
        EnumMap<RoutingAttribute, Set<String>> copy = new EnumMap<>(RoutingAttribute.class);
        criteria.forEach((attribute, values) -> {
            Set<String> clean = values.stream().map(LeadProfile::normalize).filter(v -> !v.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            if (clean.isEmpty()) {
                throw ValidationException.of("rule.criteria", "values", "rule " + ruleName + " lists no value for "
                        + attribute);
            }
            copy.put(Objects.requireNonNull(attribute, "attribute"), clean);
        });
        if (copy.isEmpty()) {
            throw ValidationException.of("rule.criteria", "required", "rule " + name + " names no attribute");
        }
        criteria = Map.copyOf(copy);
    }

    /** A rule on one attribute. */
    public static RoutingRule when(String name, RoutingAttribute attribute, Set<String> values, Team team) {
        return new RoutingRule(name, Map.of(attribute, values), team);
    }

    /** Whether the lead matches every criterion. */
    public boolean matches(LeadProfile lead) {
        return criteria.entrySet().stream().allMatch(c -> lead.valuesOf(c.getKey()).stream()
                .anyMatch(c.getValue()::contains));
    }

    /** The criteria as text, for explanations: {@code language in [de], region in [at, ch]}. */
    public String describe() {
        return criteria.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(c -> c.getKey().fieldKey() + " in " + c.getValue().stream().sorted().toList())
                .collect(Collectors.joining(", "));
    }
}
