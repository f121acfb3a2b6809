package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineDefinitionTest {

    @Test
    void build_everyProblem_isListedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> PipelineDefinition.builder(" ")
                .stage("New", s -> s.probability(120).rottingDays(-1)
                        .rule(Rules.requiredFields("budget")))
                .stage("new")
                .requireLostReason()
                .build());

        assertEquals(List.of("name:required", "stages[0].probability:range", "stages[0].rottingDays:min",
                        "stages[0].rules[0].fields:known-field", "stages[1].name:unique", "stages:won-stage",
                        "stages:lost-stage", "lostReasons:required"),
                e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
    }

    @Test
    void build_tooFewAndTooManyStages_areRefused() {
        PipelineBuilder one = PipelineDefinition.builder("One").won("Won");
        PipelineBuilder many = PipelineDefinition.builder("Many").won("Won").lost("Lost");
        for (int i = 0; i < 29; i++) {
            many.stage("S" + i);
        }

        assertTrue(rules(assertThrows(ValidationException.class, one::build)).contains("size"));
        assertTrue(rules(assertThrows(ValidationException.class, many::build)).contains("size"));
    }

    @Test
    void validate_customFieldRule_knownOnlyWithTheSchemaKey() {
        PipelineDefinition def = new PipelineDefinition("X", List.of(
                stage("A", StageKind.OPEN, Rules.requiredFields("customFields.budget")),
                stage("W", StageKind.WON), stage("L", StageKind.LOST)), true, true, true, false, List.of());

        assertEquals(List.of(), def.validate(Set.of("budget")));
        assertEquals(List.of("known-field"), def.validate(Set.of()).stream().map(Violation::rule).toList());
    }

    @Test
    void presets_areValidWithTheNamedStagesInOrder() {
        assertEquals(List.of("Attention", "Interest", "Desire", "Action", "Lost"), names(Presets.b2c()));
        assertEquals(List.of("Need identified", "Solution search", "Options evaluated", "Agreement", "Deal",
                "Post-sale support", "Lost"), names(Presets.b2b()));
        assertEquals(List.of("New", "Contacted", "Qualified", "Proposal sent", "Negotiation", "Won", "Lost"),
                names(Presets.classicLead()));
        for (PipelineDefinition p : List.of(Presets.b2c(), Presets.b2b(), Presets.classicLead())) {
            assertEquals(List.of(), p.validate(Set.of()), p.name());
        }
    }

    @Test
    void rulesInto_policiesComeFirstThenTheStageRules() {
        PipelineDefinition b2b = Presets.b2b();

        List<String> intoLost = b2b.rulesInto(b2b.stage("Lost").orElseThrow()).stream().map(StageRule::name).toList();
        List<String> intoAgreement = b2b.rulesInto(b2b.stage("agreement").orElseThrow()).stream()
                .map(StageRule::name).toList();

        assertEquals(List.of("no-skipping", "lost-reason"), intoLost);
        assertEquals(List.of("no-skipping", "required-fields", "required-documents"), intoAgreement);
    }

    @Test
    void rulesInto_withoutPolicies_isTheStageRulesAlone_andWithOnlyTheLostReasonItComesFirstIntoLost() {
        StageRule fields = Rules.requiredFields("amount");
        PipelineDefinition free = new PipelineDefinition("Free", List.of(stage("A", StageKind.OPEN, fields),
                stage("W", StageKind.WON), stage("L", StageKind.LOST, fields)), true, true, true, true,
                List.of("price"));

        assertEquals(List.of(fields), free.rulesInto(free.stages().get(0)));
        assertEquals(List.of(), free.rulesInto(free.stages().get(1)));
        assertEquals(List.of("lost-reason", "required-fields"),
                free.rulesInto(free.stages().get(2)).stream().map(StageRule::name).toList());
        assertThrows(UnsupportedOperationException.class, () -> free.rulesInto(free.stages().get(0)).clear());
        assertThrows(UnsupportedOperationException.class, () -> free.rulesInto(free.stages().get(2)).clear());
    }

    @Test
    void sameKey_agreesWithComparingTheKeys_forAsciiAndOtherNames() {
        List<String> names = List.of("Won", "won", "WON", " WON\t", "\nwon \u001C", "Wo n", "Wonn", "Won!", "won!",
                "", " ", "\t\n", "A", "a", "@", "`", "[", "{", "Proposal sent", "proposal  sent", "PROPOSAL SENT ",
                "\u0130", "i\u0307", "i", "I", "\u0131", "\u00df", "SS", "ss", "\u017f", "s", "S", "Stra\u00dfe",
                "STRASSE", "\u212a", "k", "K", "\u01c4", "\u01c5", "\u01c6", "\u00a0Won", "Won\u2003",
                "\u2003won", "\u00c9t\u00e9", "\u00e9T\u00c9 ");
        for (String a : names) {
            for (String b : names) {
                assertEquals(PipelineDefinition.key(a).equals(PipelineDefinition.key(b)),
                        PipelineDefinition.sameKey(a, b), "'" + a + "' and '" + b + "'");
            }
        }
    }

    @Test
    void stage_lookupIgnoresCaseAndSpace() {
        PipelineDefinition p = Presets.classicLead();

        assertEquals("Proposal sent", p.stage("  proposal SENT ").orElseThrow().name());
        assertEquals(3, p.indexOf("proposal sent"));
        assertFalse(p.stage("Proposal").isPresent());
        assertEquals("New", p.firstOpenStage().name());
    }

    @Test
    void forecastCategory_countsIn_isCumulative() {
        assertTrue(ForecastCategory.CLOSED.countsIn(ForecastCategory.PIPELINE));
        assertTrue(ForecastCategory.COMMIT.countsIn(ForecastCategory.BEST_CASE));
        assertFalse(ForecastCategory.BEST_CASE.countsIn(ForecastCategory.COMMIT));
        assertFalse(ForecastCategory.OMITTED.countsIn(ForecastCategory.PIPELINE));
        assertFalse(ForecastCategory.PIPELINE.countsIn(ForecastCategory.OMITTED));
    }

    private static Stage stage(String name, StageKind kind, StageRule... rules) {
        return new Stage(name, kind, 50, ForecastCategory.PIPELINE, 0, List.of(rules), List.of());
    }

    private static List<String> names(PipelineDefinition p) {
        return p.stages().stream().map(Stage::name).toList();
    }

    private static List<String> rules(ValidationException e) {
        return e.violations().stream().map(Violation::rule).toList();
    }
}
