package dev.crmkit.kit.archive;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One exposure of crm-campaigns' A/B tests as the store export holds it: which variant a contact got when, and when it
 * did the metric's action (the first time), keyed by {@link #key()} ({@link Archives#campaignAbExposures()}).
 * Restored after the plans, onto a plan of {@link Archives#campaignAbTests()}. Only used with crm-campaigns on the
 * class path.
 *
 * @param testId    the test
 * @param contactId the contact
 * @param variant   the variant it got
 * @param exposedAt when it got it
 * @param hitAt      when it did the metric's action, empty if it has not
 * @param state      {@code PENDING} (recorded before its message's send, not settled), {@code SENT} or {@code FAILED}
 *                   (crm-campaigns' {@code AbTestStore.ExposureState}, V82); missing in an export written before:
 *                   {@code SENT}
 * @param messageKey the key of the message it was recorded for, empty for one recorded without
 */
public record AbExposureEntry(String testId, String contactId, String variant, Instant exposedAt,
                              Optional<Instant> hitAt, String state, Optional<String> messageKey) {

    private static final char SEPARATOR = '\u0001';

    /**
     * Checks the parts are there; a missing state (an export written before V82) is {@code SENT}, a missing message
     * key none.
     *
     * @throws IllegalArgumentException naming {@code state} when it is not PENDING, SENT or FAILED
     */
    public AbExposureEntry {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(exposedAt, "exposedAt");
        Objects.requireNonNull(hitAt, "hitAt");
        state = state == null ? "SENT" : state;
        if (!java.util.Set.of("PENDING", "SENT", "FAILED").contains(state)) {
            throw new IllegalArgumentException("state must be PENDING, SENT or FAILED, was '" + state + "'");
        }
        messageKey = messageKey == null ? Optional.empty() : messageKey;
    }

    /** An exposure recorded without a message (sent), as exports before V82 hold them. */
    public AbExposureEntry(String testId, String contactId, String variant, Instant exposedAt,
            Optional<Instant> hitAt) {
        this(testId, contactId, variant, exposedAt, hitAt, "SENT", Optional.empty());
    }

    /**
     * The archive key: the test's id, the character U+0001 and the contact's id, so the keys sort by test, then
     * contact.
     */
    public String key() {
        return testId + SEPARATOR + contactId;
    }

    /**
     * The test's id and the contact's id of a key.
     *
     * @throws IllegalArgumentException if it is not a key of an exposure
     */
    public static String[] parseKey(String key) {
        int at = Objects.requireNonNull(key, "key").indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not an archive key of an A/B exposure: '" + key + "'");
        }
        return new String[]{key.substring(0, at), key.substring(at + 1)};
    }
}
