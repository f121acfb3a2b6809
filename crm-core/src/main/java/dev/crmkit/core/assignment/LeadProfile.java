package dev.crmkit.core.assignment;

import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.lead.Lead;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A lead as routing sees it: the lead and its routing attributes, each a set of lower-case values. Immutable and
 * thread-safe.
 *
 * @param lead       the lead
 * @param attributes the values of each attribute; an attribute without values is absent
 */
public record LeadProfile(Lead lead, Map<RoutingAttribute, Set<String>> attributes) {

    /** Lower-cases and copies the values, dropping blank ones and empty attributes. */
    public LeadProfile {
        Objects.requireNonNull(lead, "lead");
        EnumMap<RoutingAttribute, Set<String>> copy = new EnumMap<>(RoutingAttribute.class);
        attributes.forEach((attribute, values) -> {
            Set<String> clean = new LinkedHashSet<>();
            values.stream().map(LeadProfile::normalize).filter(v -> !v.isEmpty()).forEach(clean::add);
            if (!clean.isEmpty()) {
                copy.put(Objects.requireNonNull(attribute, "attribute"), Set.copyOf(clean));
            }
        });
        attributes = Map.copyOf(copy);
    }

    /**
     * The profile crmkit reads from a lead: {@link RoutingAttribute#STAGE} is the lead's status, every other attribute
     * comes from the custom field of its {@link RoutingAttribute#fieldKey() key} (text, choice or choices).
     */
    public static LeadProfile of(Lead lead) {
        Map<RoutingAttribute, Set<String>> values = new EnumMap<>(RoutingAttribute.class);
        values.put(RoutingAttribute.STAGE, Set.of(lead.status().name()));
        for (RoutingAttribute attribute : RoutingAttribute.values()) {
            if (attribute != RoutingAttribute.STAGE) {
                lead.customFields().get(attribute.fieldKey()).ifPresent(v -> values.put(attribute, valuesOf(v)));
            }
        }
        return new LeadProfile(lead, values);
    }

    /** A copy with the attribute set to the values. */
    public LeadProfile with(RoutingAttribute attribute, String... values) {
        Map<RoutingAttribute, Set<String>> copy = new EnumMap<>(RoutingAttribute.class);
        copy.putAll(attributes);
        copy.put(attribute, Set.of(values));
        return new LeadProfile(lead, copy);
    }

    /** The values of an attribute, empty when it has none. */
    public Set<String> valuesOf(RoutingAttribute attribute) {
        return attributes.getOrDefault(attribute, Set.of());
    }

    static String normalize(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> valuesOf(FieldValue value) {
        if (value instanceof FieldValue.Choices choices) {
            return choices.values();
        }
        return Set.of(value.asText());
    }
}
