package dev.crmkit.core.audit;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.FieldValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/** The fields that differ between two versions of a contact, as audit field changes. */
public final class ContactChanges {

    private ContactChanges() {
    }

    /** Every field whose value differs, in the order of the contact's fields; custom fields one by one, by key. */
    public static List<FieldChange> between(Contact before, Contact after) {
        List<FieldChange> out = new ArrayList<>();
        compare(out, "firstName", before, after, c -> c.name().first());
        compare(out, "lastName", before, after, c -> c.name().last());
        compare(out, "emails", before, after, c -> join(c.emails()));
        compare(out, "phones", before, after, c -> join(c.phones()));
        compare(out, "addresses", before, after, c -> join(c.addresses()));
        compare(out, "language", before, after, c -> c.language().map(java.util.Locale::toLanguageTag).orElse(""));
        compare(out, "birthday", before, after, c -> c.birthday().map(Object::toString).orElse(""));
        compare(out, "consent", before, after, c -> c.consent().toString());
        compare(out, "affiliations", before, after, c -> join(c.affiliations()));
        compare(out, "owner", before, after, c -> c.owner().map(Object::toString).orElse(""));
        TreeSet<String> keys = new TreeSet<>(before.customFields().values().keySet());
        keys.addAll(after.customFields().values().keySet());
        for (String key : keys) {
            compare(out, "customFields." + key, before, after,
                    c -> c.customFields().get(key).map(FieldValue::toString).orElse(""));
        }
        return out;
    }

    private static void compare(List<FieldChange> out, String field, Contact before, Contact after,
                                Function<Contact, String> value) {
        String old = value.apply(before);
        String now = value.apply(after);
        if (!old.equals(now)) {
            out.add(new FieldChange(field, Optional.of(old).filter(s -> !s.isEmpty()),
                    Optional.of(now).filter(s -> !s.isEmpty())));
        }
    }

    private static String join(List<?> values) {
        return String.join(", ", values.stream().map(Object::toString).toList());
    }
}
