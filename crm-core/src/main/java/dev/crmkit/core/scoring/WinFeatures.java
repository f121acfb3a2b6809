package dev.crmkit.core.scoring;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.lead.Lead;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a lead's values of the {@link WinFields} for a win model: stage (the lead's status), source (its channel),
 * country and region (the contact's first address with a country; a lead's {@code region} custom field wins), e-mail
 * and phone validity ({@code yes} when the lead carries one, since capture keeps only valid, normalized ones),
 * language (the contact's), tags (the lead's {@code tags} custom field: choices, or text separated by commas) and
 * team (the lead's {@code team} custom field). Build the history's {@link WinExample}s the same way.
 */
public final class WinFeatures {

    private WinFeatures() {
    }

    /** The lead's values. */
    public static Map<String, Set<String>> of(Lead lead, Optional<Contact> contact) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(contact, "contact");
        Map<String, Set<String>> values = new HashMap<>();
        values.put(WinFields.STAGE, Set.of(lead.status().name()));
        values.put(WinFields.SOURCE, Set.of(lead.source().channel().name()));
        values.put(WinFields.EMAIL_VALID, Set.of(lead.email().isPresent() ? "yes" : "no"));
        values.put(WinFields.PHONE_VALID, Set.of(lead.phone().isPresent() ? "yes" : "no"));
        Optional<Address> address = contact.flatMap(c -> c.addresses().stream()
                .filter(a -> !a.country().isEmpty()).findFirst());
        address.ifPresent(a -> values.put(WinFields.COUNTRY, Set.of(a.country())));
        address.filter(a -> !a.region().isEmpty()).ifPresent(a -> values.put(WinFields.REGION, Set.of(a.region())));
        contact.flatMap(Contact::language).ifPresent(l -> values.put(WinFields.LANGUAGE, Set.of(l.getLanguage())));
        lead.customFields().get(WinFields.REGION).ifPresent(v -> values.put(WinFields.REGION, valuesOf(v)));
        lead.customFields().get(WinFields.TAGS).ifPresent(v -> values.put(WinFields.TAGS, valuesOf(v)));
        lead.customFields().get(WinFields.TEAM).ifPresent(v -> values.put(WinFields.TEAM, valuesOf(v)));
        return WinExample.normalize(values);
    }

    private static Set<String> valuesOf(FieldValue value) {
        if (value instanceof FieldValue.Choices choices) {
            return choices.values();
        }
        return Arrays.stream(value.asText().split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
