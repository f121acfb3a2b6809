package dev.crmkit.campaigns.abtest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A/B tests kept across runs and nodes (adapters: {@code InMemoryAbTestStore}, {@code JdbcAbTestStore}, migration
 * V65): the plans, which contact got which variant and which of them did the metric's action (by contact id only,
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
     * Records that an exposed contact did the metric's action (the first time counts).
     *
     * @return whether the contact was exposed to the test
     */
    boolean hit(String testId, String contactId, Instant at);

    /** The contacts exposed and hit per variant, in the plan's variant order (none for an unknown test). */
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
