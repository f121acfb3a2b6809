package dev.crmkit.adapters.json;

import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.pipeline.definition.Actions;
import dev.crmkit.pipeline.definition.EntryAction;
import dev.crmkit.pipeline.definition.Entry;
import dev.crmkit.pipeline.definition.EntryEffects;
import dev.crmkit.pipeline.definition.ForecastCategory;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Refusal;
import dev.crmkit.pipeline.definition.Rules;
import dev.crmkit.pipeline.definition.Stage;
import dev.crmkit.pipeline.definition.StageKind;
import dev.crmkit.pipeline.definition.StageRule;
import dev.crmkit.pipeline.definition.Transition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineJsonTest {

    private final PipelineJson json = PipelineJson.standard();

    @Test
    void writeThenRead_everyPreset_comesBackEqual() {
        for (PipelineDefinition preset : List.of(Presets.b2c(), Presets.b2b(), Presets.classicLead())) {
            assertEquals(preset, json.readOne(json.write(preset), Set.of()), preset.name());
        }
    }

    @Test
    void writeThenRead_everyBuiltInRuleAndAction_comesBackEqual() {
        PipelineDefinition all = PipelineDefinition.builder("All rules")
                .skippingAllowed(false)
                .requireLostReason("price", "timing")
                .stage("New", s -> s.probability(10).rottingDays(7))
                .stage("Offer", s -> s.probability(50).category(ForecastCategory.BEST_CASE)
                        .rule(Rules.requiredFields("amount"), Rules.requiredDocument("offer", "approved"),
                                Rules.requiredActivity(ActivityType.MEETING), Rules.amountPositive(),
                                Rules.allowedMovers(Set.of("sales"), true), Rules.noSkipping(),
                                Rules.noMovingBackwards(), Rules.noReopening(), Rules.approvalRequired())
                        .action(Actions.ownerTask("Call back", 24), Actions.setProbability(60),
                                Actions.publish("offer-sent")))
                .won("Won")
                .lost("Lost", s -> s.rule(Rules.lostReasonFrom(List.of("price", "timing"))))
                .build();

        String text = json.write(all);

        assertEquals(all, json.readOne(text, Set.of()));
        assertTrue(text.contains("\"rule\":\"required-documents\""), text);
    }

    @Test
    void read_documentWithPipelinesArray_readsEach() {
        String text = json.writeAll(List.of(Presets.b2c(), Presets.b2b()));

        List<PipelineDefinition> read = json.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Set.of());

        assertEquals(List.of(Presets.b2c(), Presets.b2b()), read);
    }

    @Test
    void read_minimalStages_takesTheDefaults() {
        PipelineDefinition d = json.readOne("""
                {"name": "Mini", "stages": [
                  {"name": "Open", "probability": 20},
                  {"name": "Won", "kind": "won"},
                  {"name": "Lost", "kind": "LOST"}]}""", Set.of());

        assertEquals(new Stage("Open", StageKind.OPEN, 20, ForecastCategory.PIPELINE, 0, List.of(), List.of()),
                d.stages().get(0));
        assertEquals(100, d.stages().get(1).probability());
        assertEquals(StageKind.LOST, d.stages().get(2).kind());
        assertTrue(d.skippingAllowed() && d.backwardsAllowed() && d.reopenAllowed());
    }

    @Test
    void read_everyProblem_isListedWithItsPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> json.read("""
                {"pipelines": [
                  {"name": "Bad", "colour": "red", "stages": [
                    {"name": "Open", "probability": "high", "kind": "maybe",
                     "rules": [{"rule": "no-such-rule"}, {"fields": ["amount"]}],
                     "actions": [{"action": "create-owner-task", "title": "Call", "withinHours": 0}]},
                    {"name": "Won", "kind": "won"}]}]}""", Set.of()));

        List<String> fields = e.violations().stream().map(Violation::field).toList();
        assertTrue(fields.contains("pipelines[0].colour"), fields.toString());
        assertTrue(fields.contains("pipelines[0].stages[0].probability"), fields.toString());
        assertTrue(fields.contains("pipelines[0].stages[0].kind"), fields.toString());
        assertTrue(fields.contains("pipelines[0].stages[0].rules[0].rule"), fields.toString());
        assertTrue(fields.contains("pipelines[0].stages[0].rules[1].rule"), fields.toString());
        assertTrue(fields.contains("pipelines[0].stages[0].actions[0].withinHours"), fields.toString());
    }

    @Test
    void read_definitionProblems_areTheDefinitionsOwnValidation() {
        ValidationException e = assertThrows(ValidationException.class, () -> json.readOne("""
                {"name": "No closed stages", "stages": [
                  {"name": "A", "probability": 150}, {"name": "a"}]}""", Set.of()));

        List<String> rules = e.violations().stream().map(Violation::rule).toList();
        assertTrue(e.violations().size() >= 3, e.getMessage()); // probability, duplicate name, no won/lost stage
        assertTrue(rules.stream().anyMatch(r -> r.contains("unique")), rules.toString());
    }

    @Test
    void read_ruleNamingAnUnknownField_isRefusedUnlessItIsACustomField() {
        String text = """
                {"name": "Fields", "stages": [
                  {"name": "Open", "rules": [{"rule": "required-fields", "fields": ["customFields.budget"]}]},
                  {"name": "Won", "kind": "won"}, {"name": "Lost", "kind": "lost"}]}""";

        assertThrows(ValidationException.class, () -> json.readOne(text, Set.of()));
        assertEquals(List.of("customFields.budget"), ((Rules.RequiredFields) json.readOne(text, Set.of("budget"))
                .stages().get(0)
                .rules().get(0)).fields());
    }

    @Test
    void readStored_ruleOnACustomFieldNoLongerDefined_readsBackEqualButStaysStrict() {
        PipelineDefinition stored = PipelineDefinition.builder("Budgeted")
                .stage("New").stage("Qualified", s -> s.rule(Rules.requiredFields("customFields.budget")))
                .won("Won").lost("Lost").build(Set.of("budget"));
        String text = json.write(stored);

        assertThrows(ValidationException.class, () -> json.readOne(text, Set.of()));
        assertEquals(stored, json.readStored(text));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> json.readStored(text.replace("\"rottingDays\"", "\"rotting\"")));
        assertEquals("known", unknown.violations().get(0).rule());
    }

    @Test
    void read_syntaxError_namesLineAndColumn() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> json.read("{\"name\": \"x\",\n  \"stages\": [", Set.of()));

        assertEquals("json", e.violations().get(0).field());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    private static final String STAGES = "[{\"name\": \"Open\"}, {\"name\": \"Won\", \"kind\": \"won\"}, "
            + "{\"name\": \"Lost\", \"kind\": \"lost\"}]";

    private ValidationException refused(String text) {
        return assertThrows(ValidationException.class, () -> json.read(text, Set.of()));
    }

    @Test
    void read_duplicateKey_isRefusedWithItsPath() {
        ValidationException e = refused("{\"pipelines\": [{\"name\": \"A\", \"stages\": " + STAGES + "}, "
                + "{\"name\": \"B\", \"stages\": [{\"name\": \"Open\", \"probability\": 1, \"probability\": 2}]}]}");

        assertEquals("pipelines[1].stages[0].probability", e.violations().get(0).field(), e.getMessage());
        assertEquals("unique", e.violations().get(0).rule());
    }

    @Test
    void read_trailingContent_isRefused() {
        ValidationException e = refused("{\"name\": \"A\", \"stages\": " + STAGES + "} {\"name\": \"B\"}");

        assertEquals("trailing", e.violations().get(0).rule(), e.getMessage());
    }

    @Test
    void read_nullWhereANumberIsRequired_isRefusedWithItsPath() {
        ValidationException e = refused("[{\"name\": \"A\", \"skippingAllowed\": null, \"stages\": "
                + "[{\"name\": \"Open\", \"probability\": null, \"rottingDays\": null}, "
                + "{\"name\": \"Won\", \"kind\": null}, {\"name\": \"Lost\", \"kind\": \"lost\"}]}]");

        List<String> fields = e.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("pipelines[0].stages[0].probability", "pipelines[0].stages[0].rottingDays",
                "pipelines[0].stages[1].kind", "pipelines[0].skippingAllowed"), fields.stream().sorted(
                (a, b) -> a.contains("skipping") ? 1 : b.contains("skipping") ? -1 : a.compareTo(b)).toList());
        assertTrue(e.violations().stream().allMatch(v -> v.rule().equals("not-null")), e.getMessage());
    }

    @Test
    void read_twoPipelinesWithOneName_isRefusedNamingTheSecond() {
        ValidationException e = refused("[{\"name\": \"Sales\", \"stages\": " + STAGES + "}, "
                + "{\"name\": \" sales \", \"stages\": " + STAGES + "}]");

        assertEquals("pipelines[1].name", e.violations().get(0).field(), e.getMessage());
        assertEquals("unique", e.violations().get(0).rule());
    }

    @Test
    void read_namesLongerThanTheStoreHolds_areRefusedWithTheirPaths() {
        String longName = "x".repeat(PipelineDefinition.MAX_NAME_LENGTH + 1);
        ValidationException e = refused("{\"name\": \"" + longName + "\", \"lostReasons\": [\"" + longName
                + "\"], \"stages\": [{\"name\": \"" + longName + "\"}, {\"name\": \"Won\", \"kind\": \"won\"}, "
                + "{\"name\": \"Lost\", \"kind\": \"lost\"}]}");

        List<String> fields = e.violations().stream().filter(v -> v.rule().equals("max-length"))
                .map(Violation::field).toList();
        assertEquals(List.of("name", "stages[0].name", "lostReasons[0]"), fields, e.getMessage());
        assertTrue(e.getMessage().length() < 1000, "the long names are not repeated: " + e.getMessage().length());
        assertEquals(PipelineDefinition.MAX_NAME_LENGTH, json.readOne("{\"name\": \""
                + longName.substring(1) + "\", \"stages\": " + STAGES + "}", Set.of()).name().length());
    }

    /** An embedder's own rule. */
    record MinimumAmount(long euros) implements StageRule {
        @Override
        public String name() {
            return "minimum-amount";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            return Optional.empty();
        }
    }

    /** An embedder's own action. */
    record Notify(String channel) implements EntryAction {
        @Override
        public String name() {
            return "notify";
        }

        @Override
        public String run(Entry entry, EntryEffects effects) {
            return "notified " + channel;
        }
    }

    @Test
    void customRuleAndAction_registered_roundTrip() {
        PipelineJson custom = PipelineJson.builder().rule("minimum-amount", MinimumAmount.class)
                .action("notify", Notify.class).build();
        PipelineDefinition d = PipelineDefinition.builder("Custom")
                .stage("Open", s -> s.rule(new MinimumAmount(500)).action(new Notify("#sales")))
                .won("Won").lost("Lost").build();

        assertEquals(d, custom.readOne(custom.write(d), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> json.write(d), "unregistered types cannot be written");
        ValidationException e = assertThrows(ValidationException.class,
                () -> json.readOne(custom.write(d), Set.of()));
        assertEquals("stages[0].rules[0].rule", e.violations().get(0).field());
    }

    @Test
    void builder_typeTakenTwice_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PipelineJson.builder().rule("no-skipping", MinimumAmount.class));
    }
}
