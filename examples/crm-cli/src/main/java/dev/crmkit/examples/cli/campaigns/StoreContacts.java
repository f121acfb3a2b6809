package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.audience.ContactZones;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The contacts of the store as campaign recipients: id, name, first e-mail and phone, birthday, marketing consent and
 * language, in the store's order; each in the time zone {@link ContactZones} derives (custom field {@code time_zone},
 * else the country of its address or phone when it has one zone, else the fallback).
 */
final class StoreContacts {

    private static final int PAGE = 500;

    private StoreContacts() {
    }

    /** Every contact of the store, in UTC unless its data names a zone. */
    static List<Recipient> read(CrmStore store) {
        return read(store, ContactZones.derivedOr(ZoneOffset.UTC));
    }

    /** Every contact of the store, in the zone {@code zones} gives it. */
    static List<Recipient> read(CrmStore store, ContactZones zones) {
        List<Recipient> out = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(PAGE));
        while (request.isPresent()) {
            Page<Contact> page = store.contacts().findAll(request.get());
            page.items().forEach(c -> out.add(recipient(c, zones.of(c))));
            request = request.get().next(page);
        }
        return out;
    }

    /** The kinds of timeline entries in which somebody spoke with a contact. */
    private static final TimelineFilter INTERACTIONS = new TimelineFilter(Set.of(ActivityType.CALL,
            ActivityType.EMAIL, ActivityType.CHAT_MESSAGE, ActivityType.MEETING), Optional.empty());

    /**
     * When somebody last spoke with the contact (a call, e-mail, chat message or meeting on its public timeline), if
     * ever.
     */
    static Optional<Instant> lastInteraction(CrmStore store, String contactId) {
        RecordRef contact = new RecordRef(RecordType.CONTACT, UUID.fromString(contactId));
        return store.activities().timeline(contact, INTERACTIONS, PageRequest.first(1)).items().stream()
                .findFirst().map(Activity::occurredAt);
    }

    private static Recipient recipient(Contact c, java.time.ZoneId zone) {
        return new Recipient(c.id().value().toString(), c.name().first(), c.name().last(),
                c.emails().isEmpty() ? "" : c.emails().get(0).value(),
                c.phones().isEmpty() ? "" : c.phones().get(0).toString(), c.birthday(), zone, c.consent(),
                c.language().map(java.util.Locale::toLanguageTag).orElse(""));
    }
}
