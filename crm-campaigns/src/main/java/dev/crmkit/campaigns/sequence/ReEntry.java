package dev.crmkit.campaigns.sequence;

import dev.crmkit.core.kernel.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a contact may be enrolled in a sequence again: {@linkplain #never() never} (a nurture sequence runs once per
 * contact), {@linkplain #after(Duration) once some time has passed since its last enrollment} (a yearly check-in), or
 * {@linkplain #always() whenever} it is not enrolled at the moment. Under every rule a contact walks a sequence once
 * at a time. Immutable and thread-safe.
 *
 * @param kind  which rule
 * @param after for {@link Kind#AFTER}, how long after the last enrollment began; zero otherwise
 */
public record ReEntry(Kind kind, Duration after) {

    /** The rules. */
    public enum Kind {
        /** Once per contact, ever. */
        NEVER,
        /** Again once the time has passed since the last enrollment began. */
        AFTER,
        /** Again whenever the last enrollment has ended. */
        ALWAYS
    }

    /**
     * Validates the rule.
     *
     * @throws ValidationException naming {@code after} when it is negative or zero for AFTER, or not zero otherwise
     */
    public ReEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(after, "after");
        if (kind == Kind.AFTER && (after.isNegative() || after.isZero())) {
            throw ValidationException.of("after", "positive", "must be more than zero, was " + after);
        }
        if (kind != Kind.AFTER && !after.isZero()) {
            throw ValidationException.of("after", "only-for-after", "must be zero for " + kind + ", was " + after);
        }
    }

    /** Once per contact, ever. */
    public static ReEntry never() {
        return new ReEntry(Kind.NEVER, Duration.ZERO);
    }

    /** Again once {@code time} has passed since the last enrollment began (and it has ended). */
    public static ReEntry after(Duration time) {
        return new ReEntry(Kind.AFTER, time);
    }

    /** Again whenever the last enrollment has ended. */
    public static ReEntry always() {
        return new ReEntry(Kind.ALWAYS, Duration.ZERO);
    }

    /**
     * Why the contact may not be enrolled at {@code at}, given its earlier enrollments in the sequence; empty when it
     * may.
     */
    public Optional<String> refusal(Collection<Enrollment> earlier, Instant at) {
        Objects.requireNonNull(at, "at");
        Optional<Enrollment> last = earlier.stream().max(Comparator.comparing(Enrollment::enrolledAt));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Enrollment e = last.get();
        if (e.status() == EnrollmentStatus.ACTIVE) {
            return Optional.of("already enrolled since " + e.enrolledAt());
        }
        if (kind == Kind.NEVER) {
            return Optional.of("enrolled before at " + e.enrolledAt() + "; this sequence admits a contact once");
        }
        if (kind == Kind.AFTER && at.isBefore(e.enrolledAt().plus(after))) {
            return Optional.of("enrolled at " + e.enrolledAt() + "; again from " + e.enrolledAt().plus(after));
        }
        return Optional.empty();
    }
}
