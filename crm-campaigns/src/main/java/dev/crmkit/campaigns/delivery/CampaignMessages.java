package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.cap.CapCheck;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.message.DueMessage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of due messages, shared by every node that sends (adapters: {@code InMemoryCampaignMessages},
 * {@code JdbcCampaignMessages}). A message is claimed by one node at a time under a lease; a node that crashes between
 * sending and {@link #markDone} loses its lease, and another node claims the message again once the lease ran out, so
 * a message is sent at most once more after a crash, with the same idempotency key. A message is never claimed after
 * its last valid day (an expired offer is never sent). Implementations are thread-safe and safe across nodes.
 */
public interface CampaignMessages {

    /** Records a due message; false (and nothing changes) when one with its key is recorded already. */
    boolean schedule(DueMessage message);

    /**
     * Claims for {@code node} up to {@code max} messages that may be sent on {@code day} (send day on or before it,
     * valid until it or later), not done, and not under a live lease (of any node) at {@code now}; each claimed
     * message's lease runs until {@code now + lease}. Earliest send day first, then key.
     */
    List<DueMessage> claim(String node, LocalDate day, Instant now, Duration lease, int max);

    /**
     * Marks a message done (sent, or held back for good) by the node that holds its claim, with what happened; false
     * (and nothing changes) when the node does not hold it (its lease was taken over) or it is done already.
     */
    boolean markDone(String key, String node, String outcome, Instant at);

    /**
     * Gives up the node's claim of a message it did not send (outside the send window, over a cap), so the next run of
     * any node can claim it without waiting for the lease; false (and nothing changes) when the node does not hold it
     * or it is done.
     */
    boolean release(String key, String node);

    /**
     * Admits a recorded message to be sent on {@code day} (a day of the contact's calendar) under the frequency caps,
     * counting every marketing message of its contact admitted before by any node (its cap day), and records
     * {@code day} as this message's cap day when it fits. Counting and recording are one step per contact across
     * nodes, so nodes that send together never exceed a cap. The message itself is not counted against itself (a
     * message sent again after a crash is the same message); an admitted message keeps counting even when the
     * channel later refused it. A transactional message is always admitted and records nothing.
     *
     * @throws IllegalArgumentException if a marketing message is not recorded
     */
    CapCheck admit(DueMessage message, LocalDate day, FrequencyCaps caps);

    /** The state of a message, if recorded. */
    Optional<MessageState> find(String key);
}
