package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.DomainEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the domain events of a {@link JdbcCrmStore}'s transactional outbox to an {@link OutboxHandler}: at least
 * once, in outbox order, across crashes and across application nodes.
 *
 * <p><b>Why.</b> A unit of work writes its events to the outbox table in its own transaction, so an event exists if and
 * only if the change it describes committed. The store hands events to its in-process subscriber right after the
 * commit, but that delivery is lost if the process dies in between, and it does not happen at all inside
 * host-managed transactions ({@link JdbcCrmStore.Builder#joinHostTransactions()}). The relay reads the outbox instead:
 * what committed is delivered, whenever and on whichever node the relay runs next.
 *
 * <p><b>Guarantees.</b>
 * <ul>
 *   <li><b>At least once.</b> An event stays pending until the handler has accepted it (returned normally) and the
 *       mark "delivered" has committed. If the process dies, its connection is killed or the database fails in
 *       between, the event is delivered again, by this relay or another. <b>Handlers must be idempotent</b>: skip an event whose {@link OutboxMessage#seq()} they have already
 *       processed, or make the effect of processing it twice the same as once.</li>
 *   <li><b>First deliveries in order.</b> Events are handed over in the order of their {@code seq}, the order in
 *       which they were appended, so the events of one aggregate are first delivered in the order they happened:
 *       crmkit writes an aggregate's row in the transaction that appends its events, and that row stays locked until
 *       the commit, so a later change of the same aggregate appends its events afterwards. A redelivery (after a
 *       relay died, see above) starts again at the oldest unmarked event, so a handler may see an older event of an
 *       aggregate again after a newer one; the first delivery of every event still comes in order. A handler that
 *       refuses an event stops the delivery there: nothing after it is delivered until it is accepted (a handler that
 *       cannot ever process an event should park it somewhere of its own and accept it). Pending events are found by
 *       their missing mark, not by a high-water mark, so an event whose transaction commits late (with a lower seq
 *       than events already delivered, necessarily of other aggregates) is still delivered.</li>
 *   <li><b>One handler at a time.</b> A relay delivers only under the <em>lease</em> kept in the single row of
 *       {@code <prefix>outbox_relay_lock}: it claims it in a short transaction of its own (holder, the database's
 *       time, the lease's {@linkplain Builder#lease length}, the row locked with {@code SELECT ... FOR UPDATE SKIP
 *       LOCKED} meanwhile), hands the batch over, and frees it in the transaction that commits the marks. Another
 *       relay, on any node, takes the lease only when it is free or has run out by the database's clock; until then it
 *       delivers nothing and returns 0. The holder hands an event over only while it is in the first half of its
 *       lease by its own monotonic clock (started before its claim was sent, so never later than the database's
 *       start) and only while its connection answers and the lease row, read again before each hand-over, still
 *       names it; otherwise it stops the batch.
 *       So if a relay's process or connection dies, the lease is not freed, and the next relay starts only when it
 *       has run out, at least half a lease after the dead relay's last hand-over began. <b>Two handlers can run at
 *       once only if one call of the handler lasts longer than half the lease</b> (30 seconds with the default lease
 *       of 60): keep handlers shorter than that, or set a longer lease. The price: a relay that dies pauses delivery
 *       until its lease runs out. A relay that fails but lives (a refused event, a database error on a connection
 *       that still works) frees its lease at once. This works the same on PostgreSQL, MariaDB (10.6+) and H2.</li>
 * </ul>
 *
 * <p><b>Usage.</b> Build it from the store, then either call {@link #relayOnce()} from a scheduler of the host's, or
 * let it poll on a daemon thread of its own:
 * <pre>{@code
 * JdbcCrmStore store = JdbcCrmStore.builder(dataSource).build();
 * OutboxRelay relay = store.outboxRelay()                 // or OutboxRelay.builder(store)
 *         .handler(message -> broker.send("crm." + message.type(), message.seq(), message.payload()))
 *         .pollInterval(Duration.ofSeconds(1))
 *         .build();
 * relay.start();                                            // polls until close()
 * ...
 * relay.purgeDelivered(Instant.now().minus(Duration.ofDays(7)));   // now and then, e.g. nightly
 * relay.close();
 * }</pre>
 * A subscriber written for {@link JdbcCrmStore#events(DomainEvents)} can be the handler:
 * {@code .subscriber(event -> ...)} hands it the {@link dev.crmkit.core.kernel.DomainEvent}s read back.
 *
 * <p>Each batch holds a database connection and its lease while the handler runs, so a handler should be reasonably
 * quick (and database settings such as PostgreSQL's {@code idle_in_transaction_session_timeout} must allow for it).
 * The handler runs outside any crmkit unit of work: writes it makes through a store commit on their own. Do not call
 * the relay's methods inside a crmkit unit of work or a host-managed transaction.
 *
 * <p>Thread-safe.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final Jdbc jdbc;
    private final Outbox outbox;
    private final OutboxHandler handler;
    private final int batchSize;
    private final Duration pollInterval;
    private final Clock clock;
    private final ScheduledExecutorService injectedExecutor;
    private final ReentrantLock round = new ReentrantLock();
    private final Duration lease;
    private final Duration handOverWindow;
    /** This relay's name in the lease row: an identity of the running instance, not a domain id. */
    private final String id = "relay-" + UUID.randomUUID();

    private ScheduledExecutorService executor; // guarded by this
    private ScheduledFuture<?> polling;        // guarded by this
    private volatile boolean closed;

    private OutboxRelay(Builder b) {
        this.jdbc = b.store.jdbc();
        this.outbox = new Outbox(jdbc.dialect, jdbc.tables, jdbc.json);
        this.handler = b.handler;
        this.batchSize = b.batchSize;
        this.pollInterval = b.pollInterval;
        this.clock = b.clock;
        this.injectedExecutor = b.executor;
        this.lease = b.lease;
        this.handOverWindow = b.lease.dividedBy(2);
    }

    /** Starts configuring a relay for a store's outbox: same data source, dialect and table prefix. */
    public static Builder builder(JdbcCrmStore store) {
        return new Builder(store);
    }

    /**
     * Delivers one batch of at most the configured {@linkplain Builder#batchSize(int) batch size}; see
     * {@link #deliverPending(int)}.
     */
    public int relayOnce() {
        return deliverPending(batchSize);
    }

    /**
     * Delivers one batch: claims the lease (see the class comment) in a transaction of its own, then in a second one
     * reads up to {@code maxBatch} pending events in {@code seq} order, hands them to the handler one by one while the
     * lease holds, marks those it accepted delivered, frees the lease, and commits.
     *
     * @param maxBatch how many events to deliver at most, at least 1
     * @return how many events were delivered; 0 when none were pending or another relay holds the lease; fewer than
     *         were pending when the first half of the lease ran out during the batch
     * @throws OutboxDeliveryException if the handler refused an event: the ones it accepted before are marked
     *                                 delivered, that one and the later ones stay pending
     * @throws JdbcStoreException      (or {@link dev.crmkit.core.kernel.ConflictException}) if the database failed;
     *                                 no mark of the batch committed, so its events will be delivered again
     * @throws IllegalStateException   if called inside a crmkit unit of work
     */
    public int deliverPending(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        if (jdbc.tx.inUnitOfWork()) {
            throw new IllegalStateException("the outbox relay must not run inside a unit of work: it commits on its own");
        }
        Batch batch = jdbc.tx.read(c -> inOwnTransaction(c, maxBatch));
        if (batch.failure != null) {
            throw new OutboxDeliveryException(batch.failedSeq, batch.delivered, batch.failure);
        }
        return batch.delivered;
    }

    /**
     * Deletes the events that were delivered before a time, so the outbox does not grow forever. Pending events are
     * never deleted. Run it now and then (daily, say) with a time that keeps as much history as is useful for
     * looking into a delivery.
     *
     * @param olderThan events marked delivered strictly before it are deleted
     * @return how many were deleted
     */
    public int purgeDelivered(Instant olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        return jdbc.tx.write(c -> outbox.purgeDelivered(c, olderThan));
    }

    /** How many events wait for delivery: the relay's backlog, for monitoring. */
    public long pendingCount() {
        return jdbc.tx.read(outbox::countPending);
    }

    /**
     * Starts delivering in the background: a round runs right away and then each {@linkplain Builder#pollInterval
     * poll interval} after the previous one ended, on the {@linkplain Builder#executor injected executor} or on a daemon
     * thread of the relay's own. A round delivers batch after batch while they come full. A failure (a refused event,
     * an unreachable database) is logged through SLF4J and the round is tried again at the next interval.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the outbox relay is closed");
        }
        if (polling != null) {
            throw new IllegalStateException("the outbox relay is already started");
        }
        executor = injectedExecutor != null ? injectedExecutor : Executors.newSingleThreadScheduledExecutor(daemon());
        polling = executor.scheduleWithFixedDelay(this::round, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether background delivery is started and not closed. */
    public synchronized boolean isRunning() {
        return polling != null && !closed;
    }

    /**
     * Stops background delivery: no new round starts, and a running one finishes its current batch (this waits up to
     * 30 seconds for it). The relay's own thread ends; an injected executor is left running. Idempotent; the relay
     * cannot be started again, though {@link #relayOnce()} and {@link #purgeDelivered} still work.
     */
    @Override
    public void close() {
        ScheduledExecutorService own;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (polling != null) {
                polling.cancel(false);
            }
            own = executor != injectedExecutor ? executor : null;
        }
        if (own != null) {
            own.shutdown();
        }
        try {
            if (round.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                round.unlock();
            } else {
                LOG.warn("the outbox relay's running round did not end within {} s; it ends in the background",
                        CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One background round: batches while they come full, failures logged. */
    private void round() {
        round.lock();
        try {
            int delivered;
            do {
                if (closed) {
                    return;
                }
                delivered = relayOnce();
            } while (delivered == batchSize && !Thread.currentThread().isInterrupted());
        } catch (OutboxDeliveryException e) {
            LOG.warn("outbox delivery stopped at seq {} after {} delivered; retrying in {}", e.failedSeq(),
                    e.delivered(), pollInterval, e.getCause());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // a scheduled task that throws is never run again: log and go on
            LOG.warn("outbox relay round failed; retrying in {}", pollInterval, e);
        } finally {
            round.unlock();
        }
    }

    /**
     * Runs a batch on a connection of its own: claims the lease in one transaction, then hands the events over and
     * marks them (and frees the lease) in a second one. After a failure the lease is freed if the connection still
     * works, so another relay need not wait for it to run out; the first error is the one thrown.
     */
    private Batch inOwnTransaction(Connection c, int maxBatch) throws SQLException {
        boolean[] claimed = {false};
        return OwnTransaction.run(c, OwnTransaction.AS_IS, own -> {
            long claimedAt = System.nanoTime(); // before the claim: the lease runs out no earlier than we think
            claimed[0] = claim(own);
            return claimed[0] ? handOver(own, maxBatch, claimedAt) : Batch.NONE;
        }, freeing -> {
            if (claimed[0]) { // free the lease after a failure, so another relay need not wait for it to run out
                outbox.releaseLease(freeing, id);
            }
            return null;
        });
    }

    /** Takes the lease and commits that, or finds another relay's lease running and leaves it. */
    private boolean claim(Connection c) throws SQLException {
        Optional<Outbox.Lease> current = outbox.lockLease(c);
        if (current.isEmpty()) {
            if (outbox.lockRowExists(c)) {
                c.rollback();
                return false; // another relay is claiming or freeing the lease right now: its turn
            }
            // the lock row was deleted (a test emptying the tables, a manual clean-up): put it back and go on
            c.rollback();
            outbox.createLockRow(c);
            c.commit();
            current = outbox.lockLease(c);
        }
        if (current.isEmpty() || !current.get().freeFor(id)) {
            c.rollback();
            return false;
        }
        if (current.get().holder().filter(h -> !h.equals(id)).isPresent()) {
            LOG.warn("outbox relay {} takes over the lease of relay {}, which ran out without being freed "
                    + "(its process or connection died)", id, current.get().holder().get());
        }
        outbox.takeLease(c, id, lease);
        c.commit();
        return true;
    }

    /**
     * Hands pending events over one by one while the lease certainly holds and the connection works, marks those
     * the handler accepted and frees the lease; the caller commits.
     */
    private Batch handOver(Connection c, int maxBatch, long claimedAt) throws SQLException {
        List<OutboxMessage> messages = outbox.pending(c, maxBatch);
        List<Long> accepted = new ArrayList<>(messages.size());
        Batch result = null;
        for (OutboxMessage message : messages) {
            // re-read the lease on the batch's connection: a dead connection fails here with its own error, before
            // the handler gets anything more
            if (System.nanoTime() - claimedAt >= handOverWindow.toNanos()
                    || !outbox.leaseHolder(c).filter(id::equals).isPresent()) {
                break; // the rest waits for the next batch, under a lease of its own
            }
            try {
                handler.handle(message);
            } catch (Exception e) {
                result = new Batch(accepted.size(), message.seq(), e);
                break;
            }
            accepted.add(message.seq());
        }
        outbox.markDelivered(c, accepted, clock.instant());
        outbox.releaseLease(c, id);
        return result != null ? result : new Batch(accepted.size(), 0, null);
    }

    private static ThreadFactory daemon() {
        return work -> {
            Thread t = new Thread(work, "crmkit-outbox-relay-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** What a batch did. */
    private record Batch(int delivered, long failedSeq, Exception failure) {
        static final Batch NONE = new Batch(0, 0, null);
    }

    /** Configures an {@link OutboxRelay}. Not thread-safe. */
    public static final class Builder {
        private final JdbcCrmStore store;
        private OutboxHandler handler;
        private int batchSize = 100;
        private Duration pollInterval = Duration.ofSeconds(1);
        private ScheduledExecutorService executor;
        private Clock clock = Clock.systemUTC();
        private Duration lease = Duration.ofSeconds(60);

        private Builder(JdbcCrmStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** What receives the events; required. See {@link OutboxHandler} for what accepting and refusing mean. */
        public Builder handler(OutboxHandler value) {
            this.handler = Objects.requireNonNull(value, "handler");
            return this;
        }

        /**
         * A subscriber that receives the {@link dev.crmkit.core.kernel.DomainEvent}s read back, as the handler: the
         * same as {@code handler(OutboxHandler.publishingTo(subscriber))}. An exception it throws refuses the event.
         */
        public Builder subscriber(DomainEvents subscriber) {
            return handler(OutboxHandler.publishingTo(subscriber));
        }

        /** How many events one batch (one transaction) delivers at most; default 100, from 1 to 10,000. */
        public Builder batchSize(int value) {
            if (value < 1 || value > 10_000) {
                throw new IllegalArgumentException("batchSize must be from 1 to 10000: " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** How long background delivery waits after a round before the next; default 1 second. */
        public Builder pollInterval(Duration value) {
            Objects.requireNonNull(value, "pollInterval");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive: " + value);
            }
            this.pollInterval = value;
            return this;
        }

        /**
         * The executor background delivery runs on, instead of a daemon thread of the relay's own. The relay schedules
         * one task on it and cancels that task on {@link OutboxRelay#close()}; it never shuts the executor down.
         */
        public Builder executor(ScheduledExecutorService value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * How long a relay's claim to deliver lasts, in the database's time, unless it frees it sooner; default 60
         * seconds, from 100 ms to 1 hour. A relay hands events over only during the first half of its lease, so
         * another relay (which takes over a lease that was not freed only once it ran out) starts at least half a
         * lease after the last hand-over of a relay that died. Every relay of an outbox should use the same lease.
         * A relay's process dying pauses delivery for up to one lease.
         */
        public Builder lease(Duration value) {
            Objects.requireNonNull(value, "lease");
            if (value.compareTo(Duration.ofMillis(100)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("lease must be from 100 ms to 1 hour: " + value);
            }
            this.lease = value;
            return this;
        }

        /** The clock the delivery marks are taken from; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The relay, not yet started.
         *
         * @throws IllegalStateException if no handler was set
         */
        public OutboxRelay build() {
            if (handler == null) {
                throw new IllegalStateException("an outbox relay needs a handler (or a subscriber)");
            }
            return new OutboxRelay(this);
        }
    }
}
