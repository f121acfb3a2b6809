package dev.crmkit.campaigns.messaging;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * One message handed to a channel. Immutable and thread-safe.
 *
 * @param idempotencyKey names the message across retries and nodes: a channel or provider that sees the same key twice
 *                       may drop the repeat
 * @param contactId      the recipient contact's id
 * @param to             the address on the channel (an e-mail address, a phone number)
 * @param subject        the subject line (channels without one ignore it)
 * @param body           the text
 */
public record OutgoingMessage(String idempotencyKey, String contactId, String to, String subject, String body) {

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code idempotencyKey} or {@code to} when blank
     */
    public OutgoingMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (idempotencyKey.isBlank()) {
            throw ValidationException.of("idempotencyKey", "required", "must not be blank");
        }
        if (to.isBlank()) {
            throw ValidationException.of("to", "required", "the recipient " + contactId + " has no address");
        }
    }
}
