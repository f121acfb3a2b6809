package dev.crmkit.metrics.acquisition;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How healthy an LTV:CAC ratio is. The bands: below 1 {@link #LOSING_MONEY}; 1 to under 3 {@link #THIN};
 * 3 to under 5 {@link #HEALTHY}; 5 and above {@link #UNDER_INVESTING}.
 */
public enum LtvCacBand {

    /** Below 1: each customer costs more to win than it brings in. */
    LOSING_MONEY("losing money: a customer costs more to win than it is worth"),
    /** 1 to under 3: profitable but thin and risky. */
    THIN("thin, risky: little room for error in acquisition or retention"),
    /** 3 to under 5: healthy. */
    HEALTHY("healthy: customers are worth well over what they cost to win"),
    /** 5 and above: likely under-investing in growth. */
    UNDER_INVESTING("likely under-investing in growth: more acquisition spend would still pay");

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    private final String description;

    LtvCacBand(String description) {
        this.description = description;
    }

    /** A sentence saying what the band means. */
    public String description() {
        return description;
    }

    /** The band of a ratio (exact comparison, no rounding). */
    public static LtvCacBand of(BigDecimal ratio) {
        Objects.requireNonNull(ratio, "ratio");
        if (ratio.compareTo(ONE) < 0) {
            return LOSING_MONEY;
        }
        if (ratio.compareTo(THREE) < 0) {
            return THIN;
        }
        return ratio.compareTo(FIVE) < 0 ? HEALTHY : UNDER_INVESTING;
    }
}
