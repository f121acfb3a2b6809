package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;
import java.util.Optional;

/**
 * Which deals a funnel pushdown of {@link JdbcMetrics} counts: all of them, or those of one source and/or one owner.
 * A deal's source (owner) is the value on its earliest row that has one, as
 * {@link dev.crmkit.metrics.funnel.StageHistoryFunnel#analyzeBy} decides it; the value is a bound parameter, never SQL
 * text. Immutable and thread-safe.
 *
 * @param source the source the deals must have, if any
 * @param owner  the owner the deals must have, if any
 */
public record FunnelFilter(Optional<String> source, Optional<String> owner) {

    /** Every deal. */
    public static final FunnelFilter ALL = new FunnelFilter(Optional.empty(), Optional.empty());

    /**
     * Validates the filter.
     *
     * @throws ValidationException naming {@code source} or {@code owner} when blank
     */
    public FunnelFilter {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(owner, "owner");
        if (source.isPresent() && source.get().isBlank()) {
            throw ValidationException.of("source", "required", "must not be blank");
        }
        if (owner.isPresent() && owner.get().isBlank()) {
            throw ValidationException.of("owner", "required", "must not be blank");
        }
    }

    /** A copy that keeps only deals of the source. */
    public FunnelFilter withSource(String value) {
        return new FunnelFilter(Optional.of(Objects.requireNonNull(value, "source")), owner);
    }

    /** A copy that keeps only deals of the owner. */
    public FunnelFilter withOwner(String value) {
        return new FunnelFilter(source, Optional.of(Objects.requireNonNull(value, "owner")));
    }
}
