package dev.crmkit.metrics.acquisition;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Customer acquisition cost: {@code CAC = (marketing spend + sales spend) / new customers}, rounded HALF_EVEN to the
 * currency's scale. Example: 3,000 marketing + 2,000 sales for 40 new customers = 125. Stateless and thread-safe.
 */
public final class Cac {

    private Cac() {
    }

    /**
     * The CAC of one total spend.
     *
     * @throws ValidationException naming {@code spend} when negative or {@code newCustomers} when below 1
     */
    public static Money of(Money spend, long newCustomers) {
        Objects.requireNonNull(spend, "spend");
        if (spend.isNegative()) {
            throw ValidationException.of("spend", "not-negative", "must not be negative, was " + spend);
        }
        if (newCustomers < 1) {
            throw ValidationException.of("newCustomers", "positive",
                    "must be at least 1 to share the spend over, was " + newCustomers);
        }
        return spend.dividedBy(BigDecimal.valueOf(newCustomers), RoundingMode.HALF_EVEN);
    }

    /**
     * The CAC of marketing plus sales spend.
     *
     * @throws ValidationException naming {@code marketingSpend}, {@code salesSpend} or {@code newCustomers}
     */
    public static Money of(Money marketingSpend, Money salesSpend, long newCustomers) {
        Objects.requireNonNull(marketingSpend, "marketingSpend");
        Objects.requireNonNull(salesSpend, "salesSpend");
        AcquisitionSpend.checkSpend(marketingSpend, salesSpend);
        return of(marketingSpend.plus(salesSpend), newCustomers);
    }

    /**
     * The CAC over every record: all spend / all new customers, in group {@code "all"}.
     *
     * @throws ValidationException naming {@code spend} (empty or mixed currencies) or {@code newCustomers[all]}
     */
    public static CacResult overall(List<AcquisitionSpend> spend, List<NewCustomers> won) {
        return grouped(spend, won, s -> "all", n -> "all").get(0);
    }

    /**
     * The CAC per channel, sorted by channel. A channel with spend but no new customers fails; one with new customers
     * but no spend has a CAC of zero.
     *
     * @throws ValidationException naming {@code newCustomers[CHANNEL]} for a channel with no new customers
     */
    public static List<CacResult> byChannel(List<AcquisitionSpend> spend, List<NewCustomers> won) {
        return grouped(spend, won, AcquisitionSpend::channel, NewCustomers::channel);
    }

    /**
     * The CAC per month, sorted by month.
     *
     * @throws ValidationException naming {@code newCustomers[YYYY-MM]} for a month with no new customers
     */
    public static List<CacResult> byPeriod(List<AcquisitionSpend> spend, List<NewCustomers> won) {
        return grouped(spend, won, s -> s.period().toString(), n -> n.period().toString());
    }

    /**
     * The CAC per channel and month, keyed {@code CHANNEL/YYYY-MM}, sorted by key.
     *
     * @throws ValidationException naming {@code newCustomers[CHANNEL/YYYY-MM]} for a group with no new customers
     */
    public static List<CacResult> byChannelAndPeriod(List<AcquisitionSpend> spend, List<NewCustomers> won) {
        return grouped(spend, won, s -> s.channel() + "/" + s.period(), n -> n.channel() + "/" + n.period());
    }

    private static List<CacResult> grouped(List<AcquisitionSpend> spend, List<NewCustomers> won,
            Function<AcquisitionSpend, String> spendKey, Function<NewCustomers, String> wonKey) {
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(won, "newCustomers");
        if (spend.isEmpty()) {
            throw ValidationException.of("spend", "required", "needs at least one spend record to know the currency");
        }
        Money zero = Money.zero(spend.get(0).marketingSpend().currency());
        Map<String, Money> spendOf = new TreeMap<>();
        Map<String, Long> wonOf = new TreeMap<>();
        for (int i = 0; i < spend.size(); i++) {
            AcquisitionSpend s = Objects.requireNonNull(spend.get(i), "spend[" + i + "]");
            if (!s.marketingSpend().currency().equals(zero.currency())) {
                throw ValidationException.of("spend[" + i + "]", "currency", "must be in "
                        + zero.currency().getCurrencyCode() + " like the first record, was " + s.marketingSpend());
            }
            spendOf.merge(spendKey.apply(s), s.total(), Money::plus);
        }
        for (int i = 0; i < won.size(); i++) {
            NewCustomers n = Objects.requireNonNull(won.get(i), "newCustomers[" + i + "]");
            wonOf.merge(wonKey.apply(n), n.count(), Math::addExact);
        }
        Map<String, Boolean> keys = new TreeMap<>();
        spendOf.keySet().forEach(k -> keys.put(k, true));
        wonOf.keySet().forEach(k -> keys.put(k, true));
        List<CacResult> out = new ArrayList<>();
        for (String key : keys.keySet()) {
            Money total = spendOf.getOrDefault(key, zero);
            long count = wonOf.getOrDefault(key, 0L);
            if (count < 1) {
                throw ValidationException.of("newCustomers[" + key + "]", "positive",
                        "must be at least 1 to share the spend of " + total + " over");
            }
            out.add(new CacResult(key, total, count, of(total, count)));
        }
        return List.copyOf(out);
    }
}
