package dev.crmkit.spring;

import dev.crmkit.adapters.jdbc.OutboxRelay;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.StageChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;

/**
 * crmkit's Micrometer meters:
 * <ul>
 *   <li>{@code crmkit.captures} (counter), tagged {@code outcome} = {@code new-contact}, {@code existing-contact} or
 *       {@code folded}: committed captures, counted from their events;</li>
 *   <li>{@code crmkit.deal.moves.refused} (counter): moves a stage rule refused;</li>
 *   <li>{@code crmkit.outbox.pending} (gauge): events waiting for the relay;</li>
 *   <li>{@code crmkit.outbox.lag} (gauge, seconds): the age of the oldest event waiting.</li>
 * </ul>
 */
final class CrmkitMeters {

    private final Counter newContact;
    private final Counter existingContact;
    private final Counter folded;
    private final Counter refusedMoves;

    CrmkitMeters(MeterRegistry registry) {
        this.newContact = captures(registry, "new-contact");
        this.existingContact = captures(registry, "existing-contact");
        this.folded = captures(registry, "folded");
        this.refusedMoves = Counter.builder("crmkit.deal.moves.refused")
                .description("Deal moves refused by a stage rule").register(registry);
    }

    private static Counter captures(MeterRegistry registry, String outcome) {
        return Counter.builder("crmkit.captures").tag("outcome", outcome)
                .description("Committed lead captures by outcome").register(registry);
    }

    /**
     * Adds the outbox gauges, read through a relay that is never started (whether or not the relay runs, so a
     * growing backlog shows when it does not).
     */
    static void outboxGauges(MeterRegistry registry, OutboxRelay monitor, OutboxLag lag) {
        Gauge.builder("crmkit.outbox.pending", monitor, OutboxRelay::pendingCount).strongReference(true)
                .description("Domain events waiting in the outbox").register(registry);
        Gauge.builder("crmkit.outbox.lag", lag, l -> l.lag().toNanos() / (double) TimeUnit.SECONDS.toNanos(1))
                .strongReference(true).baseUnit("seconds")
                .description("Age of the oldest domain event waiting in the outbox").register(registry);
    }

    /** Counts a committed capture from its event. */
    @EventListener
    public void on(DomainEvent event) {
        if (event instanceof LeadEvent.LeadCaptured captured) {
            (captured.contactCreated() ? newContact : existingContact).increment();
        } else if (event instanceof LeadEvent.DuplicateSubmissionFolded) {
            folded.increment();
        }
    }

    /** A deal pipeline that counts the moves it refuses; every other call goes straight through. */
    DealPipeline counting(DealPipeline pipeline) {
        return (DealPipeline) Proxy.newProxyInstance(DealPipeline.class.getClassLoader(),
                new Class<?>[]{DealPipeline.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(pipeline, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof StageChange.StageChangeRejected) {
                        refusedMoves.increment();
                    }
                    return result;
                });
    }
}
