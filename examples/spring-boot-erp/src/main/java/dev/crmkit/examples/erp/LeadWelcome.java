package dev.crmkit.examples.erp;

import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reacts to a captured lead once the ERP's transaction has committed: here it queues a welcome mail (kept in memory;
 * a real ERP would hand it to its mailer). Never called for a capture whose transaction rolled back.
 */
@Component
public class LeadWelcome {

    private final List<LeadId> queued = new CopyOnWriteArrayList<>();

    /** Queues the welcome of a captured lead. */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(LeadEvent.LeadCaptured captured) {
        queued.add(captured.leadId());
    }

    /** The leads welcomed so far, in order. */
    public List<LeadId> queued() {
        return List.copyOf(queued);
    }
}
