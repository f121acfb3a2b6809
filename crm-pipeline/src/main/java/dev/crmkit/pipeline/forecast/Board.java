package dev.crmkit.pipeline.forecast;

import dev.crmkit.pipeline.definition.Pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A pipeline's deals by stage, in stage order: the board of a sales team. Immutable and thread-safe.
 *
 * @param pipeline the pipeline
 * @param columns  one column per stage, in order
 */
public record Board(Pipeline pipeline, List<BoardColumn> columns) {

    /** Copies the list. */
    public Board {
        Objects.requireNonNull(pipeline, "pipeline");
        columns = List.copyOf(columns);
    }

    /** How many deals are on the board. */
    public long count() {
        return columns.stream().mapToLong(BoardColumn::count).sum();
    }

    /** The sum of every column's totals. */
    public MoneyTotals totals() {
        return columns.stream().map(BoardColumn::totals).reduce(MoneyTotals.none(), MoneyTotals::plus);
    }
}
