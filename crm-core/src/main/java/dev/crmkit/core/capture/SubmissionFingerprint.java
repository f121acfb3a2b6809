package dev.crmkit.core.capture;

import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.UserId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content fingerprint of a normalized submission: the SHA-256 (64 lower-case hex digits) of every field after
 * normalization (names and the company name also case-folded), the external id left out. Two submissions with one external id are the same submission exactly when
 * their fingerprints are equal, so a replay in another spelling ({@code  Jane.Doe@Example.com }, {@code 030 901820}
 * against {@code +4930901820}) is a repeat, and another person or other content under a reused id is a conflict.
 * Each field is written with its length in front, so no two different submissions share their text.
 */
public final class SubmissionFingerprint {

    private SubmissionFingerprint() {
    }

    /** The fingerprint of a normalized submission. */
    public static String of(LeadCapture.NormalizedSubmission s) {
        StringBuilder text = new StringBuilder();
        field(text, s.source().channel().name());
        field(text, s.source().detail().orElse(""));
        field(text, s.source().campaign());
        field(text, s.source().utm().source());
        field(text, s.source().utm().medium());
        field(text, s.source().utm().campaign());
        field(text, s.source().utm().term());
        field(text, s.source().utm().content());
        field(text, s.source().referrer());
        field(text, s.name().first().toLowerCase(Locale.ROOT));
        field(text, s.name().last().toLowerCase(Locale.ROOT));
        field(text, s.email().map(EmailAddress::value).orElse(""));
        field(text, s.phone().map(PhoneNumber::toString).orElse(""));
        field(text, s.companyName().toLowerCase(Locale.ROOT));
        field(text, s.raw().request().strip());
        field(text, s.language().map(Locale::toLanguageTag).orElse(""));
        field(text, s.raw().owner().map(UserId::value).orElse(""));
        field(text, Boolean.toString(s.raw().marketingConsent()));
        Map<String, FieldValue> custom = new TreeMap<>(s.customFields().values());
        custom.forEach((key, value) -> {
            field(text, key);
            field(text, value.type().name());
            field(text, value.asText());
        });
        return sha256(text.toString());
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
