package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sales plan fulfilment: what each owner won against each target, per period and currency.
 *
 * <p>A deal counts for a target when its owner is the target's, its won day lies in the target's period and in the
 * window, and its currency is the target's. Currencies are never added or converted: an owner who won in a currency
 * without a target for it in a period gets an entry of that currency with no target. Pro-rating uses the as-of day:
 * within a running period, the target is expected in proportion of the days begun
 * ({@link Period#elapsedDays(LocalDate)}). Stateless.
 */
public final class Attainments {

    /** Decimals of an attainment ratio. */
    public static final int SCALE = 6;

    /** The order of {@link #of}'s answer: by owner, period and currency code. */
    public static final Comparator<Attainment> ORDER = Comparator.comparing(Attainment::owner)
            .thenComparing(Attainment::period).thenComparing(a -> a.currency().getCurrencyCode());

    private Attainments() {
    }

    /**
     * Every owner's attainment of each target, plus an entry without target for each currency an owner won in during
     * a period they have a target for in another currency; sorted by owner, period and currency code.
     *
     * @param asOf the day the figures are as of, for pro-rating and the run rate
     * @throws ValidationException naming {@code targets[i]} when an owner has two targets for one period and currency
     */
    public static List<Attainment> of(List<SalesTarget> targets, List<WonDeal> deals, Window window, LocalDate asOf) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        Map<Key, Money> targetOf = new LinkedHashMap<>();
        Map<String, Set<Period>> periodsOf = new TreeMap<>();
        for (int i = 0; i < targets.size(); i++) {
            SalesTarget t = targets.get(i);
            if (targetOf.putIfAbsent(new Key(t.owner(), t.period(), t.amount().currency()), t.amount()) != null) {
                throw ValidationException.of("targets[" + i + "]", "unique", t.owner() + " has a second target for "
                        + t.period() + " in " + t.amount().currency().getCurrencyCode());
            }
            periodsOf.computeIfAbsent(t.owner(), o -> new TreeSet<>()).add(t.period());
        }
        Map<Key, Money> achieved = new LinkedHashMap<>();
        for (WonDeal deal : deals) {
            if (!window.contains(deal.wonOn())) {
                continue;
            }
            for (Period period : periodsOf.getOrDefault(deal.owner(), Set.of())) {
                if (period.contains(deal.wonOn())) {
                    achieved.merge(new Key(deal.owner(), period, deal.amount().currency()), deal.amount(),
                            Money::plus);
                }
            }
        }
        Set<Key> keys = new HashSet<>(targetOf.keySet());
        keys.addAll(achieved.keySet());
        List<Attainment> out = new ArrayList<>();
        for (Key k : keys) {
            out.add(attainment(k.owner(), k.period(), k.currency(), Optional.ofNullable(targetOf.get(k)),
                    achieved.getOrDefault(k, Money.zero(k.currency())), asOf));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /**
     * The attainment of the sum: per period and currency, the targets of the entries added up against everything
     * they achieved, under the name {@code team}; sorted by period and currency code.
     *
     * @param asOf the day the figures are as of
     */
    public static List<Attainment> total(String team, List<Attainment> entries, LocalDate asOf) {
        Map<Key, Optional<Money>> targets = new TreeMap<>(Comparator.comparing(Key::period)
                .thenComparing(k -> k.currency().getCurrencyCode()));
        Map<Key, Money> achieved = new LinkedHashMap<>();
        for (Attainment a : entries) {
            Key k = new Key(team, a.period(), a.currency());
            targets.merge(k, a.target(), (x, y) -> x.isEmpty() ? y : y.map(x.get()::plus).or(() -> x));
            achieved.merge(k, a.achieved(), Money::plus);
        }
        List<Attainment> out = new ArrayList<>();
        targets.forEach((k, target) -> out.add(attainment(team, k.period(), k.currency(), target, achieved.get(k),
                asOf)));
        return List.copyOf(out);
    }

    /** One entry, with its ratio, pro-rated expectation, gap and run rate computed. */
    static Attainment attainment(String owner, Period period, Currency currency, Optional<Money> target,
                                 Money achieved, LocalDate asOf) {
        Money zero = Money.zero(currency);
        long daysLeft = period.days() - period.elapsedDays(asOf);
        Optional<BigDecimal> ratio = target.map(t -> achieved.amount().divide(t.amount(), SCALE,
                RoundingMode.HALF_EVEN));
        Optional<Money> expected = target.map(t -> t.multipliedBy(BigDecimal.valueOf(period.elapsedDays(asOf)),
                RoundingMode.UNNECESSARY).dividedBy(BigDecimal.valueOf(period.days()), RoundingMode.HALF_EVEN));
        Money gap = target.map(t -> t.minus(achieved)).filter(Money::isPositive).orElse(zero);
        Optional<Money> runRate = daysLeft > 0 && gap.isPositive()
                ? Optional.of(gap.dividedBy(BigDecimal.valueOf(daysLeft), RoundingMode.CEILING))
                : Optional.empty();
        return new Attainment(owner, period, currency, target, achieved, ratio, expected, gap, daysLeft, runRate);
    }

    private record Key(String owner, Period period, Currency currency) {
    }
}
