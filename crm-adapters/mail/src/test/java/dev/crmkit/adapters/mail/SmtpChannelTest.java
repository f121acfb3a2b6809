package dev.crmkit.adapters.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delivery through a real SMTP server: GreenMail on a free port. */
class SmtpChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SmtpChannel channel() {
        ServerSetup setup = SMTP.getSmtp().getServerSetup();
        return new SmtpChannel(setup.getBindAddress(), SMTP.getSmtp().getPort(), "offers@shop.example");
    }

    @Test
    void send_deliversSubjectBodyAndTheKeyedMessageId() throws Exception {
        OutgoingMessage message = new OutgoingMessage("c1/birthday/2026/1", "c1", "anna@example.com",
                "Alles Gute, Anna – 10 %", "Ihr Gutschein gilt bis 2026-03-10.");

        SendResult result = channel().send(message);

        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertEquals("Alles Gute, Anna – 10 %", received.getSubject());
        assertEquals("Ihr Gutschein gilt bis 2026-03-10.", GreenMailUtil.getBody(received).strip());
        assertEquals("anna@example.com", received.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("offers@shop.example", received.getFrom()[0].toString());
        assertEquals("c1/birthday/2026/1", received.getHeader(KeyedMimeMessage.KEY_HEADER)[0]);
        assertEquals(KeyedMimeMessage.messageId("c1/birthday/2026/1"), received.getMessageID());
        assertEquals(new SendResult.Accepted(received.getMessageID()), result);
    }

    @Test
    void send_sameKeyTwice_carriesTheSameMessageIdSoTheRepeatCanBeDropped() throws Exception {
        OutgoingMessage message = new OutgoingMessage("c2/win-back/2025-01-15/2", "c2", "ben@example.com", "S", "B");

        channel().send(message);
        channel().send(message);

        assertTrue(SMTP.waitForIncomingEmail(5_000, 2));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(received[0].getMessageID(), received[1].getMessageID());
    }

    @Test
    void send_malformedAddress_isRejectedWithoutContactingTheServer() {
        SendResult result = channel().send(new OutgoingMessage("k", "c3", "not an address", "S", "B"));

        assertInstanceOf(SendResult.Rejected.class, result);
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void send_noServer_isAnInfrastructureFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpChannel nowhere = new SmtpChannel("127.0.0.1", closedPort, "offers@shop.example");

        assertThrows(UncheckedIOException.class, () -> nowhere.send(new OutgoingMessage("k", "c1",
                "anna@example.com", "S", "B")));
    }
}
