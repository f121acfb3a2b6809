package dev.crmkit.spring;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of crmkit's outbox relay: up while it runs, with the number of events waiting; down when the context
 * runs but the relay does not, or the outbox cannot be read.
 */
final class OutboxRelayHealth extends AbstractHealthIndicator {

    private final OutboxRelayLifecycle relay;

    OutboxRelayHealth(OutboxRelayLifecycle relay) {
        super("crmkit outbox relay health check failed");
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long pending = relay.pendingCount();
        (relay.isRunning() ? builder.up() : builder.down()).withDetail("running", relay.isRunning())
                .withDetail("pending", pending);
    }
}
