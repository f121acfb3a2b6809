package dev.crmkit.campaigns.segment;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.access.User;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Contact segments evaluated over a store's ports: every contact read with its leads, their scores, its owner's team
 * and its newest timeline entry, then {@link ContactFilter#matches} applied — the segments of a store without a
 * database of its own (the in-memory store), and the reference a pushed-down implementation must agree with. A count
 * or page reads the whole store: fine for memory, use a database store's own implementation
 * ({@code JdbcContactSegments}) elsewhere. Order conditions read the host's {@link OrderSource}, given to the
 * constructor; without one, a segment with an order condition is refused naming the condition. Thread-safe when the
 * store and the order source are.
 */
public final class StoreContactSegments implements ContactSegments {

    private static final int MAX_LIMIT = 1000;
    private static final int READ = 500;

    private final CrmStore store;
    private final Optional<OrderSource> orders;

    /** Segments over the store's contacts, without orders: a segment with an order condition is refused. */
    public StoreContactSegments(CrmStore store) {
        this(store, Optional.empty());
    }

    /** Segments over the store's contacts and the host's orders. */
    public StoreContactSegments(CrmStore store, OrderSource orders) {
        this(store, Optional.of(Objects.requireNonNull(orders, "orders")));
    }

    private StoreContactSegments(CrmStore store, Optional<OrderSource> orders) {
        this.store = Objects.requireNonNull(store, "store");
        this.orders = orders;
    }

    @Override
    public long count(ContactFilter filter) {
        return members(filter, Optional.empty()).count();
    }

    @Override
    public long count(ContactFilter filter, java.time.LocalDate asOf) {
        return members(filter, Optional.of(asOf)).count();
    }

    @Override
    public List<ContactId> page(ContactFilter filter, Optional<ContactId> after, int limit) {
        return page(filter, Optional.empty(), after, limit);
    }

    @Override
    public List<ContactId> page(ContactFilter filter, java.time.LocalDate asOf, Optional<ContactId> after,
            int limit) {
        return page(filter, Optional.of(asOf), after, limit);
    }

    private List<ContactId> page(ContactFilter filter, Optional<java.time.LocalDate> asOf,
            Optional<ContactId> after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " but was " + limit);
        }
        Optional<String> bound = after.map(id -> id.value().toString());
        return members(filter, asOf).map(f -> f.contact().id())
                .filter(id -> bound.map(b -> id.value().toString().compareTo(b) > 0).orElse(true))
                .sorted(Comparator.comparing(id -> id.value().toString())).limit(limit).toList();
    }

    /** The facts of the members: the filter fixed to the day, each contact with its orders when it needs them. */
    private java.util.stream.Stream<ContactFacts> members(ContactFilter filter, Optional<java.time.LocalDate> asOf) {
        Objects.requireNonNull(filter, "filter");
        ContactFilter fixed = asOf.map(day -> ContactFilter.asOf(filter, day)).orElse(filter);
        var ordersOf = SegmentPushdown.of(fixed).orders(orders, asOf);
        return facts().stream().map(f -> f.withOrders(ordersOf.apply(f.contact().id().value().toString())))
                .filter(fixed::matches);
    }

    /** The facts of every stored contact, in the order they were created. */
    public List<ContactFacts> facts() {
        Map<ContactId, List<Lead>> leads = new HashMap<>();
        List<LeadId> leadIds = new ArrayList<>();
        forEachPage(request -> store.leads().findAll(request), (Lead lead) -> {
            leads.computeIfAbsent(lead.contactId(), id -> new ArrayList<>()).add(lead);
            leadIds.add(lead.id());
        });
        Map<LeadId, LeadScore> scores = leadIds.isEmpty() ? Map.of() : store.leadScores().findAll(leadIds);
        Organization organization = store.accessDirectory().organization();
        List<ContactFacts> out = new ArrayList<>();
        forEachPage(request -> store.contacts().findAll(request), (Contact contact) -> {
            List<ContactFacts.LeadFact> own = leads.getOrDefault(contact.id(), List.of()).stream()
                    .map(l -> new ContactFacts.LeadFact(l.status(), Optional.ofNullable(scores.get(l.id()))))
                    .toList();
            Optional<TeamId> team = contact.owner().flatMap(organization::user).flatMap(User::team);
            Page<Activity> newest = store.activities().timeline(new RecordRef(RecordType.CONTACT,
                    contact.id().value()), TimelineFilter.everything(), PageRequest.first(1));
            Optional<Instant> last = newest.items().stream().map(Activity::occurredAt).findFirst();
            out.add(new ContactFacts(contact, own, team, last));
        });
        return out;
    }

    private static <T> void forEachPage(java.util.function.Function<PageRequest, Page<T>> read,
            java.util.function.Consumer<T> each) {
        Page<T> page = read.apply(PageRequest.first(READ));
        while (true) {
            page.items().forEach(each);
            if (page.next().isEmpty()) {
                return;
            }
            page = read.apply(PageRequest.after(page.next().get(), READ));
        }
    }
}
