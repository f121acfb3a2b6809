package dev.crmkit.core.assignment;

import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory surroundings of crm-core's scoring and assignment tests: leads, timeline, units of work, a clock
 * standing at {@link Fixtures#T0} in UTC, seeded ids and a recorder of published events. Thread-safe.
 */
public final class TestWorld {

    /** The clock; tests move it. */
    public final TestClock clock = TestClock.at(Fixtures.T0, ZoneOffset.UTC);
    /** The leads. */
    public final MapLeads leads = new MapLeads();
    /** The timeline's storage. */
    public final ListActivities activities = new ListActivities();
    /** Every event published, in order. */
    public final Queue<DomainEvent> events = new ConcurrentLinkedQueue<>();
    /** The use-case context. */
    public final Context context;
    /** The timeline use case. */
    public final Timeline timeline;

    private final IdGenerator ids = IdGenerator.seeded(5);
    private final AtomicInteger serial = new AtomicInteger();

    /** A fresh, empty world. */
    public TestWorld() {
        context = new Context(new LocalTransactions(), events::add, EdgeValidation.plain(), clock, ids);
        timeline = new Timeline(activities, context);
    }

    /** Stores a new, unassigned lead whose custom fields are the given key/value pairs (text values). */
    public Lead lead(String... keyValues) {
        CustomFields fields = CustomFields.empty();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            fields = fields.with(keyValues[i], new FieldValue.Text(keyValues[i + 1]));
        }
        int n = serial.incrementAndGet();
        Lead lead = Lead.builder(new LeadId(ids.next()), new ContactId(ids.next()), LeadSource.of(Channel.WEB_FORM),
                        PersonName.of("Lead", "No " + n), clock.instant())
                .reachableAt(Optional.of(EmailAddress.parse("lead" + n + "@example.com")), Optional.empty())
                .customFields(fields).build();
        return leads.insertOrGet(lead);
    }

    /** Stores a new lead already owned by the user. */
    public Lead leadOwnedBy(UserId owner, String... keyValues) {
        Lead lead = lead(keyValues);
        return leads.update(lead.withOwner(Optional.of(owner), clock.instant()));
    }

    /** The events of a type, in order. */
    public <T extends DomainEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
