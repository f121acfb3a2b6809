package dev.crmkit.campaigns.audience;

import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.contact.MarketingConsent;

import java.util.Objects;

/**
 * Whether a message of a kind may go to a recipient: a marketing message needs marketing consent that was granted
 * (unknown or withdrawn consent refuses it); a transactional one (an order confirmation, a payment reminder) does not.
 */
public final class ConsentRule {

    private ConsentRule() {
    }

    /** The decision for one recipient and kind of message. */
    public static SendPermission check(Recipient recipient, MessageKind kind) {
        Objects.requireNonNull(recipient, "recipient");
        if (Objects.requireNonNull(kind, "kind") == MessageKind.TRANSACTIONAL) {
            return new SendPermission.Permitted();
        }
        MarketingConsent consent = recipient.consent();
        if (consent.status() == MarketingConsent.Status.GRANTED) {
            return new SendPermission.Permitted();
        }
        return new SendPermission.Refused("marketing needs consent; the consent of " + recipient.id() + " is "
                + consent.status().name().toLowerCase(java.util.Locale.ROOT));
    }
}
