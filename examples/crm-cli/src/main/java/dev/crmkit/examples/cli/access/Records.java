package dev.crmkit.examples.cli.access;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.DealId;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Finds the record a command names: {@code type:id}, a bare id of any type, or a contact's e-mail address. */
final class Records {

    private static final String FORMS = "a record is type:id (contact, company, lead or deal), an id or an e-mail "
            + "address";

    private Records() {
    }

    /**
     * The record with its owner.
     *
     * @throws IllegalArgumentException naming what was looked for when there is no such record
     */
    static AccessRecord find(CrmStore store, String text) {
        String t = text.strip();
        if (t.contains("@")) {
            Contact contact = EmailAddress.tryParse(t).flatMap(store.contacts()::findByEmail).orElseThrow(
                    () -> new IllegalArgumentException("no contact has the e-mail address " + t));
            return AccessRecord.of(contact);
        }
        if (t.contains(":")) {
            RecordRef ref = parse(t);
            return find(store, ref.type(), ref.id()).orElseThrow(() -> new IllegalArgumentException("there is no "
                    + ref.type().name().toLowerCase(Locale.ROOT) + " " + ref.id()));
        }
        UUID id = uuid(t);
        for (RecordType type : RecordType.values()) {
            Optional<AccessRecord> found = find(store, type, id);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalArgumentException("no contact, company, lead, deal or task has the id " + id);
    }

    private static Optional<AccessRecord> find(CrmStore store, RecordType type, UUID id) {
        switch (type) {
            case CONTACT:
                return store.contacts().findById(new ContactId(id)).map(AccessRecord::of);
            case LEAD:
                return store.leads().findById(new LeadId(id)).map(AccessRecord::of);
            case COMPANY:
                return store.companies().findById(new CompanyId(id))
                        .map(c -> AccessRecord.of(RecordType.COMPANY, id, Optional.empty()));
            case DEAL:
                return store instanceof PipelineStore pipelines ? pipelines.deals().findById(new DealId(id))
                        .map(d -> AccessRecord.of(RecordType.DEAL, id, d.owner())) : Optional.empty();
            case TASK:
                return store.tasks().findById(new dev.crmkit.core.task.TaskId(id)).map(AccessRecord::of);
            default:
                throw new IllegalStateException(type.name());
        }
    }

    private static RecordRef parse(String text) {
        try {
            return RecordRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMS + ", not '" + text + "'", e);
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMS + ", not '" + text + "'", e);
        }
    }
}
