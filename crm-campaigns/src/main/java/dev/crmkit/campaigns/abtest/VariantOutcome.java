package dev.crmkit.campaigns.abtest;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * How one variant did on the chosen metric (opened, clicked, converted): of {@code exposed} contacts, {@code hits}
 * did it. Immutable and thread-safe.
 *
 * @param variant the variant's name
 * @param exposed the contacts that got the variant, 0 or more
 * @param hits    those of them that did the metric's action, 0 to {@code exposed}
 */
public record VariantOutcome(String variant, long exposed, long hits) {

    /**
     * Validates the counts.
     *
     * @throws ValidationException naming {@code exposed} or {@code hits}
     */
    public VariantOutcome {
        Objects.requireNonNull(variant, "variant");
        if (exposed < 0) {
            throw ValidationException.of("exposed", "not-negative", "must be 0 or more, was " + exposed);
        }
        if (hits < 0 || hits > exposed) {
            throw ValidationException.of("hits", "range", "must be from 0 to exposed (" + exposed + "), was " + hits);
        }
    }

    /** The share of exposed contacts that did the action, 0 when none was exposed. */
    public double rate() {
        return exposed == 0 ? 0 : (double) hits / exposed;
    }
}
