package dev.crmkit.adapters.mail;

import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The e-mail channel over SMTP (Jakarta Mail, Eclipse Angus): one connection per message, plain text in UTF-8, the
 * Message-ID derived from the idempotency key. A recipient address that is not an e-mail address is a
 * {@link SendResult.Rejected}; a server that cannot be reached or refuses is an {@link UncheckedIOException}, after
 * which the message may be sent again with the same key. Thread-safe.
 */
public final class SmtpChannel implements MessageChannel {

    private final Session session;
    private final InternetAddress from;

    /**
     * A channel to an SMTP server without authentication.
     *
     * @param host the server's host name
     * @param port its port, 1 to 65535
     * @param from the sender's address
     * @throws IllegalArgumentException if the port is out of range or the sender is not an e-mail address
     */
    public SmtpChannel(String host, int port, String from) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the SMTP port must be from 1 to 65535, was " + port);
        }
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "30000");
        this.session = Session.getInstance(properties);
        this.from = address(from);
    }

    static InternetAddress address(String from) {
        try {
            return new InternetAddress(Objects.requireNonNull(from, "from"), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the sender '" + from + "' is not an e-mail address: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        KeyedMimeMessage.Built built = KeyedMimeMessage.build(session, from, message);
        if (built.rejected().isPresent()) {
            return built.rejected().get();
        }
        KeyedMimeMessage mime = built.mime().orElseThrow();
        try {
            Transport.send(mime);
            return new SendResult.Accepted(mime.getMessageID());
        } catch (MessagingException e) {
            throw new UncheckedIOException("the SMTP server did not take " + message.idempotencyKey() + ": "
                    + e.getMessage(), new java.io.IOException(e));
        }
    }
}
