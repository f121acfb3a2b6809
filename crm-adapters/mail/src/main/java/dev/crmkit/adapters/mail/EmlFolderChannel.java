package dev.crmkit.adapters.mail;

import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;

/**
 * The e-mail channel that writes each message to a folder as an {@code .eml} file (RFC 822, readable by every mail
 * program) instead of sending it: the default of {@code crm campaigns run}, and a way to look at a campaign before it
 * goes out. The file is named after the Message-ID of the idempotency key; a message whose file exists is not written
 * again (the repeat is dropped) and is still {@link SendResult.Accepted}. Files appear whole (written aside, then
 * moved). Thread-safe.
 */
public final class EmlFolderChannel implements MessageChannel {

    private final Path folder;
    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());

    /**
     * A channel writing to the folder (created when missing) with the sender's address.
     *
     * @throws IllegalArgumentException if the sender is not an e-mail address
     * @throws UncheckedIOException     if the folder cannot be created
     */
    public EmlFolderChannel(Path folder, String from) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.from = SmtpChannel.address(from);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The file a message with this idempotency key is written to. */
    public Path fileOf(String idempotencyKey) {
        String id = KeyedMimeMessage.messageId(idempotencyKey);
        return folder.resolve(id.substring(1, id.indexOf('@')) + ".eml");
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        Path file = fileOf(message.idempotencyKey());
        if (Files.exists(file)) {
            return new SendResult.Accepted(file.getFileName().toString());
        }
        KeyedMimeMessage.Built built = KeyedMimeMessage.build(session, from, message);
        if (built.rejected().isPresent()) {
            return built.rejected().get();
        }
        KeyedMimeMessage mime = built.mime().orElseThrow();
        try {
            Path part = Files.createTempFile(folder, ".writing-", ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                mime.writeTo(out);
            }
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(part);
            }
            return new SendResult.Accepted(file.getFileName().toString());
        } catch (IOException | MessagingException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), new IOException(e));
        }
    }
}
