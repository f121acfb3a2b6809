package dev.crmkit.campaigns.abtest;

import dev.crmkit.core.kernel.ValidationException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * An A/B test of a campaign as a store keeps it: the test (id, weighted variants), the metric its winner is chosen by,
 * the rule that decides, and the share of the campaign's contacts in the test group. The test group gets the
 * variants; the rest wait for the winner ({@link AbRollout}). Membership of the test group is a function of the
 * test's id and the contact's id (SHA-256, independent of the variant assignment), so batches cannot skew it.
 * Immutable and thread-safe.
 *
 * @param test        the test (id and variant names at most 100 characters)
 * @param campaign    the campaign whose messages it varies, 1 to 100 characters
 * @param metric      the action the winner is chosen by
 * @param rule        when a variant has won
 * @param testPercent the share of contacts in the test group, 1 to 100 (100: everybody is tested, nobody waits)
 */
public record AbTestPlan(AbTest test, String campaign, AbMetric metric, WinnerRule rule, int testPercent) {

    /** The longest id, campaign and variant name a store keeps. */
    public static final int MAX_NAME = 100;

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code id}, {@code campaign}, {@code variants} or {@code testPercent}
     */
    public AbTestPlan {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
        if (test.id().length() > MAX_NAME) {
            throw ValidationException.of("id", "max-length", "is at most " + MAX_NAME + " characters, was "
                    + test.id().length());
        }
        if (campaign.isBlank() || campaign.length() > MAX_NAME) {
            throw ValidationException.of("campaign", "length", "must be 1 to " + MAX_NAME + " characters, not blank");
        }
        for (Variant v : test.variants()) {
            if (v.name().length() > MAX_NAME) {
                throw ValidationException.of("variants", "max-length", "a variant name is at most " + MAX_NAME
                        + " characters, was " + v.name().length());
            }
        }
        if (testPercent < 1 || testPercent > 100) {
            throw ValidationException.of("testPercent", "range", "must be from 1 to 100, was " + testPercent);
        }
    }

    /** The test's id. */
    public String id() {
        return test.id();
    }

    /** Whether the contact is in the test group (else it waits for the winner). */
    public boolean inTestGroup(String contactId) {
        if (testPercent == 100) {
            return true;
        }
        String key = "test-group\u0000" + test.id() + "\u0000" + Objects.requireNonNull(contactId, "contactId");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), 100) < testPercent;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The metric a test's winner is chosen by; the host reports the contacts' actions with {@link AbTestStore#hit}. */
    public enum AbMetric {
        /** The message was opened. */
        OPENED,
        /** A link in it was clicked. */
        CLICKED,
        /** The contact replied. */
        REPLIED,
        /** The contact ordered afterwards. */
        CONVERTED
    }
}
