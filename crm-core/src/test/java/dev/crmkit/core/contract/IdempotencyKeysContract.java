package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.idempotency.IdempotencyKeys;
import dev.crmkit.core.idempotency.OnceOnly;
import dev.crmkit.core.idempotency.RecordedOutcome;
import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.kernel.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link IdempotencyKeys}: an outcome recorded under a key is found exactly as recorded, exists only if
 * its unit of work committed, and a key is recorded at most once. Extend it with a class that returns a fresh, empty
 * store.
 */
public abstract class IdempotencyKeysContract {

    private IdempotencyKeys keys;
    private Transactions tx;

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUp() {
        CrmStore store = newStore();
        keys = store.idempotencyKeys();
        tx = store.transactions();
    }

    @Test
    void find_nothingRecorded_isEmpty() {
        assertEquals(Optional.empty(), keys.find(IdempotencyKey.of("order-1")));
    }

    @Test
    void record_thenFind_readsBackExactly() {
        String longOutcome = "x".repeat(RecordedOutcome.MAX_OUTCOME);
        RecordedOutcome outcome = new RecordedOutcome(IdempotencyKey.of("k".repeat(IdempotencyKey.MAX_LENGTH)),
                "deal.move", longOutcome, at(7));

        keys.record(outcome);

        assertEquals(Optional.of(outcome), keys.find(outcome.key()));
        assertEquals(Optional.empty(), keys.find(IdempotencyKey.of("K".repeat(IdempotencyKey.MAX_LENGTH))),
                "keys are compared exactly, case included");
    }

    @Test
    void record_aKeyTwice_isAConflict_andKeepsTheFirst() {
        RecordedOutcome first = new RecordedOutcome(IdempotencyKey.of("req-42"), "capture", "folded a b", at(1));
        keys.record(first);

        assertThrows(ConflictException.class, () -> keys.record(
                new RecordedOutcome(first.key(), "capture", "new-contact c d -", at(2))));

        assertEquals(Optional.of(first), keys.find(first.key()));
    }

    @Test
    void record_inAUnitThatRollsBack_leavesNoKey() {
        IdempotencyKey key = IdempotencyKey.of("rolled-back");

        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            keys.record(new RecordedOutcome(key, "task.create", "task t", at(3)));
            throw new IllegalStateException("the unit fails after the record");
        }));

        assertEquals(Optional.empty(), keys.find(key));
    }

    @Test
    void onceOnly_doesTheWorkOnce_replaysTheRecordedOutcome_andRefusesAKeyOfAnotherCommand() {
        OnceOnly once = new OnceOnly(keys, tx, Fixtures.CLOCK);
        AtomicInteger runs = new AtomicInteger();
        IdempotencyKey key = IdempotencyKey.of("open-7");

        String first = once.run(key, "deal.open", () -> "deal-" + runs.incrementAndGet(), Optional::of,
                text -> "replayed " + text);
        String again = once.run(key, "deal.open", () -> "deal-" + runs.incrementAndGet(), Optional::of,
                text -> "replayed " + text);

        assertEquals("deal-1", first);
        assertEquals("replayed deal-1", again);
        assertEquals(1, runs.get());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> once.run(key, "deal.move",
                () -> "moved", Optional::of, text -> text));
        assertTrue(e.getMessage().contains("was used for deal.open"), e.getMessage());
    }

    @Test
    void onceOnly_anOutcomeThatChangedNothing_isNotRecorded_soTheRetryDecidesAgain() {
        OnceOnly once = new OnceOnly(keys, tx, Fixtures.CLOCK);
        AtomicInteger runs = new AtomicInteger();
        IdempotencyKey key = IdempotencyKey.of("refused-move");

        once.run(key, "deal.move", runs::incrementAndGet, n -> Optional.empty(), Integer::valueOf);
        int second = once.run(key, "deal.move", runs::incrementAndGet, n -> Optional.empty(), Integer::valueOf);

        assertEquals(2, second);
        assertEquals(Optional.empty(), keys.find(key));
    }
}
