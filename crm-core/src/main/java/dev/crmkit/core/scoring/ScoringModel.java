package dev.crmkit.core.scoring;

import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.kernel.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A rule-based scoring model: rules in groups, a cap per group, a half-life for behaviour, and thresholds.
 * Immutable and thread-safe.
 *
 * <p><b>How a score is computed.</b> Each hit of each rule counts its points, except that a positive hit of a
 * {@link ScoreGroup#decays() decaying} group (behaviour) with a time counts
 * {@code points x 0.5^(age / halfLife)} (age from the hit's time to the scoring time, never negative;
 * {@code 0.5^x} computed with {@link StrictMath#pow} so every platform gets the same bits), rounded to two decimals
 * HALF_EVEN. Negative behaviour points (an unsubscribe) keep their full weight, so decay never raises a score. A
 * group's counted points are the sum of its hits held within plus or minus its cap; the score is the sum of the
 * groups rounded to a whole number HALF_EVEN and held within 0 to 100.
 */
public final class ScoringModel {

    private final List<ScoringRule> rules;
    private final Map<ScoreGroup, Integer> caps;
    private final Duration halfLife;
    private final Thresholds thresholds;

    private ScoringModel(Builder b) {
        this.rules = List.copyOf(b.rules);
        this.caps = Map.copyOf(b.caps);
        this.halfLife = b.halfLife;
        this.thresholds = b.thresholds;
    }

    /** Starts a model with no rules, every cap 100, a half-life of 30 days and {@link Thresholds#standard()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The model crmkit ships: behaviour (site visits 3 each up to 5, clicks 2 each up to 5, price-list download 10,
     * demo sign-up 15, chat questions 5 each up to 3, e-mail opens 1 each up to 5; cap 40, half-life 30 days), fit
     * (industry software/IT/manufacturing 10, DACH location 5, medium to enterprise companies 10, German or English
     * 5; cap 30), campaign (came from a campaign 5, touches 2 each up to 5; cap 15), communications (3 each up to 5;
     * cap 15) and need (asked about pricing, quote, demo, offer or trial 15, asked nothing -5; cap 20).
     */
    public static ScoringModel standard() {
        return builder()
                .rule(ScoringRules.siteVisits(3, 5))
                .rule(ScoringRules.clicks(2, 5))
                .rule(ScoringRules.priceListDownload(10))
                .rule(ScoringRules.demoSignUp(15))
                .rule(ScoringRules.chatQuestions(5, 3))
                .rule(ScoringRules.emailOpens(1, 5))
                .rule(ScoringRules.industry(Set.of("software", "it", "manufacturing"), 10))
                .rule(ScoringRules.country(Set.of("DE", "AT", "CH"), 5))
                .rule(ScoringRules.companySize(Set.of(CompanySize.MEDIUM, CompanySize.LARGE,
                        CompanySize.ENTERPRISE), 10))
                .rule(ScoringRules.language(Set.of("de", "en"), 5))
                .rule(ScoringRules.fromCampaign(5))
                .rule(ScoringRules.campaignTouches(2, 5))
                .rule(ScoringRules.conversations(3, 5))
                .rule(ScoringRules.statedNeed(Set.of("pricing", "price", "quote", "demo", "offer", "trial"), 15))
                .rule(ScoringRules.noStatedNeed(-5))
                .cap(ScoreGroup.BEHAVIOUR, 40)
                .cap(ScoreGroup.FIT, 30)
                .cap(ScoreGroup.CAMPAIGN, 15)
                .cap(ScoreGroup.COMMUNICATION, 15)
                .cap(ScoreGroup.NEED, 20)
                .build();
    }

    /** The rules, in order. */
    public List<ScoringRule> rules() {
        return rules;
    }

    /** The cap of a group. */
    public int cap(ScoreGroup group) {
        return caps.get(group);
    }

    /** The half-life of behaviour points. */
    public Duration halfLife() {
        return halfLife;
    }

    /** The thresholds. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** Scores the facts as of a time, with the explanation. */
    public Score score(LeadFacts facts, Instant now) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(now, "now");
        List<ScoreLine> lines = new ArrayList<>();
        Map<ScoreGroup, BigDecimal> sums = new EnumMap<>(ScoreGroup.class);
        for (ScoringRule rule : rules) {
            for (Hit hit : rule.evaluate(facts)) {
                Optional<Duration> age = hit.at().map(at -> at.isAfter(now) ? Duration.ZERO : Duration.between(at,
                        now));
                BigDecimal counted = counted(rule.group(), hit, age);
                lines.add(new ScoreLine(rule.name(), rule.group(), hit.points(), counted, age, hit.detail()));
                sums.merge(rule.group(), counted, BigDecimal::add);
            }
        }
        List<GroupTotal> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<ScoreGroup, BigDecimal> sum : sums.entrySet()) {
            BigDecimal cap = BigDecimal.valueOf(cap(sum.getKey()));
            BigDecimal held = sum.getValue().min(cap).max(cap.negate());
            groups.add(new GroupTotal(sum.getKey(), sum.getValue(), held, cap.intValueExact()));
            total = total.add(held);
        }
        int value = Math.max(0, Math.min(100, total.setScale(0, RoundingMode.HALF_EVEN).intValueExact()));
        return new Score(value, thresholds.temperature(value), thresholds.stage(value), lines, groups, now);
    }

    private BigDecimal counted(ScoreGroup group, Hit hit, Optional<Duration> age) {
        BigDecimal points = BigDecimal.valueOf(hit.points()).setScale(2, RoundingMode.UNNECESSARY);
        if (!group.decays() || hit.points() <= 0 || age.isEmpty()) {
            return points;
        }
        double halfLives = age.get().toMillis() / (double) halfLife.toMillis();
        double factor = StrictMath.pow(0.5, halfLives);
        return points.multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Builds a {@link ScoringModel}. Not thread-safe. */
    public static final class Builder {
        private final List<ScoringRule> rules = new ArrayList<>();
        private final Map<ScoreGroup, Integer> caps = new EnumMap<>(ScoreGroup.class);
        private Duration halfLife = Duration.ofDays(30);
        private Thresholds thresholds = Thresholds.standard();

        private Builder() {
            for (ScoreGroup group : ScoreGroup.values()) {
                caps.put(group, 100);
            }
        }

        /** Adds a rule. */
        public Builder rule(ScoringRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Sets a group's cap, 0 to 100. */
        public Builder cap(ScoreGroup group, int cap) {
            Objects.requireNonNull(group, "group");
            if (cap < 0 || cap > 100) {
                throw ValidationException.of("caps." + group.name().toLowerCase(Locale.ROOT), "range",
                        "a group's cap is 0 to 100, got " + cap);
            }
            caps.put(group, cap);
            return this;
        }

        /** Sets the half-life of behaviour points, positive. */
        public Builder halfLife(Duration value) {
            Objects.requireNonNull(value, "halfLife");
            if (value.isNegative() || value.toMillis() < 1) {
                throw ValidationException.of("halfLife", "positive", "the half-life must be positive, got " + value);
            }
            halfLife = value;
            return this;
        }

        /** Sets the thresholds. */
        public Builder thresholds(Thresholds value) {
            thresholds = Objects.requireNonNull(value, "thresholds");
            return this;
        }

        /** Builds the model. */
        public ScoringModel build() {
            return new ScoringModel(this);
        }
    }
}
