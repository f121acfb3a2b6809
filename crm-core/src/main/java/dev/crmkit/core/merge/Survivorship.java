package dev.crmkit.core.merge;

import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Field survivorship: the survivor as it is after a merge. Single-valued fields keep the chosen contact's value, else
 * the survivor's, else the first non-empty one; e-mails, phones, addresses and affiliations are united (the survivor's
 * first, so its primary e-mail and phone stay primary; an affiliation with a company the survivor already has keeps
 * the survivor's roles); custom fields are united, the survivor's values winning. Stateless.
 */
final class Survivorship {

    private Survivorship() {
    }

    /**
     * The survivor after the merge.
     *
     * @param all     the survivor first, then the merged-away contacts in the order listed
     * @param choices the contact whose value survives, per field
     * @param now     the time of the merge
     */
    static Contact combine(List<Contact> all, Map<ContactField, Contact> choices, Instant now) {
        Contact survivor = all.get(0);
        var name = pick(all, choices.get(ContactField.NAME), Contact::name, n -> !n.isEmpty());
        var language = pick(all, choices.get(ContactField.LANGUAGE), Contact::language, Optional::isPresent);
        var birthday = pick(all, choices.get(ContactField.BIRTHDAY), Contact::birthday, Optional::isPresent);
        var consent = pick(all, choices.get(ContactField.CONSENT), Contact::consent,
                c -> !c.equals(MarketingConsent.unknown()));
        var owner = pick(all, choices.get(ContactField.OWNER), Contact::owner, Optional::isPresent);
        List<EmailAddress> emails = union(all, Contact::emails);
        List<PhoneNumber> phones = union(all, Contact::phones);
        List<Address> addresses = union(all, Contact::addresses);
        List<Affiliation> affiliations = new ArrayList<>();
        CustomFields custom = survivor.customFields();
        for (Contact c : all) {
            for (Affiliation a : c.affiliations()) {
                if (affiliations.stream().noneMatch(x -> x.companyId().equals(a.companyId()))) {
                    affiliations.add(a);
                }
            }
            custom = custom.fillEmptyFrom(c.customFields());
        }
        return new Contact(survivor.id(), survivor.version(), name, emails, phones, addresses, language, birthday,
                consent, affiliations, custom, owner, survivor.createdAt(), now);
    }

    /**
     * A single-valued field's surviving value: the chosen record's (even empty), else the first filled one, else the
     * survivor's.
     *
     * @param all    the survivor first, then the merged-away records in the order listed
     * @param chosen the record chosen for the field, or {@code null}
     */
    static <R, T> T pick(List<R> all, R chosen, Function<R, T> field, Predicate<T> filled) {
        if (chosen != null) {
            return field.apply(chosen);
        }
        return all.stream().map(field).filter(filled).findFirst().orElse(field.apply(all.get(0)));
    }

    private static <T> List<T> union(List<Contact> all, Function<Contact, List<T>> field) {
        LinkedHashSet<T> union = new LinkedHashSet<>();
        all.forEach(c -> union.addAll(field.apply(c)));
        return List.copyOf(union);
    }
}
