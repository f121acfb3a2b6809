package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.IdGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code crm assign}: gives every open lead without an owner an owner, by a policy over a sales team. */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Assign every open lead without an owner to a sales team: routing rules (by language, region, "
                + "product, skill, territory; first match wins) choose the team, the policy picks the person. Leads "
                + "routed by language and region use the lead's fields, else its contact's language and countries.",
                "The team is the demo's (anna and david: German in DACH, ben: English, carla: French, dana: the "
                        + "rest) unless --team names a JSON file of your own.",
                "Each decision is explained and recorded on the lead's timeline. JSON: assignments (lead id to "
                        + "owner), counts (owner to number assigned), notAssigned, decisions."})
final class AssignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", paramLabel = "round-robin|least-loaded|capacity", defaultValue = "round-robin",
            converter = PolicyChoice.Converter.class,
            description = "round-robin (default), least-loaded (fewest open leads) or capacity (daily quotas "
                    + "from monthly capacities).")
    private PolicyChoice policy;

    @Option(names = "--team", paramLabel = "FILE",
            description = "A JSON file of members (id, weight, monthlyCapacity, languages, regions, skills), rules "
                    + "(name, when, team, members) and a fallback (team, members).")
    private Path teamFile;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Override
    public Integer call() {
        SalesTeam team = teamFile == null ? DemoTeam.team() : TeamFile.read(teamFile);
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            Crm crm = CrmSetup.on(store.store(), "DE", asOf.clock(), IdGenerator.random());
            AssignmentRun run = AssignmentRun.run(crm, team, policy);
            if (format == OutputFormat.JSON) {
                JsonOutput.print(spec.commandLine().getOut(), run.json());
            } else {
                run.print(spec.commandLine().getOut());
            }
            return 0;
        }
    }
}
