package dev.crmkit.adapters.jdbc;

/**
 * The {@link OutboxHandler} refused an event: the {@link OutboxRelay} stopped at it. The events accepted before it in
 * the same batch are marked delivered; this one and every later one stay pending and are delivered in a later round.
 * The handler's exception is the cause.
 */
public class OutboxDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long failedSeq;
    private final int delivered;

    /** Creates the exception for a refused event. */
    public OutboxDeliveryException(long failedSeq, int delivered, Throwable cause) {
        super("the outbox handler refused the event at seq " + failedSeq + " (after " + delivered
                + " delivered in this batch); it stays pending with the events after it: " + cause, cause);
        this.failedSeq = failedSeq;
        this.delivered = delivered;
    }

    /** The {@link OutboxMessage#seq()} of the refused event. */
    public long failedSeq() {
        return failedSeq;
    }

    /** How many events of the batch were accepted and marked delivered before it. */
    public int delivered() {
        return delivered;
    }
}
