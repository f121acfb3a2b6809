package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.Leads;

import java.util.Objects;
import java.util.Optional;

/**
 * How many open items (leads, deals, or both) a person works now: what {@link Strategies#leastLoaded} compares. The
 * host supplies its own counts (for example one grouped query), or uses {@link #openLeads(Leads)}.
 */
@FunctionalInterface
public interface Workload {

    /** The number of open items the user works. */
    long openItems(UserId user);

    /** Counts the user's open leads by reading their leads page by page; fine for small teams and stores. */
    static Workload openLeads(Leads leads) {
        Objects.requireNonNull(leads, "leads");
        return user -> {
            long open = 0;
            Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
            while (request.isPresent()) {
                Page<Lead> page = leads.findByOwner(user, request.get());
                open += page.items().stream().filter(Lead::isOpen).count();
                request = request.get().next(page);
            }
            return open;
        };
    }
}
