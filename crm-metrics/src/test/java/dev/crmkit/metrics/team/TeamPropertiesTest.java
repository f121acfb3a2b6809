package dev.crmkit.metrics.team;

import dev.crmkit.core.kernel.Money;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The team figures add up: the attainment of the sum is the sum of achieved over the sum of targets, per period and
 * currency; activity counts are never negative and their parts never exceed their totals.
 */
class TeamPropertiesTest {

    private static final List<String> OWNERS = List.of("ann", "bob", "cy");
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("EUR"),
            Currency.getInstance("USD"));
    private static final List<Period> PERIODS = List.of(Period.parse("2026-10"), Period.parse("2026-11"),
            Period.parse("2026-Q4"), Period.parse("2026"));
    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final Window WINDOW = new Window(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 12, 20),
            ZoneId.of("Europe/Berlin"));

    /** A deal decoded from a number: owner, day (Sept 2026 to Jan 2027), currency, amount in cents. */
    private static WonDeal deal(int n) {
        return new WonDeal(OWNERS.get(n % 3), START.plusDays((n / 3) % 150),
                Money.of(BigDecimal.valueOf((n / 450) % 100_000, 2), CURRENCIES.get((n / 45_000_000) % 2)));
    }

    /** Targets decoded from a number: for each owner, period and currency a bit says whether there is one. */
    private static List<SalesTarget> targets(int bits) {
        List<SalesTarget> out = new ArrayList<>();
        int bit = 0;
        for (String owner : OWNERS) {
            for (Period period : PERIODS) {
                for (Currency currency : CURRENCIES) {
                    if ((bits >> (bit++ % 31) & 1) == 1) {
                        out.add(new SalesTarget(owner, period, Money.of(BigDecimal.valueOf(1 + (bits % 997) * 37L
                                + bit, 2), currency)));
                    }
                }
            }
        }
        return out;
    }

    private static Gen<List<WonDeal>> deals() {
        return lists().of(integers().between(0, Integer.MAX_VALUE).map(TeamPropertiesTest::deal))
                .ofSizeBetween(0, 60);
    }

    @Test
    void total_attainmentOfTheSum_isTheSumOfAchievedOverTheSumOfTargets() {
        qt().withFixedSeed(1801).forAll(integers().between(1, Integer.MAX_VALUE), deals(),
                integers().between(0, 200)).check((bits, deals, asOfOffset) -> {
                    List<SalesTarget> targets = targets(bits);
                    LocalDate asOf = START.plusDays(asOfOffset);
                    List<Attainment> team = Attainments.total("team", Attainments.of(targets, deals, WINDOW, asOf),
                            asOf);
                    // brute force from the raw inputs, per period and currency
                    Map<String, BigDecimal> targetSum = new HashMap<>();
                    Map<String, BigDecimal> achievedSum = new LinkedHashMap<>();
                    for (SalesTarget t : targets) {
                        targetSum.merge(t.period() + t.amount().currency().getCurrencyCode(), t.amount().amount(),
                                BigDecimal::add);
                    }
                    for (Period period : PERIODS) {
                        for (String owner : OWNERS) {
                            if (targets.stream().noneMatch(t -> t.owner().equals(owner)
                                    && t.period().equals(period))) {
                                continue;
                            }
                            for (WonDeal d : deals) {
                                if (d.owner().equals(owner) && period.contains(d.wonOn())
                                        && WINDOW.contains(d.wonOn())) {
                                    achievedSum.merge(period + d.amount().currency().getCurrencyCode(),
                                            d.amount().amount(), BigDecimal::add);
                                }
                            }
                        }
                    }
                    for (Attainment a : team) {
                        String key = a.period() + a.currency().getCurrencyCode();
                        BigDecimal achieved = achievedSum.getOrDefault(key, BigDecimal.ZERO);
                        if (a.achieved().amount().compareTo(achieved) != 0) {
                            return false;
                        }
                        Optional<BigDecimal> expected = Optional.ofNullable(targetSum.get(key))
                                .map(t -> achieved.divide(t, Attainments.SCALE, RoundingMode.HALF_EVEN));
                        if (!expected.equals(a.attainment())) {
                            return false;
                        }
                    }
                    return team.size() == new java.util.HashSet<>(concat(targetSum.keySet(), achievedSum.keySet()))
                            .size();
                });
    }

    private static List<String> concat(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** An activity decoded from a number: owner, kind, direction, outcome and duration, each may be unknown. */
    private static ActivityRecord activity(int n) {
        String owner = OWNERS.get(n % 3);
        ActivityKind kind = ActivityKind.values()[(n / 3) % ActivityKind.values().length];
        Instant at = START.atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds((n / 12) % (150 * 86_400L));
        Optional<Direction> direction = Optional.of((n / 7) % 3).filter(i -> i < 2).map(i -> Direction.values()[i]);
        int o = (n / 11) % 3;
        Optional<Duration> duration = kind == ActivityKind.CALL && (n / 13) % 4 != 0
                ? Optional.of(Duration.ofSeconds((n / 17) % 3_600)) : Optional.empty();
        Optional<Outcome> outcome = switch (kind) {
            case CALL -> o == 2 ? Optional.empty() : Optional.of(o == 0 ? Outcome.ANSWERED : Outcome.MISSED);
            case TASK -> o == 2 ? Optional.empty() : Optional.of(o == 0 ? Outcome.DONE : Outcome.OVERDUE);
            default -> Optional.empty();
        };
        return new ActivityRecord(owner, kind, direction, at, duration, outcome);
    }

    @Test
    void teamActivity_countsAreNeverNegative_andPartsNeverExceedTotals() {
        qt().withFixedSeed(1802).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)
                .map(TeamPropertiesTest::activity)).ofSizeBetween(0, 80)).check(records -> {
                    Map<String, PersonActivity> people = TeamActivity.of(records, WINDOW);
                    long inWindow = records.stream().filter(r -> WINDOW.contains(r.at())).count();
                    PersonActivity all = TeamActivity.total(people);
                    long counted = all.calls().total() + all.meetings() + records.stream()
                            .filter(r -> WINDOW.contains(r.at()) && r.kind() != ActivityKind.CALL
                                    && r.kind() != ActivityKind.MEETING).count();
                    return counted == inWindow && people.values().stream().allMatch(p -> {
                        CallStats c = p.calls();
                        return c.total() >= 0 && c.inbound() >= 0 && c.outbound() >= 0 && c.answered() >= 0
                                && c.missed() >= 0 && c.talkSeconds() >= 0 && p.emailsSent() >= 0
                                && p.emailsReceived() >= 0 && p.meetings() >= 0 && p.tasksDone() >= 0
                                && p.tasksOverdue() >= 0 && p.dealsMoved() >= 0
                                && c.inbound() + c.outbound() <= c.total()
                                && c.answered() + c.missed() <= c.total()
                                && c.timedAnsweredSeconds() <= c.talkSeconds()
                                && c.averageTalkSeconds().map(a -> a.signum() >= 0).orElse(true);
                    });
                });
    }
}
