package dev.crmkit.pipeline.forecast;

import dev.crmkit.pipeline.definition.Stage;

import java.util.Objects;

/**
 * One stage of a board. Immutable and thread-safe.
 *
 * @param stage  the stage
 * @param count  how many deals are in it
 * @param totals the sum of their amounts, per currency (deals without an amount count but add nothing)
 */
public record BoardColumn(Stage stage, long count, MoneyTotals totals) {

    /** Validates presence. */
    public BoardColumn {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(totals, "totals");
    }
}
