package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.abtest.AbDecision;
import dev.crmkit.campaigns.abtest.AbTest;
import dev.crmkit.campaigns.abtest.AbTestPlan;
import dev.crmkit.campaigns.abtest.AbTestStore;
import dev.crmkit.campaigns.abtest.AbWinner;
import dev.crmkit.campaigns.abtest.Variant;
import dev.crmkit.campaigns.abtest.VariantOutcome;
import dev.crmkit.campaigns.abtest.WinnerRule;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm campaigns ab}: the A/B tests of the store's campaigns: {@code define} a test (weighted variants, the
 * metric its winner is chosen by, the sample every variant needs), {@code show} how its variants do (exposures, hits,
 * the significance and the winner), {@code list} the tests.
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"A/B tests of the store's campaigns: weighted variants assigned per contact, a winner by a "
                + "metric once the difference is significant (two-proportion z-test)."},
        subcommands = {AbCommand.Define.class, AbCommand.Show.class, AbCommand.ListTests.class})
public final class AbCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: define, show, list");
    }

    /** {@code crm campaigns ab define ID --campaign NAME --variant A=1 --variant B=1 ...}. */
    @Command(name = "define", mixinStandardHelpOptions = true,
            description = "Stores an A/B test of a campaign; a test never changes once stored.")
    static final class Define implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Parameters(index = "0", paramLabel = "ID", description = "The test's id (1 to 100 characters).")
        private String id;
        @Option(names = "--campaign", paramLabel = "NAME", required = true,
                description = "The campaign whose messages it varies; a variant V is sent with the template "
                        + "<campaign>-<v in lower case>.")
        private String campaign;
        @Option(names = "--variant", paramLabel = "NAME=WEIGHT", required = true,
                description = "A variant and its weight (1 to 10000), two or more: --variant A=1 --variant B=3.")
        private List<String> variants;
        @Option(names = "--metric", paramLabel = "opened|clicked|replied|converted", defaultValue = "clicked",
                description = "The action the winner is chosen by (default: ${DEFAULT-VALUE}).")
        private AbTestPlan.AbMetric metric;
        @Option(names = "--min-sample", paramLabel = "N", defaultValue = "100",
                description = "The contacts every variant needs before a decision, 1 or more (default: "
                        + "${DEFAULT-VALUE}).")
        private long minSample;
        @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
                description = "The significance level, above 0 and below 0.5 (default: ${DEFAULT-VALUE}).")
        private double alpha;
        @Option(names = "--test-percent", paramLabel = "N", defaultValue = "100",
                description = "The share of contacts in the test group, 1 to 100; the rest wait for the winner "
                        + "(default: ${DEFAULT-VALUE}).")
        private int testPercent;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: the test as show prints it.")
        private OutputFormat format;

        @Override
        public Integer call() {
            AbTestPlan plan;
            try {
                plan = new AbTestPlan(AbTest.of(id, variants(spec, variants)), campaign, metric,
                        new WinnerRule(alpha, minSample), testPercent);
            } catch (ValidationException e) {
                throw new ParameterException(spec.commandLine(), option(e) + ": " + e.getMessage());
            }
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                AbTestStore tests = crm.campaignStores().abTests();
                AbTestPlan stored = tests.define(plan);
                if (!stored.equals(plan)) {
                    throw new ParameterException(spec.commandLine(), "ID: the A/B test '" + id
                            + "' is stored with another plan, and a test never changes; define it under a new id");
                }
                print(spec.commandLine().getOut(), format, tests, stored);
                return 0;
            });
        }
    }

    /** {@code crm campaigns ab show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints the test's variants with their exposures, hits and rates, the significance of "
                    + "the best one, and the winner once decided.")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Parameters(index = "0", paramLabel = "ID", description = "The test's id.")
        private String id;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: {id, campaign, metric, alpha, minSample, testPercent, "
                        + "variants: [{name, weight, exposed, hits, rate}], decision, winner}.")
        private OutputFormat format;

        @Override
        public Integer call() {
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                AbTestStore tests = crm.campaignStores().abTests();
                AbTestPlan plan = tests.plan(id).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "ID: no A/B test '" + id + "' in " + description));
                print(spec.commandLine().getOut(), format, tests, plan);
                return 0;
            });
        }
    }

    /** {@code crm campaigns ab list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the A/B tests, by id.")
    static final class ListTests implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: {tests: [{id, campaign, metric, variants, winner}]}.")
        private OutputFormat format;

        @Override
        public Integer call() {
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                AbTestStore tests = crm.campaignStores().abTests();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (AbTestPlan plan : tests.plans()) {
                    rows.add(JsonOutput.object("id", plan.id(), "campaign", plan.campaign(), "metric",
                            metric(plan), "variants", plan.test().variants().stream()
                                    .map(v -> v.name() + "=" + v.weight()).toList(),
                            "winner", tests.winner(plan.id()).map(AbWinner::variant).orElse(null)));
                }
                PrintWriter out = spec.commandLine().getOut();
                if (format == OutputFormat.JSON) {
                    JsonOutput.print(out, JsonOutput.object("tests", rows));
                } else {
                    if (rows.isEmpty()) {
                        out.println("no A/B tests in " + description);
                    }
                    for (Map<String, Object> row : rows) {
                        out.printf(Locale.ROOT, "%s  campaign %s, %s, variants %s, %s%n", row.get("id"),
                                row.get("campaign"), row.get("metric"), String.join(" ", cast(row.get("variants"))),
                                row.get("winner") == null ? "no winner yet" : "winner " + row.get("winner"));
                    }
                    out.flush();
                }
                return 0;
            });
        }

        @SuppressWarnings("unchecked")
        private static List<String> cast(Object list) {
            return (List<String>) list;
        }
    }

    /** The variants of {@code NAME=WEIGHT} texts. */
    static List<Variant> variants(CommandSpec spec, List<String> texts) {
        List<Variant> out = new ArrayList<>();
        for (String text : texts) {
            int eq = text.lastIndexOf('=');
            String weight = eq < 0 ? "" : text.substring(eq + 1).strip();
            if (eq <= 0 || !weight.matches("[0-9]{1,5}")) {
                throw new ParameterException(spec.commandLine(), "--variant must be NAME=WEIGHT with a weight from 1 "
                        + "to 10000, got '" + abbreviated(text) + "'");
            }
            try {
                out.add(new Variant(text.substring(0, eq).strip(), Integer.parseInt(weight)));
            } catch (ValidationException e) {
                throw new ParameterException(spec.commandLine(), "--variant: " + e.getMessage());
            }
        }
        return out;
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The option a violation of the plan names. */
    private static String option(ValidationException e) {
        return switch (e.violations().get(0).field()) {
            case "id" -> "ID";
            case "variants", "name", "weight" -> "--variant";
            case "campaign" -> "--campaign";
            case "alpha" -> "--alpha";
            case "minExposed" -> "--min-sample";
            case "testPercent" -> "--test-percent";
            default -> e.violations().get(0).field();
        };
    }

    private static String metric(AbTestPlan plan) {
        return plan.metric().name().toLowerCase(Locale.ROOT);
    }

    /** Prints the plan with its outcomes, the decision of its rule over them now, and the stored winner. */
    static void print(PrintWriter out, OutputFormat format, AbTestStore tests, AbTestPlan plan) {
        List<VariantOutcome> outcomes = tests.outcomes(plan.id());
        AbDecision decision = plan.rule().decide(outcomes);
        java.util.Optional<AbWinner> winner = tests.winner(plan.id());
        if (format == OutputFormat.JSON) {
            List<Map<String, Object>> variants = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                VariantOutcome o = outcomes.get(i);
                variants.add(JsonOutput.object("name", o.variant(), "weight", plan.test().variants().get(i).weight(),
                        "exposed", o.exposed(), "hits", o.hits(), "rate", rate(o)));
            }
            Map<String, Object> decided = new LinkedHashMap<>();
            if (decision instanceof AbDecision.Winner w) {
                decided.put("significant", true);
                decided.put("variant", w.variant());
                decided.put("pValue", w.pValue());
            } else {
                decided.put("significant", false);
                decided.put("reason", ((AbDecision.Undecided) decision).reason());
            }
            JsonOutput.print(out, JsonOutput.object("id", plan.id(), "campaign", plan.campaign(), "metric",
                    metric(plan), "alpha", plan.rule().alpha(), "minSample", plan.rule().minExposed(),
                    "testPercent", plan.testPercent(), "variants", variants, "decision", decided,
                    "winner", winner.map(w -> JsonOutput.object("variant", w.variant(), "pValue", w.pValue(),
                            "decidedAt", w.decidedAt().toString())).orElse(null)));
            return;
        }
        out.printf(Locale.ROOT, "A/B test %s of campaign %s: winner by %s, alpha %s, at least %d contacts per "
                        + "variant, %d%% in the test group%n", plan.id(), plan.campaign(), metric(plan),
                plan.rule().alpha(), plan.rule().minExposed(), plan.testPercent());
        for (int i = 0; i < outcomes.size(); i++) {
            VariantOutcome o = outcomes.get(i);
            out.printf(Locale.ROOT, "  %-12s weight %5d  exposed %7d  hits %7d  rate %s%n", o.variant(),
                    plan.test().variants().get(i).weight(), o.exposed(), o.hits(), rate(o));
        }
        if (decision instanceof AbDecision.Winner w) {
            out.printf(Locale.ROOT, "significant: %s is best (p = %.4g, below %s)%n", w.variant(), w.pValue(),
                    plan.rule().alpha());
        } else {
            out.println("not significant: " + ((AbDecision.Undecided) decision).reason());
        }
        out.println(winner.map(w -> "winner: " + w.variant() + " (decided " + w.decidedAt() + ", p = " + w.pValue()
                + ")").orElse("winner: none yet"));
        out.flush();
    }

    private static String rate(VariantOutcome o) {
        return String.format(Locale.ROOT, "%.2f%%", o.rate() * 100);
    }
}
