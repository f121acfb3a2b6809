package dev.crmkit.core.privacy;

import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.audit.AuditLog;
import dev.crmkit.core.audit.ContactChanges;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactEvent;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Marketing consent per channel, kept as a history: each grant or withdrawal is appended to the store's
 * {@link ConsentHistory} with its source, the time from the clock and the acting user, in the same unit of work as an
 * audit entry of the change ({@code consent.email: GRANTED -> WITHDRAWN}). The current consent on a channel is the
 * latest entry; the history of a person covers the contacts merged into them.
 *
 * <p><b>Channels and campaigns.</b> {@link ConsentChannel#EMAIL} is the channel {@link Contact#consent()} stands for
 * (the marketing consent crm-campaigns' segments, contact filters and consent rules read before sending e-mail): a
 * change on it also sets {@code Contact.consent} in the same unit of work (a new contact version, audited as a contact
 * change beside the {@code consent.email} entry), so a withdrawal stops campaigns at once. The other channels (SMS,
 * PHONE, POST, MESSENGER) are only kept in the history and read through {@link #current}; {@code Contact.consent} and
 * crm-campaigns do not look at them (a host sending on those channels asks {@link #current}, or blocks the channel on
 * crm-campaigns' do-not-contact list). Capture writes its consent to the history too (EMAIL, source = the channel).
 * Thread-safe.
 */
public final class Consents {

    private final Contacts contacts;
    private final ConsentHistory history;
    private final PersonalData personalData;
    private final CurrentActor actor;
    private final AuditLog audit;
    private final Context context;

    /** Wires the use case; {@code dev.crmkit.core.Crm#consents()} does this for you. */
    public Consents(Contacts contacts, ConsentHistory history, PersonalData personalData, CurrentActor actor,
                    AuditLog audit, Context context) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.history = Objects.requireNonNull(history, "history");
        this.personalData = Objects.requireNonNull(personalData, "personalData");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Records a grant or a withdrawal of marketing consent on a channel (a merged-away id records on its survivor).
     *
     * @param source where it came from (a form, a call, an unsubscribe link)
     * @return the entry appended
     * @throws ValidationException      naming {@code contactId} when there is no such contact, or (rule
     *                                  {@code erased}) when its person's data was erased ({@link
     *                                  PersonalData#isErased}, read after the contact's lock): nothing is stored
     * @throws IllegalArgumentException naming {@code source} when it is blank or too long; nothing is stored
     */
    public ConsentChange record(ContactId contact, ConsentChannel channel, boolean granted, String source) {
        Objects.requireNonNull(contact, "contactId");
        Objects.requireNonNull(channel, "channel");
        MarketingConsent.Status status = granted ? MarketingConsent.Status.GRANTED
                : MarketingConsent.Status.WITHDRAWN;
        return context.transactions().inTransaction(() -> {
            Contact locked = contacts.lockById(contact).orElseThrow(
                    () -> ValidationException.of("contactId", "exists", "there is no contact " + contact));
            if (personalData.isErased(locked.id())) {
                // the erasure blanked the consent history's sources: a new entry would store a value again
                throw ValidationException.of("contactId", "erased", "contact " + locked.id() + " belongs to a "
                        + "person whose data was erased: an anonymized record is not edited");
            }
            MarketingConsent.Status before = Optional.ofNullable(current(locked.id()).get(channel))
                    .map(ConsentChange::status).orElse(MarketingConsent.Status.UNKNOWN);
            ConsentChange change = new ConsentChange(context.ids().next(), locked.id(), channel, status, source,
                    context.clock().instant(), actor.actor());
            history.append(change);
            List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.of(
                    "consent." + channel.name().toLowerCase(Locale.ROOT), before.name(), status.name())));
            if (channel == ConsentChannel.EMAIL) {
                // Contact.consent is the e-mail marketing consent crm-campaigns reads (segments, filters, rules):
                // the change reaches the contact row in this unit of work, as a new version
                Contact updated = contacts.update(locked.withPersonalDetails(locked.language(), locked.birthday(),
                        new MarketingConsent(status, Optional.of(change.at()), change.source()), change.at()));
                changes.addAll(ContactChanges.between(locked, updated));
                context.events().publish(new ContactEvent.ContactChanged(updated.id(), updated.version(),
                        change.at()));
            }
            audit.changed(new RecordRef(RecordType.CONTACT, locked.id().value()), changes);
            return change;
        });
    }

    /** The person's consent history (their contact and the contacts merged into it), oldest first. */
    public List<ConsentChange> history(ContactId contact) {
        Objects.requireNonNull(contact, "contactId");
        Optional<Contact> found = contacts.findById(contact);
        if (found.isEmpty()) {
            return List.of();
        }
        return history.of(personalData.recordsOf(found.get().id()).stream()
                .filter(r -> r.type() == RecordType.CONTACT).map(r -> new ContactId(r.id())).toList());
    }

    /** The latest entry per channel; a channel never recorded is absent (its consent is unknown). */
    public Map<ConsentChannel, ConsentChange> current(ContactId contact) {
        Map<ConsentChannel, ConsentChange> out = new EnumMap<>(ConsentChannel.class);
        history(contact).forEach(c -> out.put(c.channel(), c));
        return out;
    }
}
