package dev.crmkit.campaigns.abtest;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;

/**
 * One variant of an A/B test and its share. Immutable and thread-safe.
 *
 * @param name   the variant's name ({@code A}, {@code short-subject})
 * @param weight its share relative to the other variants, 1 to 10000
 */
public record Variant(String name, int weight) {

    /**
     * Validates the parts.
     *
     * @throws ValidationException naming {@code name} or {@code weight}
     */
    public Variant {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw ValidationException.of("name", "required", "a variant needs a name");
        }
        if (weight < 1 || weight > 10_000) {
            throw ValidationException.of("weight", "range", "must be from 1 to 10000, was " + weight);
        }
    }
}
