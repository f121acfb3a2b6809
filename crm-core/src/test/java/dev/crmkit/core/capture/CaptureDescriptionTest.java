package dev.crmkit.core.capture;

import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.Utm;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The timeline text of a capture ({@code LeadCapture.describe}): the request, the campaign, the e-mail and the phone,
 * each present one on its own line, in that order, with no empty line for a part not given.
 */
class CaptureDescriptionTest {

    private static final EmailAddress EMAIL = EmailAddress.parse("anna@example.org");
    private static final PhoneNumber PHONE = PhoneNumber.parse("+49 30 901820", "DE");

    private static String describe(String request, String campaign, boolean email, boolean phone) {
        LeadSubmission.Builder b = LeadSubmission.from(Channel.WEB_FORM).name("Anna", "Berg").email("anna@example.org")
                .request(request);
        if (!campaign.isEmpty()) {
            b.campaign(campaign, Utm.none());
        }
        LeadSubmission raw = b.build();
        LeadSource source = new LeadSource(raw.channel(), Optional.empty(), raw.campaign(), raw.utm(), raw.referrer());
        return LeadCapture.describe(new LeadCapture.NormalizedSubmission(raw, source, PersonName.of("Anna", "Berg"),
                email ? Optional.of(EMAIL) : Optional.empty(), phone ? Optional.of(PHONE) : Optional.empty(), "",
                Optional.empty(), Optional.empty(), CustomFields.empty()));
    }

    @Test
    void describe_everyPart_oneALine() {
        assertEquals("Demo please\ncampaign: spring\ne-mail: anna@example.org\nphone: +4930901820",
                describe("  Demo please ", " spring ", true, true));
    }

    @Test
    void describe_partsNotGiven_leaveNoEmptyLine() {
        assertEquals("e-mail: anna@example.org\nphone: +4930901820", describe("  ", "", true, true));
        assertEquals("campaign: spring\nphone: +4930901820", describe("", "spring", false, true));
        assertEquals("Demo please\ne-mail: anna@example.org", describe("Demo please", "", true, false));
        assertEquals("phone: +4930901820", describe("", "", false, true));
        assertEquals("", describe("", "", false, false));
    }
}
