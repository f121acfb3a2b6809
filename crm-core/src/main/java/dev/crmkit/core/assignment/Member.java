package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A person in a sales team. Immutable and thread-safe.
 *
 * @param user            who
 * @param weight          their share in weighted round robin, 1 to 1,000
 * @param monthlyCapacity how many leads they take in a month, when limited (see {@link DailyQuota})
 */
public record Member(UserId user, int weight, OptionalInt monthlyCapacity) {

    /** Validates the parts. */
    public Member {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(monthlyCapacity, "monthlyCapacity");
        if (weight < 1 || weight > 1000) {
            throw ValidationException.of("weight", "range", "a member's weight is 1 to 1000, got " + weight);
        }
        if (monthlyCapacity.isPresent() && monthlyCapacity.getAsInt() < 0) {
            throw ValidationException.of("monthlyCapacity", "not-negative",
                    "a monthly capacity must not be negative, got " + monthlyCapacity.getAsInt());
        }
    }

    /** A member with weight 1 and no capacity limit. */
    public static Member of(UserId user) {
        return new Member(user, 1, OptionalInt.empty());
    }

    /** A member with weight 1 and no capacity limit. */
    public static Member of(String user) {
        return of(UserId.of(user));
    }

    /** A copy with another weight. */
    public Member withWeight(int newWeight) {
        return new Member(user, newWeight, monthlyCapacity);
    }

    /** A copy with a monthly capacity. */
    public Member withMonthlyCapacity(int capacity) {
        return new Member(user, weight, OptionalInt.of(capacity));
    }
}
