package dev.crmkit.metrics.funnel;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.metrics.funnel.DealPath.Status;
import dev.crmkit.metrics.funnel.DealPath.Stay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The funnel measured from stage history records. A deal counts as having reached a stage once, however often it
 * moved back and forth, and reaching a later stage counts every earlier stage as passed through (skipped stages
 * included): a deal's furthest ordered stage decides what it reached. A deal is won or lost by its latest entry.
 * See {@link HistoryFunnel} for every figure's definition. Entries of one deal at the same instant keep their input
 * order. Stateless and thread-safe.
 *
 * <p>Worked example: order lead, qualified, proposal, won; deal 1 goes lead, proposal, qualified, won; deal 2 goes
 * lead, qualified; deal 3 only lead. Reached: lead 3, qualified 2, proposal 1, won 1; win rate 1 / 3 (no lost stage).
 *
 * <p>Sales velocity example: 10 open deals x win rate 0.25 x average won deal 4,000 / 40 days = 250 a day.
 */
public final class StageHistoryFunnel {

    /** The group of deals without a value for the grouping. */
    public static final String NO_VALUE = "(none)";

    private StageHistoryFunnel() {
    }

    /**
     * The funnel over every deal in the history.
     *
     * @param history    stage entries in any order
     * @param definition the stage order and the won (and lost) stage
     * @param amounts    deal amounts by deal id, all in one currency; deals without one are left out of the deal size
     * @throws ValidationException naming {@code history[i].stage} for a stage neither in the order nor the lost stage,
     *         or {@code amounts[ID]} for an amount in another currency or negative
     */
    public static HistoryFunnel analyze(List<StageEntry> history, FunnelDefinition definition,
            Map<String, Money> amounts) {
        List<DealPath> paths = paths(history, definition);
        return summarize(paths, definition, checkedAmounts(amounts));
    }

    /**
     * The funnel per group, sorted by group key.
     *
     * @param zone the time zone that decides the month of a deal's first entry for {@link Grouping#PERIOD}
     * @throws ValidationException as {@link #analyze}
     */
    public static SortedMap<String, HistoryFunnel> analyzeBy(List<StageEntry> history, FunnelDefinition definition,
            Map<String, Money> amounts, Grouping grouping, ZoneId zone) {
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(zone, "zone");
        Map<String, Money> checked = checkedAmounts(amounts);
        Function<DealPath, String> key = keyOf(grouping, zone);
        Map<String, List<DealPath>> groups = new TreeMap<>();
        for (DealPath path : paths(history, definition)) {
            groups.computeIfAbsent(key.apply(path), k -> new ArrayList<>()).add(path);
        }
        SortedMap<String, HistoryFunnel> out = new TreeMap<>();
        groups.forEach((k, paths) -> out.put(k, summarize(paths, definition, checked)));
        return Collections.unmodifiableSortedMap(out);
    }

    private static Function<DealPath, String> keyOf(Grouping grouping, ZoneId zone) {
        switch (grouping) {
            case SOURCE:
                return p -> p.source().orElse(NO_VALUE);
            case OWNER:
                return p -> p.owner().orElse(NO_VALUE);
            case PIPELINE:
                return p -> p.pipeline().orElse(NO_VALUE);
            default:
                return p -> YearMonth.from(p.firstEntry().atZone(zone)).toString();
        }
    }

    private static Map<String, Money> checkedAmounts(Map<String, Money> amounts) {
        Objects.requireNonNull(amounts, "amounts");
        Currency currency = null;
        for (Map.Entry<String, Money> e : new TreeMap<>(amounts).entrySet()) {
            Money amount = Objects.requireNonNull(e.getValue(), "amounts[" + e.getKey() + "]");
            if (currency == null) {
                currency = amount.currency();
            }
            if (!amount.currency().equals(currency)) {
                throw ValidationException.of("amounts[" + e.getKey() + "]", "currency", "must be in "
                        + currency.getCurrencyCode() + " like the other amounts, was " + amount);
            }
            if (amount.isNegative()) {
                throw ValidationException.of("amounts[" + e.getKey() + "]", "not-negative",
                        "must not be negative, was " + amount);
            }
        }
        return amounts;
    }

    private static List<DealPath> paths(List<StageEntry> history, FunnelDefinition definition) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(definition, "definition");
        for (int i = 0; i < history.size(); i++) {
            StageEntry entry = Objects.requireNonNull(history.get(i), "history[" + i + "]");
            if (definition.indexOf(entry.stage()) < 0 && !definition.lostStage().equals(Optional.of(entry.stage()))) {
                throw ValidationException.of("history[" + i + "].stage", "known-stage", "must be one of "
                        + definition.stageOrder() + definition.lostStage().map(l -> " or " + l).orElse("")
                        + ", was " + entry.stage());
            }
        }
        List<StageEntry> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(StageEntry::dealId).thenComparing(StageEntry::enteredAt));
        List<DealPath> paths = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !sorted.get(i).dealId().equals(sorted.get(start).dealId())) {
                paths.add(path(sorted.subList(start, i), definition));
                start = i;
            }
        }
        return paths;
    }

    private static DealPath path(List<StageEntry> entries, FunnelDefinition definition) {
        int furthest = -1;
        List<Stay> stays = new ArrayList<>();
        for (int j = 0; j < entries.size(); j++) {
            StageEntry entry = entries.get(j);
            furthest = Math.max(furthest, definition.indexOf(entry.stage()));
            if (j + 1 < entries.size()) {
                stays.add(new Stay(entry.stage(), Duration.between(entry.enteredAt(), entries.get(j + 1).enteredAt())));
            }
        }
        StageEntry latest = entries.get(entries.size() - 1);
        Status status = latest.stage().equals(definition.wonStage()) ? Status.WON
                : definition.lostStage().equals(Optional.of(latest.stage())) ? Status.LOST : Status.OPEN;
        return new DealPath(latest.dealId(), furthest, status, entries.get(0).enteredAt(), latest.enteredAt(),
                stays, firstPresent(entries, StageEntry::source), firstPresent(entries, StageEntry::owner),
                firstPresent(entries, StageEntry::pipeline));
    }

    private static Optional<String> firstPresent(List<StageEntry> entries,
            Function<StageEntry, Optional<String>> attribute) {
        return entries.stream().map(attribute).flatMap(Optional::stream).findFirst();
    }

    private static HistoryFunnel summarize(List<DealPath> paths, FunnelDefinition definition,
            Map<String, Money> amounts) {
        List<StageCount> counts = new ArrayList<>();
        for (int s = 0; s < definition.stageOrder().size(); s++) {
            int stage = s;
            counts.add(new StageCount(definition.stageOrder().get(s),
                    paths.stream().filter(p -> p.furthest() >= stage).count()));
        }
        long won = paths.stream().filter(p -> p.status() == Status.WON).count();
        long lost = paths.stream().filter(p -> p.status() == Status.LOST).count();
        long open = paths.size() - won - lost;
        Ratio winRate = definition.lostStage().isPresent() ? Ratio.of(won, won + lost) : Ratio.of(won, paths.size());
        Optional<Duration> lifecycle = mean(paths.stream().filter(p -> p.status() != Status.OPEN)
                .map(DealPath::lifecycle).toList());
        Optional<Duration> wonCycle = mean(paths.stream().filter(p -> p.status() == Status.WON)
                .map(DealPath::lifecycle).toList());
        List<Money> wonAmounts = paths.stream().filter(p -> p.status() == Status.WON)
                .map(p -> amounts.get(p.dealId())).filter(Objects::nonNull).toList();
        return new HistoryFunnel(Funnel.ofCounts(counts), paths.size(), won, lost, open, winRate,
                timeInStage(paths, definition), lifecycle, wonCycle,
                meanAmount(wonAmounts).map(m -> Money.of(m, wonAmounts.get(0).currency(), RoundingMode.HALF_EVEN)),
                velocity(open, winRate, wonAmounts, wonCycle));
    }

    private static Map<String, Duration> timeInStage(List<DealPath> paths, FunnelDefinition definition) {
        Map<String, List<Duration>> byStage = new LinkedHashMap<>();
        definition.stageOrder().forEach(s -> byStage.put(s, new ArrayList<>()));
        definition.lostStage().ifPresent(s -> byStage.put(s, new ArrayList<>()));
        paths.forEach(p -> p.stays().forEach(stay -> byStage.get(stay.stage()).add(stay.duration())));
        Map<String, Duration> out = new LinkedHashMap<>();
        byStage.forEach((stage, durations) -> mean(durations).ifPresent(d -> out.put(stage, d)));
        return out;
    }

    private static Optional<Duration> mean(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        Duration sum = durations.stream().reduce(Duration.ZERO, Duration::plus);
        return Optional.of(sum.dividedBy(durations.size()));
    }

    private static Optional<BigDecimal> meanAmount(List<Money> amounts) {
        if (amounts.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = amounts.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(amounts.size()), MathContext.DECIMAL128));
    }

    private static Optional<Money> velocity(long open, Ratio winRate, List<Money> wonAmounts,
            Optional<Duration> wonCycle) {
        Optional<BigDecimal> dealSize = meanAmount(wonAmounts);
        if (dealSize.isEmpty() || wonCycle.isEmpty() || wonCycle.get().isZero() || !winRate.isDefined()) {
            return Optional.empty();
        }
        BigDecimal cycleDays = new BigDecimal(wonCycle.get().toNanos()).divide(BigDecimal.valueOf(86_400_000_000_000L),
                MathContext.DECIMAL128);
        BigDecimal value = BigDecimal.valueOf(open).multiply(BigDecimal.valueOf(winRate.numerator()))
                .multiply(dealSize.get())
                .divide(BigDecimal.valueOf(winRate.denominator()).multiply(cycleDays), MathContext.DECIMAL128);
        return Optional.of(Money.of(value, wonAmounts.get(0).currency(), RoundingMode.HALF_EVEN));
    }
}
