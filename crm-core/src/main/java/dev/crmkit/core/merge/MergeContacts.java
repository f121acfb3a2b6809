package dev.crmkit.core.merge;

import dev.crmkit.core.contact.ContactId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to merge contacts into one. Immutable and thread-safe.
 *
 * @param contacts the contacts to merge, at least two, each once
 * @param survivor the contact that survives, one of {@code contacts}; empty to let {@code rule} choose
 * @param rule     how to choose the survivor when none is named
 * @param choices  for single-valued fields, the contact (one of {@code contacts}) whose value survives; a field not
 *                 listed keeps the survivor's value, else the first non-empty one in the order of {@code contacts}
 */
public record MergeContacts(List<ContactId> contacts, Optional<ContactId> survivor, SurvivorRule rule,
                            Map<ContactField, ContactId> choices) {

    /** Validates presence and copies the collections. */
    public MergeContacts {
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(rule, "rule");
        choices = Map.copyOf(choices);
    }

    /** Merges the contacts into the one the rule chooses, uniting every field. */
    public static MergeContacts of(List<ContactId> contacts, SurvivorRule rule) {
        return new MergeContacts(contacts, Optional.empty(), rule, Map.of());
    }

    /** Merges the contacts into the named survivor, uniting every field. */
    public static MergeContacts into(ContactId survivor, List<ContactId> contacts) {
        return new MergeContacts(contacts, Optional.of(survivor), SurvivorRule.MOST_COMPLETE, Map.of());
    }
}
