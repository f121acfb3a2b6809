package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Leads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A thread-safe in-memory {@link Leads} for the scoring and assignment tests of crm-core (crm-core cannot see
 * crm-adapters' store): versions are checked atomically per lead, lists are in creation order with the id as cursor.
 */
public final class MapLeads implements Leads {

    private final ConcurrentHashMap<LeadId, Lead> leads = new ConcurrentHashMap<>();

    @Override
    public Optional<Lead> findById(LeadId id) {
        return Optional.ofNullable(leads.get(id));
    }

    @Override
    public Optional<Lead> lockById(LeadId id) {
        return findById(id);
    }

    @Override
    public Optional<Lead> findByExternalId(String externalId) {
        return leads.values().stream().filter(l -> l.externalIds().contains(externalId)).findFirst();
    }

    @Override
    public Optional<Lead> findOpenByEmail(EmailAddress email) {
        return sorted(l -> l.isOpen() && l.email().equals(Optional.of(email))).stream().reduce((a, b) -> b);
    }

    @Override
    public Optional<Lead> findOpenByPhone(PhoneNumber phone) {
        return sorted(l -> l.isOpen() && l.phone().equals(Optional.of(phone))).stream().reduce((a, b) -> b);
    }

    @Override
    public Lead insertOrGet(Lead candidate) {
        Lead stored = candidate.atVersion(1);
        Lead previous = leads.putIfAbsent(candidate.id(), stored);
        return previous == null ? stored : previous;
    }

    @Override
    public Lead update(Lead lead) {
        Lead[] result = new Lead[1];
        leads.compute(lead.id(), (id, current) -> {
            if (current == null) {
                throw new NoSuchElementException("no lead " + id);
            }
            if (current.version() != lead.version()) {
                throw new StaleVersionException("lead", id.toString(), lead.version());
            }
            result[0] = lead.atVersion(lead.version() + 1);
            return result[0];
        });
        return result[0];
    }

    @Override
    public Page<Lead> findByStatus(LeadStatus status, PageRequest page) {
        return page(l -> l.status() == status, page);
    }

    @Override
    public Page<Lead> findByOwner(UserId owner, PageRequest page) {
        return page(l -> l.owner().equals(Optional.of(owner)), page);
    }

    @Override
    public Page<Lead> findAll(PageRequest page) {
        return page(l -> true, page);
    }

    @Override
    public long count() {
        return leads.size();
    }

    private List<Lead> sorted(Predicate<Lead> filter) {
        List<Lead> all = new ArrayList<>(leads.values().stream().filter(filter).toList());
        all.sort(Comparator.comparing(Lead::createdAt).thenComparing(l -> l.id().toString()));
        return all;
    }

    private Page<Lead> page(Predicate<Lead> filter, PageRequest request) {
        List<Lead> all = sorted(filter);
        int from = 0;
        if (request.after().isPresent()) {
            Lead last = leads.get(LeadId.parse(request.after().get()));
            Comparator<Lead> order = Comparator.comparing(Lead::createdAt).thenComparing(l -> l.id().toString());
            while (from < all.size() && order.compare(all.get(from), last) <= 0) {
                from++;
            }
        }
        int to = Math.min(all.size(), from + request.size());
        List<Lead> items = all.subList(from, to);
        Optional<String> next = to < all.size() ? Optional.of(items.get(items.size() - 1).id().toString())
                : Optional.empty();
        return new Page<>(items, next);
    }
}
