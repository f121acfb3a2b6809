package dev.crmkit.campaigns.template;

import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.message.DueMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values a template sees for one due message: plain strings copied out of the contact and the message. */
public final class MessageValues {

    private MessageValues() {
    }

    /** The {@linkplain TemplateVariables#standard() standard} names filled in for the recipient and the message. */
    public static Map<String, String> of(Recipient recipient, DueMessage message) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("contact_id", recipient.id());
        v.put("first_name", recipient.firstName());
        v.put("last_name", recipient.lastName());
        v.put("email", recipient.email());
        v.put("phone", recipient.phone());
        v.put("language", recipient.language());
        v.put("birthday", recipient.birthday().map(Object::toString).orElse(""));
        v.put("campaign", message.campaign());
        v.put("step", Integer.toString(message.step()));
        v.put("occurrence", message.occurrence());
        v.put("send_on", message.sendOn().toString());
        v.put("valid_until", message.validUntil().toString());
        return v;
    }
}
