package dev.crmkit.campaigns.message;

/** Whether a message needs the contact's marketing consent and counts against the frequency caps. */
public enum MessageKind {
    /** Offers and newsletters: need consent, count against the frequency caps. */
    MARKETING,
    /** Order confirmations, payment reminders: sent without marketing consent and exempt from the caps. */
    TRANSACTIONAL
}
