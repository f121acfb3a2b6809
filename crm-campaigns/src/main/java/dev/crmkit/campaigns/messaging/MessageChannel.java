package dev.crmkit.campaigns.messaging;

/**
 * The port every channel implements (adapters: {@code SmtpChannel}, {@code EmlFolderChannel} in crm-adapters-mail; SMS
 * and messengers by the host). Implementations are thread-safe.
 */
public interface MessageChannel {

    /**
     * Hands one message over. A refusal the channel knows (a bad address) is a returned {@link SendResult.Rejected};
     * a failure of the transport (the server cannot be reached) is an exception, and the message may be tried again
     * with the same idempotency key.
     */
    SendResult send(OutgoingMessage message);
}
