package dev.crmkit.service;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.util.Optional;

/** Lookups that refuse an unknown id with a violation naming the field. */
final class Known {

    private Known() {
    }

    /** The violation of an id that names no record. */
    static Violation unknown(String field, String kind, Object id) {
        return new Violation(field, "exists", "names no " + kind + " (" + id + ")");
    }

    /** The value, or a {@link ValidationException} naming the field. */
    static <T> T orRefuse(Optional<T> value, String field, String kind, Object id) {
        return value.orElseThrow(() -> new ValidationException(java.util.List.of(unknown(field, kind, id))));
    }

    /** The contact, or a {@link ValidationException} naming the field. */
    static Contact contact(dev.crmkit.core.CrmStore store, String field, ContactId id) {
        return orRefuse(store.contacts().findById(id), field, "contact", id);
    }
}
