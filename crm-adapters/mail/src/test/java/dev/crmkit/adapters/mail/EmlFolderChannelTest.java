package dev.crmkit.adapters.mail;

import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EmlFolderChannelTest {

    @TempDir
    Path dir;

    @Test
    void send_writesAnEmlFileAMailProgramReadsBack() throws Exception {
        EmlFolderChannel channel = new EmlFolderChannel(dir.resolve("out"), "offers@shop.example");

        SendResult result = channel.send(new OutgoingMessage("c1/birthday/2026/1", "c1", "anna@example.com",
                "Alles Gute, Anna", "Gültig bis 2026-03-10."));

        Path file = channel.fileOf("c1/birthday/2026/1");
        assertEquals(new SendResult.Accepted(file.getFileName().toString()), result);
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals("Alles Gute, Anna", read.getSubject());
            assertEquals("Gültig bis 2026-03-10.", read.getContent().toString());
            assertEquals(KeyedMimeMessage.messageId("c1/birthday/2026/1"), read.getMessageID());
        }
    }

    @Test
    void send_sameKeyAgain_writesNoSecondFile() throws Exception {
        EmlFolderChannel channel = new EmlFolderChannel(dir, "offers@shop.example");
        OutgoingMessage message = new OutgoingMessage("k1", "c1", "anna@example.com", "S", "first");

        channel.send(message);
        long modified = Files.getLastModifiedTime(channel.fileOf("k1")).toMillis();
        channel.send(new OutgoingMessage("k1", "c1", "anna@example.com", "S", "second"));
        channel.send(new OutgoingMessage("k2", "c1", "anna@example.com", "S", "other"));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
        assertEquals(modified, Files.getLastModifiedTime(channel.fileOf("k1")).toMillis());
        assertEquals(true, Files.readString(channel.fileOf("k1")).contains("first"));
    }

    @Test
    void send_malformedAddress_isRejectedAndWritesNothing() throws Exception {
        EmlFolderChannel channel = new EmlFolderChannel(dir, "offers@shop.example");

        assertInstanceOf(SendResult.Rejected.class, channel.send(new OutgoingMessage("k", "c", "nope", "S", "B")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
