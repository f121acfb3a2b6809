package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;

import java.util.Objects;

/**
 * A team member passed over in a decision, and why.
 *
 * @param user   who
 * @param rule   the filter that removed them: {@code excluded}, {@code away}, {@code capacity}
 * @param reason a sentence for a person
 */
public record Skip(UserId user, String rule, String reason) {

    /** Validates presence. */
    public Skip {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return user + " skipped (" + rule + "): " + reason;
    }
}
