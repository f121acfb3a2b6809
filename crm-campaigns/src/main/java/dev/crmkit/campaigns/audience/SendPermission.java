package dev.crmkit.campaigns.audience;

import java.util.Objects;

/** Whether a message may go to a recipient, and why not when it may not. */
public sealed interface SendPermission permits SendPermission.Permitted, SendPermission.Refused {

    /** Whether the message may be sent. */
    boolean permitted();

    /** The message may be sent. */
    record Permitted() implements SendPermission {
        @Override
        public boolean permitted() {
            return true;
        }
    }

    /**
     * The message may not be sent.
     *
     * @param reason why, for people
     */
    record Refused(String reason) implements SendPermission {
        /** Checks the reason is there. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean permitted() {
            return false;
        }
    }
}
