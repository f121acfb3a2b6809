package dev.crmkit.kit.archive;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How many units of a member's daily assignment quota are used on a day.
 *
 * @param member the member's user id
 * @param day    the day
 * @param used   the units used, at least 0
 */
public record QuotaUse(String member, LocalDate day, int used) {

    /** Checks the parts. */
    public QuotaUse {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(day, "day");
        if (used < 0) {
            throw new IllegalArgumentException("used must not be negative: " + used);
        }
    }

    /** The archive key: the member, the character U+0001, the day as {@code yyyy-mm-dd}. */
    public String key() {
        return member + "\u0001" + day;
    }
}
