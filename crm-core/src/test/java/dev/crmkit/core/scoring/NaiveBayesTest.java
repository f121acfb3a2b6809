package dev.crmkit.core.scoring;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NaiveBayesTest {

    /** The true process behind the synthetic history: a 30 % win rate and independent fields given the outcome. */
    private static final double WIN_RATE = 0.3;
    private static final List<String> STAGES = List.of("new", "working", "qualified");
    private static final double[] STAGE_WON = {0.2, 0.3, 0.5};
    private static final double[] STAGE_LOST = {0.5, 0.3, 0.2};
    private static final List<String> SOURCES = List.of("web", "ads", "referral", "import");
    private static final double[] SOURCE_WON = {0.3, 0.2, 0.4, 0.1};
    private static final double[] SOURCE_LOST = {0.4, 0.3, 0.1, 0.2};
    private static final double VIP_WON = 0.6;
    private static final double VIP_LOST = 0.2;

    private static final NaiveBayes MODEL = new NaiveBayes(Set.of(WinFields.STAGE, WinFields.SOURCE, WinFields.TAGS),
            Set.of(WinFields.TAGS), 1.0);

    private static int draw(SplittableRandom random, double[] p) {
        double u = random.nextDouble();
        for (int i = 0; i < p.length - 1; i++) {
            u -= p[i];
            if (u < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    static List<WinExample> history(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<WinExample> history = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean won = random.nextDouble() < WIN_RATE;
            Set<String> tags = new HashSet<>();
            if (random.nextDouble() < (won ? VIP_WON : VIP_LOST)) {
                tags.add("vip");
            }
            if (random.nextDouble() < 0.5) {
                tags.add("newsletter");
            }
            history.add(new WinExample(Map.of(
                    WinFields.STAGE, Set.of(STAGES.get(draw(random, won ? STAGE_WON : STAGE_LOST))),
                    WinFields.SOURCE, Set.of(SOURCES.get(draw(random, won ? SOURCE_WON : SOURCE_LOST))),
                    WinFields.TAGS, tags), won));
        }
        return history;
    }

    private static double truth(int stage, int source, boolean vip) {
        double won = WIN_RATE * STAGE_WON[stage] * SOURCE_WON[source] * (vip ? VIP_WON : 1 - VIP_WON);
        double lost = (1 - WIN_RATE) * STAGE_LOST[stage] * SOURCE_LOST[source] * (vip ? VIP_LOST : 1 - VIP_LOST);
        return won / (won + lost);
    }

    private static Map<String, Set<String>> features(int stage, int source, boolean vip) {
        return Map.of(WinFields.STAGE, Set.of(STAGES.get(stage)), WinFields.SOURCE, Set.of(SOURCES.get(source)),
                WinFields.TAGS, vip ? Set.of("vip") : Set.of());
    }

    @Test
    void train_syntheticHistory_recoversTheKnownProbabilities() {
        WinModel model = MODEL.train(history(30_000, 2026L));
        double worst = 0;
        for (int stage = 0; stage < STAGES.size(); stage++) {
            for (int source = 0; source < SOURCES.size(); source++) {
                for (boolean vip : new boolean[] {true, false}) {
                    double error = Math.abs(model.predict(features(stage, source, vip)).probability()
                            - truth(stage, source, vip));
                    worst = Math.max(worst, error);
                }
            }
        }
        assertTrue(worst < 0.03, "largest error " + worst);
    }

    @Test
    void predict_unseenValue_doesNoHarm() {
        WinModel model = MODEL.train(history(2_000, 5L));
        Map<String, Set<String>> known = Map.of(WinFields.SOURCE, Set.of("referral"));
        Map<String, Set<String>> withUnseen = Map.of(WinFields.SOURCE, Set.of("referral"),
                WinFields.STAGE, Set.of("never-seen"), WinFields.TAGS, Set.of("brand-new-tag"));

        WinPrediction prediction = model.predict(withUnseen);

        assertTrue(prediction.contributions().stream().filter(c -> c.value().equals("never-seen")
                || c.value().equals("brand-new-tag")).allMatch(c -> c.logOdds() == 0.0));
        assertEquals(model.predict(known).probability(), prediction.probability(), 1e-12);
    }

    @Test
    void predict_valueSeenInOneClassOnly_isSmoothedToFiniteOdds() {
        List<WinExample> history = List.of(
                WinExample.of(true, Map.of(WinFields.SOURCE, "referral")),
                WinExample.of(false, Map.of(WinFields.SOURCE, "ads")));
        WinModel model = new NaiveBayes(Set.of(WinFields.SOURCE), Set.of(), 1.0).train(history);

        WinPrediction prediction = model.predict(Map.of(WinFields.SOURCE, Set.of("Referral")));

        // P(referral | won) = (1 + 1) / (1 + 2) = 2/3, P(referral | lost) = (0 + 1) / (1 + 2) = 1/3
        assertEquals(Math.log(2), prediction.contributions().get(0).logOdds(), 1e-12);
        assertEquals(2.0 / 3, prediction.probability(), 1e-12);
    }

    @Test
    void predict_explainsByStrongestFieldsFirst() {
        WinModel model = MODEL.train(history(10_000, 9L));

        WinPrediction prediction = model.predict(features(2, 2, true));

        List<Contribution> strongest = prediction.strongest(2);
        assertEquals(2, strongest.size());
        assertTrue(Math.abs(strongest.get(0).logOdds()) >= Math.abs(strongest.get(1).logOdds()));
        assertEquals(Set.of("referral", "qualified", "vip"), Set.of(prediction.contributions().get(0).value(),
                prediction.contributions().get(1).value(), prediction.contributions().get(2).value()));
        double logOdds = prediction.priorLogOdds() + prediction.contributions().stream()
                .mapToDouble(Contribution::logOdds).sum();
        assertEquals(prediction.probability(), 1 / (1 + Math.exp(-logOdds)), 1e-12);
    }

    @Test
    void trainPerGroup_smallGroup_fallsBackToOverall() {
        List<WinExample> history = new ArrayList<>();
        List<WinExample> plain = history(1_000, 3L);
        for (int i = 0; i < plain.size(); i++) {
            Map<String, Set<String>> withTeam = new HashMap<>(plain.get(i).features());
            withTeam.put(WinFields.TEAM, Set.of(i < 900 ? "a" : "b"));
            history.add(new WinExample(withTeam, plain.get(i).won()));
        }
        WinModels models = MODEL.trainPerGroup(history, e -> e.features().get(WinFields.TEAM).iterator().next(),
                500);

        assertEquals(900, models.forGroup("a").examples());
        assertSame(models.overall(), models.forGroup("b"));
        assertSame(models.overall(), models.forGroup("unknown"));
        assertEquals(1_000, models.overall().examples());
    }

    @Test
    void train_emptyHistory_isRefused() {
        assertEquals("history", assertThrows(ValidationException.class, () -> MODEL.train(List.of()))
                .violations().get(0).field());
    }

    @Test
    void naiveBayes_badSettings_areRefused() {
        assertEquals("alpha", assertThrows(ValidationException.class,
                () -> new NaiveBayes(Set.of("a"), Set.of(), 0)).violations().get(0).field());
        assertEquals("multiValued", assertThrows(ValidationException.class,
                () -> new NaiveBayes(Set.of("a"), Set.of("b"), 1)).violations().get(0).field());
    }
}
