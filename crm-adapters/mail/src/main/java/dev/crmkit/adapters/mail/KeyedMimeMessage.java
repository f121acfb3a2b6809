package dev.crmkit.adapters.mail;

import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A plain-text UTF-8 e-mail whose Message-ID is derived from the message's idempotency key (the same key, the same
 * Message-ID, so a provider or a mailbox can drop a repeat), with the key itself in {@value #KEY_HEADER}.
 */
final class KeyedMimeMessage extends MimeMessage {

    /** The header holding the idempotency key. */
    static final String KEY_HEADER = "X-Crmkit-Idempotency-Key";

    private final String messageId;

    private KeyedMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /**
     * The e-mail of a message from an address, or the channel's refusal when the recipient's address is not an e-mail
     * address.
     */
    static Built build(Session session, InternetAddress from, OutgoingMessage message) {
        try {
            return new Built(Optional.of(of(session, from, message)), Optional.empty());
        } catch (AddressException e) {
            return new Built(Optional.empty(), Optional.of(new SendResult.Rejected("'" + message.to()
                    + "' is not an e-mail address: " + e.getMessage())));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the e-mail " + message.idempotencyKey(), e);
        }
    }

    /** An e-mail, or why there is none. */
    record Built(Optional<KeyedMimeMessage> mime, Optional<SendResult.Rejected> rejected) {
    }

    private static KeyedMimeMessage of(Session session, InternetAddress from, OutgoingMessage message)
            throws MessagingException {
        KeyedMimeMessage mime = new KeyedMimeMessage(session, messageId(message.idempotencyKey()));
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setText(message.body(), StandardCharsets.UTF_8.name());
        mime.setHeader(KEY_HEADER, message.idempotencyKey());
        mime.saveChanges();
        return mime;
    }

    /** The Message-ID of a key: {@code <sha-256 of the key in hex@crmkit>}. */
    static String messageId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest) + "@crmkit>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
