package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.DomainEvent;

import java.time.Instant;
import java.util.Objects;

/**
 * One domain event as the transactional outbox holds it, handed to an {@link OutboxHandler} by the
 * {@link OutboxRelay}. Immutable and thread-safe.
 *
 * <p>{@link #seq()} is unique and grows with every event appended, so a handler can use it (or the event's content)
 * to recognise an event it has already processed: delivery is at least once.
 */
public final class OutboxMessage {

    private final long seq;
    private final String aggregateId;
    private final String type;
    private final Instant occurredAt;
    private final String payload;
    private final JsonCodec json;

    OutboxMessage(long seq, String aggregateId, String type, Instant occurredAt, String payload, JsonCodec json) {
        this.seq = seq;
        this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
        this.type = Objects.requireNonNull(type, "type");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.json = json;
    }

    /** The event's position in the outbox: unique, and larger for events appended later. */
    public long seq() {
        return seq;
    }

    /** The id of the aggregate the event belongs to ({@link DomainEvent#aggregateId()}). */
    public String aggregateId() {
        return aggregateId;
    }

    /** The event's type: the fully qualified name of its class, for example {@code ...ContactEvent$ContactCreated}. */
    public String type() {
        return type;
    }

    /** When the event happened ({@link DomainEvent#occurredAt()}), to the microsecond. */
    public Instant occurredAt() {
        return occurredAt;
    }

    /**
     * The event as JSON text, for forwarding it as it is (to a message broker, a webhook). Its members are those of
     * the event record; the database may have normalized spacing and member order.
     */
    public String payload() {
        return payload;
    }

    /**
     * The domain event read back from {@link #payload()}, equal to the one published.
     *
     * @throws IllegalStateException if {@link #type()} is not a domain event class on the class path (an event of
     *                               another crmkit version, say) or the payload does not fit it
     */
    public DomainEvent event() {
        return json.event(type, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxMessage m && seq == m.seq && aggregateId.equals(m.aggregateId)
                && type.equals(m.type) && occurredAt.equals(m.occurredAt) && payload.equals(m.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq);
    }

    @Override
    public String toString() {
        return "OutboxMessage[seq=" + seq + ", aggregateId=" + aggregateId + ", type=" + type + ", occurredAt="
                + occurredAt + "]";
    }
}
