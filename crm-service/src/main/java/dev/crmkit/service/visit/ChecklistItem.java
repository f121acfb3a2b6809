package dev.crmkit.service.visit;

import java.util.Objects;

/**
 * One line of a visit's checklist and whether it was done. Immutable and thread-safe.
 *
 * @param item what to check or do
 * @param done whether it was done
 */
public record ChecklistItem(String item, boolean done) {

    /** Checks the text is present. */
    public ChecklistItem {
        Objects.requireNonNull(item, "item");
    }
}
