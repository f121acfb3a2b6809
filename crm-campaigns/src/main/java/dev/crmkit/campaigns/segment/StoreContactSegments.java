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
 * ({@code JdbcContactSegments}) elsewhere. Thread-safe when the store is.
 */
public final class StoreContactSegments implements ContactSegments {

    private static final int MAX_LIMIT = 1000;
    private static final int READ = 500;

    private final CrmStore store;

    /** Segments over the store's contacts. */
    public StoreContactSegments(CrmStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public long count(ContactFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return facts().stream().filter(filter::matches).count();
    }

    @Override
    public List<ContactId> page(ContactFilter filter, Optional<ContactId> after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " but was " + limit);
        }
        Objects.requireNonNull(filter, "filter");
        Optional<String> bound = after.map(id -> id.value().toString());
        return facts().stream().filter(filter::matches).map(f -> f.contact().id())
                .filter(id -> bound.map(b -> id.value().toString().compareTo(b) > 0).orElse(true))
                .sorted(Comparator.comparing(id -> id.value().toString())).limit(limit).toList();
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
