package dev.crmkit.campaigns.sequence;

import dev.crmkit.campaigns.tracking.Signal;

import java.time.Instant;
import java.util.List;

/**
 * Where a {@link SequenceRunner} reads a contact's tracking signals (replies, booked meetings, purchases, a stage
 * reached, opens and clicks) that decide goals, conditions and branches: the host's tracking, its timeline, or the
 * store's recorded events. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ContactSignals {

    /** The contact's signals from {@code since} to {@code until}, both included, in any order. */
    List<Signal> of(String contactId, Instant since, Instant until);

    /** No signals at all: goals, conditions and branches never see one. */
    static ContactSignals none() {
        return (contactId, since, until) -> List.of();
    }
}
