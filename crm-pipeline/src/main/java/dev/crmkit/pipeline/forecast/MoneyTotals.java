package dev.crmkit.pipeline.forecast;

import dev.crmkit.core.kernel.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sums of money kept apart per currency (amounts in different currencies are never added). The sums are kept exact;
 * {@link #total(Currency)} rounds to the currency's scale with {@link RoundingMode#HALF_EVEN} only when reading, so a
 * weighted sum is rounded once, not once per deal. Immutable and thread-safe.
 */
public final class MoneyTotals {

    private static final MoneyTotals NONE = new MoneyTotals(Map.of());

    private final Map<Currency, BigDecimal> sums;

    private MoneyTotals(Map<Currency, BigDecimal> sums) {
        TreeMap<Currency, BigDecimal> copy = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        copy.putAll(sums);
        this.sums = Collections.unmodifiableMap(copy);
    }

    /** No money at all. */
    public static MoneyTotals none() {
        return NONE;
    }

    /** These totals plus an amount. */
    public MoneyTotals plus(Money money) {
        Objects.requireNonNull(money, "money");
        return plus(money.currency(), money.amount());
    }

    /** These totals plus an exact (unrounded) amount in a currency. */
    public MoneyTotals plus(Currency currency, BigDecimal amount) {
        Map<Currency, BigDecimal> copy = new HashMap<>(sums);
        copy.merge(currency, amount, BigDecimal::add);
        return new MoneyTotals(copy);
    }

    /** These totals plus others. */
    public MoneyTotals plus(MoneyTotals other) {
        MoneyTotals out = this;
        for (Map.Entry<Currency, BigDecimal> e : other.sums.entrySet()) {
            out = out.plus(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The total in a currency, rounded half-even to its scale; empty when nothing was added in it. */
    public Optional<Money> total(Currency currency) {
        BigDecimal sum = sums.get(currency);
        return sum == null ? Optional.empty() : Optional.of(Money.of(sum, currency, RoundingMode.HALF_EVEN));
    }

    /** Every total, by currency code order, each rounded half-even to its currency's scale. */
    public Map<Currency, Money> totals() {
        Map<Currency, Money> out = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        sums.forEach((c, s) -> out.put(c, Money.of(s, c, RoundingMode.HALF_EVEN)));
        return Collections.unmodifiableMap(out);
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return sums.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MoneyTotals m && totals().equals(m.totals());
    }

    @Override
    public int hashCode() {
        return totals().hashCode();
    }

    @Override
    public String toString() {
        return totals().values().toString();
    }
}
