package dev.crmkit.adapters.mail;

import dev.crmkit.campaigns.messaging.OutgoingMessage;
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
     * The e-mail of a message from an address.
     *
     * @throws AddressException if the recipient's address is not a valid e-mail address
     */
    static KeyedMimeMessage of(Session session, InternetAddress from, OutgoingMessage message)
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
