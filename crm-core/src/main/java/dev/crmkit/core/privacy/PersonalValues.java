package dev.crmkit.core.privacy;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.lead.Lead;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The texts that identify a person (names, e-mails, phones, address lines, custom field values, what they wrote in a
 * request), for an erasure to recognize them inside free texts whose structure it cannot tell apart: an outbox
 * payload, an audit note, a service report. A text hits when it contains one of the values, ignoring case; values
 * of two characters or fewer are ignored (they would hit everything). Immutable and thread-safe.
 */
public final class PersonalValues {

    private final List<String> values;

    private PersonalValues(Set<String> values) {
        this.values = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    /** The values, absent, blank and short ones dropped. */
    public static PersonalValues of(Collection<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : raw) {
            if (v != null && v.strip().length() > 2) {
                out.add(v.strip());
            }
        }
        return new PersonalValues(out);
    }

    /** The values of contacts and leads: names, e-mails, phones, address lines, custom fields, requests. */
    public static PersonalValues of(Collection<Contact> contacts, Collection<Lead> leads) {
        Set<String> out = new LinkedHashSet<>();
        for (Contact c : contacts) {
            out.add(c.name().first());
            out.add(c.name().last());
            out.add(c.name().first() + " " + c.name().last());
            c.emails().forEach(e -> out.add(e.value()));
            c.phones().forEach(p -> addPhone(p, out));
            c.addresses().forEach(a -> addAddress(a, out));
            addTexts(c.customFields(), out);
            out.add(c.consent().source());
        }
        for (Lead l : leads) {
            out.add(l.name().first());
            out.add(l.name().last());
            out.add(l.name().first() + " " + l.name().last());
            l.email().map(EmailAddress::value).ifPresent(out::add);
            l.phone().ifPresent(p -> addPhone(p, out));
            out.add(l.request());
            addTexts(l.customFields(), out);
        }
        return of(out);
    }

    private static void addTexts(CustomFields fields, Set<String> out) {
        fields.values().values().forEach(v -> {
            if (v instanceof FieldValue.Text t) {
                out.add(t.value());
            }
        });
    }

    /** These values and the other's. */
    public PersonalValues plus(PersonalValues other) {
        return with(other.values);
    }

    /** These values and more. */
    public PersonalValues with(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(values);
        all.addAll(more);
        return of(all);
    }

    private static void addPhone(PhoneNumber p, Set<String> out) {
        out.add(p.e164());
        out.add(p.toString());
    }

    private static void addAddress(Address a, Set<String> out) {
        out.add(a.street());
        out.add(a.postalCode());
        out.add(a.city());
    }

    /** Whether the text contains one of the values, ignoring case. */
    public boolean hits(String text) {
        if (text == null || values.isEmpty()) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        for (String v : values) {
            if (t.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** The text, or {@link Anonymized#ERASED} when it hits. */
    public String scrub(String text) {
        return hits(text) ? Anonymized.ERASED : text;
    }

    /** Whether there are no values at all. */
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
