package dev.crmkit.kit.archive;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The cap day of a marketing message in crm-campaigns' ledger as the store export holds it: the day of the contact's
 * calendar the message was admitted under the frequency caps ({@code CampaignMessages.admit}), keyed by the message's
 * key ({@link Archives#campaignCapDays()}). Restored after the ledger, onto its message. Only used with crm-campaigns
 * on the class path.
 *
 * @param key the message's key
 * @param day the day it counts on under the caps
 */
public record CapDayEntry(String key, LocalDate day) {

    /** Checks the parts are there. */
    public CapDayEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(day, "day");
    }
}
