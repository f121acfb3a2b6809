package dev.crmkit.kit.migration;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A contact row: name, e-mail, phone, company, owner, creation time. A contact already holding the e-mail or phone is
 * merged into (linked, not changed) instead of creating a second one.
 */
final class ContactWriter implements RecordWriter {

    @Override
    public Optional<Landing> write(Row row, Run run) {
        PersonName name = PersonName.of(row.text("firstName").orElse(""), row.text("lastName").orElse(""));
        Optional<EmailAddress> email = row.parsed("email", EmailAddress::parse);
        Optional<PhoneNumber> phone = row.parsed("phone", raw -> PhoneNumber.parse(raw, run.mapping().region()));
        Optional<UUID> company = row.reference("company", SourceType.COMPANY);
        Optional<UserId> owner = row.parsed("owner", UserId::of);
        Instant at = row.instant("createdAt").orElseGet(run::now);
        CustomFields fields = row.customFields(run.store().customFieldSchemas().schemaFor(RecordType.CONTACT));
        if (row.ok() && name.isEmpty() && email.isEmpty() && phone.isEmpty()) {
            row.problems.add(new Violation("firstName", "required", "a contact needs a name, an e-mail or a phone;"
                    + " the row has none"));
        }
        if (!row.ok()) {
            return Optional.empty();
        }
        Contacts contacts = run.store().contacts();
        Optional<Contact> byEmail = email.flatMap(contacts::findByEmail);
        if (byEmail.isPresent()) {
            return Optional.of(Landing.merged(byEmail.get().id().value(), "email"));
        }
        Optional<Contact> byPhone = phone.flatMap(contacts::findByPhone);
        if (byPhone.isPresent()) {
            return Optional.of(Landing.merged(byPhone.get().id().value(), "phone"));
        }
        List<String> suppressed = run.suppressions().matches(email, phone);
        if (!suppressed.isEmpty()) { // an erased person: the row is refused, none of its values stored
            row.problems.add(new Violation(suppressed.get(0), "suppressed",
                    "the " + suppressed.get(0) + " belongs to a person whose data was erased"));
            return Optional.empty();
        }
        Contact candidate = Contact.create(new ContactId(run.ids().next()), name, email.stream().toList(),
                phone.stream().toList(), at).withOwner(owner, at).withCustomFields(fields, at);
        if (company.isPresent()) {
            candidate = candidate.withAffiliation(Affiliation.of(new CompanyId(company.get()), CompanyRole.EMPLOYEE),
                    at);
        }
        Contact stored = contacts.insertOrGet(candidate);
        return Optional.of(stored.id().equals(candidate.id()) ? Landing.created(stored.id().value())
                : Landing.merged(stored.id().value(), List.of("email", "phone").get(email.isPresent() ? 0 : 1)));
    }
}
