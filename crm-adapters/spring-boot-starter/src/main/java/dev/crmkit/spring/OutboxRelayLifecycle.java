package dev.crmkit.spring;

import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.jdbc.OutboxMessage;
import dev.crmkit.adapters.jdbc.OutboxRelay;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Runs crmkit's {@link OutboxRelay} while the application context runs: started after the context is refreshed,
 * closed when it stops. The relay delivers each committed event of the outbox, at least once and in order, as an
 * {@link OutboxMessage} application event; an {@code @EventListener(OutboxMessage)} that throws refuses the message,
 * which is delivered again in a later round. Use it to forward events reliably (to a broker); the domain event
 * objects themselves are published right after commit, not by the relay.
 */
public final class OutboxRelayLifecycle implements SmartLifecycle {

    private final JdbcCrmStore store;
    private final ApplicationEventPublisher publisher;
    private final Duration pollInterval;
    private final int batchSize;
    private final OutboxRelay monitor;
    private OutboxRelay relay; // guarded by this

    OutboxRelayLifecycle(JdbcCrmStore store, ApplicationEventPublisher publisher, Duration pollInterval,
                         int batchSize) {
        this.store = store;
        this.publisher = publisher;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.monitor = newRelay(); // never started: fails fast on a bad setting, naming it, and counts the backlog
    }

    private OutboxRelay newRelay() {
        return store.outboxRelay()
                .handler(publisher::publishEvent)
                .pollInterval(pollInterval)
                .batchSize(batchSize)
                .build();
    }

    @Override
    public synchronized void start() {
        if (relay == null) {
            relay = newRelay();
            relay.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return relay != null && relay.isRunning();
    }

    /** How many events wait in the outbox. */
    public long pendingCount() {
        return monitor.pendingCount();
    }
}
