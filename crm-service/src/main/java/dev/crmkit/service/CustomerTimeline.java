package dev.crmkit.service;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes the service business's entries on a customer's timeline (crm-core's activities). */
final class CustomerTimeline {

    private final Crm crm;

    CustomerTimeline(Crm crm) {
        this.crm = crm;
    }

    /** The timeline reference of a customer. */
    static RecordRef of(ContactId customer) {
        return new RecordRef(RecordType.CONTACT, customer.value());
    }

    /** Logs an entry about the customer; joins the running unit of work. */
    Activity log(ContactId customer, ActivityType type, Direction direction, String subject, String body,
                 Instant at) {
        return crm.timeline().log(new LogActivity(type, BadValue.abbreviate(subject, Activity.MAX_SUBJECT_LENGTH),
                body, direction, Optional.of(at), List.of(), Set.of(of(customer)), Optional.empty(),
                Visibility.PUBLIC));
    }
}
