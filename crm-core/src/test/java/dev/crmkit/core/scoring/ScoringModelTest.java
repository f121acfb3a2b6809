package dev.crmkit.core.scoring;

import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.crmkit.core.contract.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringModelTest {

    private static final Duration DAY = Duration.ofDays(1);

    private final Lead lead = new Fixtures().lead().build();

    private static ScoringRule fixed(String name, ScoreGroup group, Hit... hits) {
        return ScoringRules.rule(name, group, facts -> List.of(hits));
    }

    private static ScoringModel.Builder model() {
        return ScoringModel.builder().halfLife(Duration.ofDays(30));
    }

    @Test
    void score_behaviourOneHalfLifeOld_countsHalf() {
        ScoringModel model = model().rule(fixed("demo", ScoreGroup.BEHAVIOUR, Hit.at(10, T0, "demo"))).build();

        Score score = model.score(LeadFacts.of(lead), T0.plus(Duration.ofDays(30)));

        ScoreLine line = score.lines().get(0);
        assertEquals(new BigDecimal("5.00"), line.counted());
        assertTrue(line.decayed());
        assertEquals(Optional.of(Duration.ofDays(30)), line.age());
        assertEquals(5, score.value());
        assertEquals("+10 demo: demo (30 days old, decayed to 5.00)", line.describe());
    }

    @Test
    void score_decayFactor_isRoundedToTwoDecimalsHalfEven() {
        ScoringModel model = model().rule(fixed("visit", ScoreGroup.BEHAVIOUR, Hit.at(10, T0, "visit"))).build();

        Score score = model.score(LeadFacts.of(lead), T0.plus(Duration.ofDays(15)));

        assertEquals(new BigDecimal("7.07"), score.lines().get(0).counted());
        assertEquals(7, score.value());
    }

    @Test
    void score_fitPoints_neverDecay() {
        ScoringModel model = model().rule(fixed("industry", ScoreGroup.FIT, Hit.at(10, T0, "software"))).build();

        Score score = model.score(LeadFacts.of(lead), T0.plus(Duration.ofDays(365)));

        assertEquals(10, score.value());
        assertFalse(score.lines().get(0).decayed());
    }

    @Test
    void score_negativeBehaviour_keepsFullWeight() {
        ScoringModel model = model()
                .rule(fixed("visit", ScoreGroup.BEHAVIOUR, Hit.at(20, T0, "visit")))
                .rule(fixed("unsubscribed", ScoreGroup.BEHAVIOUR, Hit.at(-6, T0, "unsubscribed"))).build();

        Score score = model.score(LeadFacts.of(lead), T0.plus(Duration.ofDays(30)));

        assertEquals(new BigDecimal("-6.00"), score.lines().get(1).counted());
        assertEquals(4, score.value());
    }

    @Test
    void score_groupOverCap_isHeldAtCapAndSaysSo() {
        ScoringModel model = model().cap(ScoreGroup.FIT, 15)
                .rule(fixed("industry", ScoreGroup.FIT, Hit.of(10, "software")))
                .rule(fixed("size", ScoreGroup.FIT, Hit.of(10, "large")))
                .rule(fixed("need", ScoreGroup.NEED, Hit.of(5, "quote"))).build();

        Score score = model.score(LeadFacts.of(lead), T0);

        assertEquals(20, score.value());
        GroupTotal fit = score.groups().get(0);
        assertEquals(ScoreGroup.FIT, fit.group());
        assertTrue(fit.capped());
        assertEquals(List.of("+10 industry: software", "+10 size: large", "+5 need: quote",
                "FIT capped at 15 (was 20.00)", "score 20 (COLD)"), score.explanation());
    }

    @Test
    void score_total_isHeldWithinZeroToHundred() {
        ScoringModel high = model().rule(fixed("a", ScoreGroup.FIT, Hit.of(100, "a")))
                .rule(fixed("b", ScoreGroup.NEED, Hit.of(100, "b"))).build();
        ScoringModel low = model().rule(fixed("a", ScoreGroup.NEED, Hit.of(-50, "a"))).build();

        assertEquals(100, high.score(LeadFacts.of(lead), T0).value());
        assertEquals(0, low.score(LeadFacts.of(lead), T0).value());
    }

    @Test
    void score_halfPoint_roundsHalfEven() {
        ScoringModel model = model().rule(fixed("visit", ScoreGroup.BEHAVIOUR, Hit.at(1, T0, "visit")))
                .rule(fixed("fit", ScoreGroup.FIT, Hit.of(42, "fit"))).build();

        Score score = model.score(LeadFacts.of(lead), T0.plus(Duration.ofDays(30)));

        assertEquals(new BigDecimal("0.50"), score.lines().get(0).counted());
        assertEquals(42, score.value(), "42.5 rounds to the even 42");
    }

    @Test
    void score_futureSignal_countsFully() {
        ScoringModel model = model().rule(fixed("visit", ScoreGroup.BEHAVIOUR,
                Hit.at(10, T0.plus(DAY), "visit"))).build();

        assertEquals(10, model.score(LeadFacts.of(lead), T0).value());
    }

    @Test
    void thresholds_mapScoreToTemperatureAndStage() {
        Thresholds t = new Thresholds(40, 70, 50, 80);
        assertEquals(Temperature.COLD, t.temperature(39));
        assertEquals(Temperature.WARM, t.temperature(40));
        assertEquals(Temperature.HOT, t.temperature(70));
        assertEquals(LifecycleStage.LEAD, t.stage(49));
        assertEquals(LifecycleStage.MARKETING_QUALIFIED, t.stage(50));
        assertEquals(LifecycleStage.SALES_QUALIFIED, t.stage(80));
    }

    @Test
    void thresholds_outOfOrder_listEveryViolation() {
        ValidationException e = assertThrows(ValidationException.class, () -> new Thresholds(80, 70, 90, 50));
        assertEquals(2, e.violations().size());
        assertEquals("order", e.violations().get(0).rule());
    }

    @Test
    void builder_badCapOrHalfLife_isRefused() {
        assertEquals("caps.fit", assertThrows(ValidationException.class,
                () -> ScoringModel.builder().cap(ScoreGroup.FIT, 101)).violations().get(0).field());
        assertEquals("halfLife", assertThrows(ValidationException.class,
                () -> ScoringModel.builder().halfLife(Duration.ZERO)).violations().get(0).field());
    }

    @Test
    void standard_scoresARichLeadHot() {
        Fixtures fixtures = new Fixtures();
        Lead rich = fixtures.lead().request("Please send pricing and a demo").build();
        Instant now = T0.plus(DAY);
        LeadFacts facts = new LeadFacts(rich, Optional.empty(), Optional.of(fixtures.company()
                .profile("software", CompanySize.ENTERPRISE).build()), List.of(
                fixtures.activity(Fixtures.ref(rich)).type(ActivityType.WEB_VISIT)
                        .subject("Demo sign-up").occurredAt(T0).build(),
                fixtures.activity(Fixtures.ref(rich)).type(ActivityType.WEB_VISIT)
                        .subject("Price list download").occurredAt(T0).build()));

        Score score = ScoringModel.standard().score(facts, now);

        assertTrue(score.value() >= 60, score.explanation().toString());
        assertTrue(score.explanation().stream().anyMatch(l -> l.startsWith("+15 demo sign-up")),
                score.explanation().toString());
    }
}
