package dev.crmkit.kit.archive;

import dev.crmkit.campaigns.sequence.Enrollment;

import java.time.Instant;
import java.util.Objects;

/**
 * The archive key of a crm-campaigns sequence {@link Enrollment}: the contact id, the character U+0001, the
 * sequence's name, {@code /}, and the start in epoch microseconds as 20 digits that sort as the times do (the
 * microsecond is what the stores keep). Loaded only with crm-campaigns on the class path.
 */
public final class EnrollmentKey {

    private static final int DIGITS = 20;

    private EnrollmentKey() {
    }

    /** The key of an enrollment. */
    public static String of(Enrollment enrollment) {
        Objects.requireNonNull(enrollment, "enrollment");
        return of(enrollment.contactId(), enrollment.sequence(), micros(enrollment.enrolledAt()));
    }

    private static String of(String contactId, String sequence, long micros) {
        String digits = Long.toUnsignedString(micros ^ Long.MIN_VALUE);
        return contactId + "\u0001" + sequence + "/" + "0".repeat(DIGITS - digits.length()) + digits;
    }

    /** The start of an enrollment in epoch microseconds. */
    public static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
    }

    /**
     * The parts of a key: the contact id, the sequence's name and the start in epoch microseconds.
     *
     * @throws IllegalArgumentException if it is not a key of an enrollment
     */
    public static Parts parse(String key) {
        Objects.requireNonNull(key, "key");
        int cut = key.lastIndexOf('\u0001');
        int slash = key.lastIndexOf('/');
        if (cut < 0 || slash < cut || key.length() - slash - 1 != DIGITS) {
            throw new IllegalArgumentException("not an archive key of an enrollment: '" + key + "'");
        }
        try {
            long micros = Long.parseUnsignedLong(key.substring(slash + 1)) ^ Long.MIN_VALUE;
            return new Parts(key.substring(0, cut), key.substring(cut + 1, slash), micros);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an archive key of an enrollment: '" + key + "'", e);
        }
    }

    /**
     * The parts of a key.
     *
     * @param contactId the contact
     * @param sequence  the sequence's name
     * @param micros    the start in epoch microseconds
     */
    public record Parts(String contactId, String sequence, long micros) {
    }
}
