package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.access.Guarded;
import dev.crmkit.examples.cli.pipeline.SeenDeals;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Refusal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code crm deal}: work on one deal. */
@Command(name = "deal", mixinStandardHelpOptions = true, description = "Work on one deal.",
        subcommands = {DealCommand.Move.class, CommandLine.HelpCommand.class})
final class DealCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: move");
    }

    /** {@code crm deal move DEAL STAGE}. */
    @Command(name = "move", mixinStandardHelpOptions = true,
            description = {"Move a deal into a stage of its pipeline, checking every rule: prints the actions that "
                    + "ran, or every reason the move was refused (exit status 3).",
                    "DEAL is the deal's id or its exact title (ignoring case) when that is unique.",
                    "Under crm --as USER the move is made only if the user may edit the deal (else refused with the "
                            + "rule access, naming the permission and the deal); a deal they may not see is not "
                            + "found.",
                    "JSON: moved (true or false), reasons (a list of rule and message), deal, from, to, actions."})
    static final class Move implements Callable<Integer> {

        /** The exit status of a refused move: the command worked, the rules said no. */
        static final int REFUSED = 3;

        @Spec
        private CommandSpec spec;

        @Mixin
        private PipelineCommand.Options options = new PipelineCommand.Options();

        @Parameters(index = "0", paramLabel = "DEAL", description = "The deal's id or title.")
        private String deal;

        @Parameters(index = "1", paramLabel = "STAGE", description = "The stage to move it into.")
        private String stage;

        @Option(names = "--as", paramLabel = "USER", defaultValue = "crm",
                description = "Who moves it (default: the user of crm --as, else ${DEFAULT-VALUE}); their role in "
                        + "the access directory counts as one of their roles.")
        private String user;

        @Option(names = "--role", paramLabel = "ROLE", description = "A role of the mover (repeatable).")
        private List<String> roles = new ArrayList<>();

        @Option(names = "--lost-reason", paramLabel = "REASON", description = "Why, when moving into a lost stage.")
        private String lostReason;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: one JSON object on standard output.")
        private OutputFormat format;

        @Override
        public Integer call() {
            String mover = mover();
            return options.run(spec, (crm, pipelines, store) -> {
                SeenDeals seen = SeenDeals.of(ActingUser.of(spec), crm.store(), pipelines);
                Deal found = find(seen, store, deal);
                MoveDeal command = MoveDeal.to(found.id(), stage, Actor.of(dev.crmkit.core.access.Actor.user(mover),
                        crm.store().accessDirectory().organization(), java.util.Set.copyOf(roles)));
                if (lostReason != null) {
                    command = command.because(lostReason);
                }
                StageChange change = move(seen, pipelines, command, found);
                print(spec.commandLine().getOut(), found, change);
                return change instanceof StageChange.StageChanged ? 0 : REFUSED;
            });
        }

        /**
         * The move, made under {@code crm --as USER} only if the user may edit the deal: a refusal by access is a
         * rejection with the rule {@code access} whose message names the permission and the deal.
         */
        private static StageChange move(SeenDeals seen, DealPipeline pipelines, MoveDeal command, Deal found) {
            if (seen.view().isEmpty()) {
                return pipelines.move(command);
            }
            Guarded<StageChange> guarded = seen.view().get().move(command);
            if (guarded.value().isPresent()) {
                return guarded.value().get();
            }
            return new StageChange.StageChangeRejected(found.id(), found.stage(), command.stage(),
                    List.of(new Refusal("access", guarded.decision().explain())));
        }

        /**
         * Who moves the deal: {@code crm --as USER} or this command's {@code --as} (they must agree when both are
         * given); with neither, the user {@code crm}. Their role in the access directory is one of their roles.
         */
        private String mover() {
            Optional<String> global = ActingUser.of(spec);
            boolean local = spec.commandLine().getParseResult().hasMatchedOption("--as");
            if (global.isPresent() && local && !global.get().equals(user.strip())) {
                throw new ParameterException(spec.commandLine(), "crm --as " + global.get() + " and deal move --as "
                        + user.strip() + " name different users; give one");
            }
            return global.orElse(user.strip());
        }

        private void print(PrintWriter out, Deal before, StageChange change) {
            boolean moved = change instanceof StageChange.StageChanged;
            List<Refusal> reasons = change instanceof StageChange.StageChangeRejected r ? r.reasons() : List.of();
            List<String> actions = change instanceof StageChange.StageChanged c ? c.actionsRun() : List.of();
            String to = change instanceof StageChange.StageChanged c ? c.deal().stage() : stage;
            if (format == OutputFormat.JSON) {
                List<Map<String, Object>> why = reasons.stream()
                        .map(r -> JsonOutput.object("rule", r.rule(), "message", r.message())).toList();
                JsonOutput.print(out, JsonOutput.object("moved", moved, "reasons", why, "deal",
                        before.id().toString(), "title", before.title(), "from", before.stage(), "to", to,
                        "actions", actions));
                return;
            }
            if (moved) {
                out.printf("Moved \"%s\" from %s to %s.%n", before.title(), before.stage(), to);
                actions.forEach(a -> out.println("  action: " + a));
            } else {
                out.printf("Refused: \"%s\" stays in %s; moving to %s needs:%n", before.title(), before.stage(),
                        stage);
                reasons.forEach(r -> out.printf(Locale.ROOT, "  - %s (%s)%n", r.message(), r.rule()));
            }
            out.flush();
        }

        /**
         * The deal with this id, or the one deal of any pipeline with this title, among the deals seen (under
         * {@code crm --as USER} a deal the user may not see is not found).
         */
        private Deal find(SeenDeals pipelines, PipelineStore store, String text) {
            Optional<DealId> id = parse(text);
            if (id.isPresent()) {
                return pipelines.deal(id.get()).orElseThrow(() -> new IllegalArgumentException(
                        "no deal with id " + text));
            }
            List<Deal> matches = new ArrayList<>();
            for (Pipeline p : store.pipelines().findAll(PageRequest.first(PageRequest.MAX_SIZE)).items()) {
                pipelines.deals(p).stream()
                        .filter(d -> d.title().strip().equalsIgnoreCase(text.strip())).forEach(matches::add);
            }
            if (matches.size() != 1) {
                throw new IllegalArgumentException(matches.isEmpty() ? "no deal with the id or title \"" + text
                        + "\" (see crm pipeline show --deals)" : matches.size() + " deals are titled \"" + text
                        + "\": name one by its id (see crm pipeline show --deals)");
            }
            return matches.get(0);
        }

        private static Optional<DealId> parse(String text) {
            try {
                return Optional.of(DealId.parse(text.strip()));
            } catch (IllegalArgumentException notAnId) {
                return Optional.empty();
            }
        }
    }
}
