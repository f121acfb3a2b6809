package dev.crmkit.campaigns.abtest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A/B tests kept across runs and nodes (adapters: {@code InMemoryAbTestStore}, {@code JdbcAbTestStore}, migrations
 * V65, V82): the plans, which contact got which variant and which of them did the metric's action (by contact id only,
 * like the ledger's rows: an erased person's contact stays as an anonymous row, and so do its exposures, so the
 * outcomes add up), and the winner once decided. Implementations are thread-safe.
 */
public interface AbTestStore {

    /**
     * Stores the plan unless one with its id is stored.
     *
     * @return the stored plan: this one, or the one stored before under its id (a plan never changes)
     */
    AbTestPlan define(AbTestPlan plan);

    /** The plan with this id. */
    Optional<AbTestPlan> plan(String testId);

    /** Every stored plan, ordered by id ({@link String#compareTo}). */
    List<AbTestPlan> plans();

    /**
     * Records that the contact got the variant, unless the contact got one of this test before.
     *
     * @return the variant the contact got (the earlier one when there was one)
     */
    String expose(String testId, String contactId, String variant, Instant at);

    /**
     * What becomes of an exposure recorded before its message's send ({@link #exposeBefore}). A contact counts as
     * exposed in {@link #outcomes} while its exposure is {@link #PENDING} or {@link #SENT}: a node that died between
     * the send and settling it cannot tell whether the message went out, so the variant keeps the contact (a re-claim
     * of the same message settles the one row; an expired message stays pending, told apart from a sent one by its
     * state and its message key in the ledger). A {@link #FAILED} exposure (the channel refused the message or
     * threw) does not count until a later message of the test is sent to the contact.
     */
    enum ExposureState {
        /** Recorded before the send; not settled yet (or the node died before it could). */
        PENDING,
        /** The channel accepted the message (and every exposure recorded without a message, as before V82). */
        SENT,
        /** The channel refused the message or threw: not counted. */
        FAILED
    }

    /**
     * Records, before the message goes out, that the contact gets the variant through it ({@link ExposureState#PENDING},
     * with the message's key), unless the contact was exposed to the test before: then its earlier variant is kept,
     * and an exposure whose send {@link ExposureState#FAILED} is pending again under this message. Hosts' stores
     * written before this method record a plain {@link #expose} (the default).
     *
     * @return the variant the contact gets (the earlier one when it was exposed before)
     */
    default String exposeBefore(String testId, String contactId, String variant, String messageKey, Instant at) {
        return expose(testId, contactId, variant, at);
    }

    /**
     * Settles the pending exposure the message recorded: {@link ExposureState#SENT} when the channel accepted it,
     * {@link ExposureState#FAILED} when it refused it or threw. Nothing changes for an exposure of another message or
     * one settled already, but for one case: a send that went through settles a FAILED exposure of the same message
     * as SENT (another node failed the message and settled it while this node, having re-claimed it, sent it).
     *
     * @return whether a pending exposure of that message was settled
     */
    default boolean settle(String testId, String contactId, String messageKey, boolean sent) {
        return false;
    }

    /**
     * A contact's exposure as {@link #exposeBefore} and {@link #settle} leave it.
     *
     * @param variant    the variant it got
     * @param state      what became of it
     * @param messageKey the key of the message it was recorded for, empty for an exposure recorded without one
     */
    record Exposure(String variant, ExposureState state, Optional<String> messageKey) {
        /** Checks the parts are there. */
        public Exposure {
            java.util.Objects.requireNonNull(variant, "variant");
            java.util.Objects.requireNonNull(state, "state");
            java.util.Objects.requireNonNull(messageKey, "messageKey");
        }
    }

    /** The contact's exposure to the test, if it was exposed (the default store knows no states: empty). */
    default Optional<Exposure> exposure(String testId, String contactId) {
        return Optional.empty();
    }

    /**
     * Records that an exposed contact did the metric's action (the first time counts).
     *
     * @return whether the contact was exposed to the test
     */
    boolean hit(String testId, String contactId, Instant at);

    /**
     * The contacts exposed and hit per variant, in the plan's variant order (none for an unknown test); a
     * {@link ExposureState#FAILED} exposure is not counted.
     */
    List<VariantOutcome> outcomes(String testId);

    /**
     * Stores the winner unless one is stored for its test.
     *
     * @return the stored winner: this one, or the one decided before (a winner never changes)
     */
    AbWinner recordWinner(AbWinner winner);

    /** The winner of the test, once decided. */
    Optional<AbWinner> winner(String testId);
}
