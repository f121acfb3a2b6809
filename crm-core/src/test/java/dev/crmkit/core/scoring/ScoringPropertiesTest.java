package dev.crmkit.core.scoring;

import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.lead.Lead;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.crmkit.core.contract.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Invariants of rule-based scoring over generated rules, hits, caps, half-lives and times. */
class ScoringPropertiesTest {

    private static final ScoreGroup[] GROUPS = ScoreGroup.values();

    /** Group caps (cycled over the groups) and a half-life in hours. */
    private static final Gen<Settings> SETTINGS = lists().of(integers().between(0, 100)).ofSizeBetween(1, 5)
            .zip(integers().between(1, 24 * 90), Settings::new);

    private final Lead lead = new Fixtures().lead().build();

    private record Settings(List<Integer> caps, int halfLifeHours) {
    }

    /** A model with one rule per generated hit: points, group, and the hit's age in hours before T0. */
    private static ScoringModel model(List<Integer> points, List<Integer> groups, List<Integer> hoursAgo,
                                      List<Integer> caps, int halfLifeHours) {
        ScoringModel.Builder builder = ScoringModel.builder().halfLife(Duration.ofHours(halfLifeHours));
        for (int g = 0; g < GROUPS.length; g++) {
            builder.cap(GROUPS[g], caps.get(g % caps.size()));
        }
        for (int i = 0; i < points.size(); i++) {
            ScoreGroup group = GROUPS[groups.get(i % groups.size())];
            Hit hit = Hit.at(points.get(i), T0.minus(Duration.ofHours(hoursAgo.get(i % hoursAgo.size()))), "h" + i);
            builder.rule(ScoringRules.rule("rule " + i, group, facts -> List.of(hit)));
        }
        return builder.build();
    }

    @Test
    void score_later_neverRisesThroughDecay() {
        qt().withFixedSeed(21L).withExamples(400).forAll(
                lists().of(integers().between(-100, 100)).ofSizeBetween(0, 12),
                lists().of(integers().between(0, GROUPS.length - 1)).ofSizeBetween(1, 12),
                lists().of(integers().between(0, 24 * 400)).ofSizeBetween(1, 12),
                SETTINGS)
                .checkAssert((points, groups, hoursAgo, settings) -> {
                    ScoringModel model = model(points, groups, hoursAgo, settings.caps(), settings.halfLifeHours());
                    int previous = Integer.MAX_VALUE;
                    for (int hours = 0; hours <= 24 * 200; hours += 97) {
                        int value = model.score(LeadFacts.of(lead), T0.plus(Duration.ofHours(hours))).value();
                        assertTrue(value <= previous, "score rose from " + previous + " to " + value);
                        previous = value;
                    }
                });
    }

    @Test
    void score_always_staysWithinZeroToHundred() {
        qt().withFixedSeed(22L).withExamples(400).forAll(
                lists().of(integers().between(-100, 100)).ofSizeBetween(0, 20),
                lists().of(integers().between(0, GROUPS.length - 1)).ofSizeBetween(1, 20),
                lists().of(integers().between(-24 * 10, 24 * 400)).ofSizeBetween(1, 20),
                SETTINGS)
                .checkAssert((points, groups, hoursAgo, settings) -> {
                    Score score = model(points, groups, hoursAgo, settings.caps(), settings.halfLifeHours())
                            .score(LeadFacts.of(lead), T0);
                    assertTrue(score.value() >= 0 && score.value() <= 100, "score " + score.value());
                    assertEquals(points.size(), score.lines().size(), "every hit is explained");
                });
    }

    @Test
    void score_atSameInstant_isDeterministic() {
        qt().withFixedSeed(23L).withExamples(100).forAll(
                lists().of(integers().between(-100, 100)).ofSizeBetween(0, 10),
                lists().of(integers().between(0, 24 * 400)).ofSizeBetween(1, 10))
                .checkAssert((points, hoursAgo) -> {
                    ScoringModel model = model(points, List.of(0), hoursAgo, List.of(100), 24 * 30);
                    Instant now = T0.plus(Duration.ofDays(3));
                    assertEquals(model.score(LeadFacts.of(lead), now), model.score(LeadFacts.of(lead), now));
                });
    }
}
