package dev.crmkit.campaigns.audience;

import dev.crmkit.campaigns.message.MessageKind;

import java.time.Instant;
import java.util.Objects;

/**
 * A do-not-contact entry of one contact on one channel: why, where it came from and when. Immutable and thread-safe.
 *
 * @param contactId the contact
 * @param channel   the channel it applies to
 * @param reason    unsubscribed, bounced or manual
 * @param source    where it came from ({@code unsubscribe link of campaign birthday}, {@code smtp 550}), may be empty
 * @param at        when it was recorded
 */
public record DoNotContact(String contactId, ChannelKind channel, Reason reason, String source, Instant at) {

    /** Validates the parts. */
    public DoNotContact {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        source = Objects.requireNonNull(source, "source").strip();
        Objects.requireNonNull(at, "at");
    }

    /** Why a contact must not be contacted on a channel. */
    public enum Reason {
        /** The contact unsubscribed: no more marketing; transactional messages still go. */
        UNSUBSCRIBED,
        /** Messages bounced: nothing more on this channel, it does not reach the contact. */
        BOUNCED,
        /** Someone blocked the channel by hand: nothing more on it. */
        MANUAL
    }

    /** Whether this entry holds back a message of the kind on its channel. */
    public boolean blocks(MessageKind kind) {
        return reason != Reason.UNSUBSCRIBED || kind == MessageKind.MARKETING;
    }
}
