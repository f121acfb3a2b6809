package dev.crmkit.campaigns.messaging;

import java.util.Objects;

/** What a channel did with a message. */
public sealed interface SendResult permits SendResult.Accepted, SendResult.Rejected {

    /**
     * The channel took the message (or had taken one with the same key before).
     *
     * @param providerId the channel's id of the message (a Message-ID, a file name)
     */
    record Accepted(String providerId) implements SendResult {
        /** Checks the id is there. */
        public Accepted {
            Objects.requireNonNull(providerId, "providerId");
        }
    }

    /**
     * The channel refused the message for good (a malformed address).
     *
     * @param reason why, for people
     */
    record Rejected(String reason) implements SendResult {
        /** Checks the reason is there. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
