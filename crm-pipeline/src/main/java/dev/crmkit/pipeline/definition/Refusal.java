package dev.crmkit.pipeline.definition;

import java.util.Objects;

/**
 * One reason a move was refused, naming the rule that refused it. Immutable and thread-safe.
 *
 * @param rule    the rule's stable name, for example {@code required-fields}
 * @param message a sentence for a person
 */
public record Refusal(String rule, String message) {

    /** Validates presence. */
    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
