package dev.crmkit.campaigns.audience;

import dev.crmkit.campaigns.message.MessageKind;
import dev.crmkit.core.contact.MarketingConsent;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a message of a kind may go to a recipient: a marketing message needs marketing consent that was granted
 * (unknown or withdrawn consent refuses it); a transactional one (an order confirmation, a payment reminder) does not.
 * On a channel, the contact's {@link DoNotContact} entries hold messages back as well: an unsubscribe stops marketing,
 * a bounce or a manual block stops everything on that channel.
 */
public final class ConsentRule {

    private ConsentRule() {
    }

    /**
     * The decision for one recipient, kind of message and channel, given the recipient's do-not-contact entries (on
     * any channel; those of other contacts are ignored).
     */
    public static SendPermission check(Recipient recipient, MessageKind kind, ChannelKind channel,
            Collection<DoNotContact> doNotContact) {
        Objects.requireNonNull(channel, "channel");
        for (DoNotContact entry : Objects.requireNonNull(doNotContact, "doNotContact")) {
            if (entry.contactId().equals(recipient.id()) && entry.channel() == channel && entry.blocks(kind)) {
                return new SendPermission.Refused(recipient.id() + " is on do-not-contact for "
                        + channel.name().toLowerCase(Locale.ROOT) + " (" + entry.reason().name()
                        .toLowerCase(Locale.ROOT) + (entry.source().isEmpty() ? "" : ", " + entry.source())
                        + ", since " + entry.at() + ")");
            }
        }
        return check(recipient, kind);
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
                + consent.status().name().toLowerCase(Locale.ROOT));
    }
}
