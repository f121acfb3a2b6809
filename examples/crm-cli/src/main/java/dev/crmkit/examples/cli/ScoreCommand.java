package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScoring;
import dev.crmkit.core.scoring.RescoringProgress;
import dev.crmkit.core.scoring.Temperature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code crm score}: scores one lead with its explanation, or rescores every open lead in batches. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score a lead by the standard model (behaviour, fit, campaign, communications, stated need), "
                + "store the score and print it with its explanation: which rules fired, their points, what decayed.",
                "LEAD is a lead id, the e-mail address of an open lead, or an import's external id.",
                "--all rescores every open lead in batches (for decay), with a progress line on standard error, "
                        + "and prints how many are cold, warm and hot.",
                "JSON: lead, name, score, temperature, stage, changed, explanation (lines of text) and lines; "
                        + "with --all: read, scored, changed and temperatures."})
final class ScoreCommand implements Callable<Integer> {

    private static final int CHUNK = 500;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LEAD", description = "The lead: id, e-mail or external id.")
    private String lead;

    @Option(names = "--all", description = "Rescore every open lead instead of one.")
    private boolean all;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Override
    public Integer call() {
        if (all == (lead != null)) {
            throw new ParameterException(spec.commandLine(), all ? "give either LEAD or --all, not both"
                    : "a lead is required: LEAD (id, e-mail or external id) or --all");
        }
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            Crm crm = CrmSetup.on(store.store(), "DE", asOf.clock(), IdGenerator.random());
            return all ? scoreAll(crm) : scoreOne(crm);
        }
    }

    private int scoreOne(Crm crm) {
        Lead found = find(crm, lead.strip());
        LeadScoring.Rescored rescored = crm.scoring().rescore(found.id());
        String name = ScoreView.name(crm, found);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, ScoreView.json(found.id(), name, rescored));
        } else {
            ScoreView.print(out, found.id(), name, rescored);
            out.flush();
        }
        return 0;
    }

    private int scoreAll(Crm crm) {
        PrintWriter err = spec.commandLine().getErr();
        RescoringProgress done = crm.scoring().rescoreAll(CHUNK, p -> {
            err.printf(Locale.ROOT, "\rrescoring: %d of %d leads read (%.0f%%), %d scored, %d changed", p.read(),
                    p.total(), p.fraction() * 100, p.scored(), p.changed());
            err.flush();
        });
        err.println();
        err.flush();
        Map<Temperature, Long> counts = ScoreView.temperatures(crm);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, JsonOutput.object("read", done.read(), "scored", done.scored(),
                    "changed", done.changed(), "temperatures", ScoreView.json(counts)));
        } else {
            out.printf("Rescored %s (%d changed): %d hot, %d warm, %d cold%n",
                    Counted.of(done.scored(), "open lead"), done.changed(), counts.get(Temperature.HOT),
                    counts.get(Temperature.WARM), counts.get(Temperature.COLD));
            out.flush();
        }
        return 0;
    }

    private static Optional<LeadId> leadId(String key) {
        try {
            return Optional.of(LeadId.parse(key));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The lead by id, else by the e-mail of an open lead, else by external id. */
    private static Lead find(Crm crm, String key) {
        Optional<Lead> found;
        Optional<LeadId> id = leadId(key);
        if (id.isPresent()) {
            found = crm.store().leads().findById(id.get());
        } else if (key.contains("@")) {
            found = EmailAddress.tryParse(key).flatMap(crm.store().leads()::findOpenByEmail);
        } else {
            found = crm.store().leads().findByExternalId(key);
        }
        return found.orElseThrow(() -> ValidationException.of("lead", "exists", "there is no lead " + key));
    }
}
