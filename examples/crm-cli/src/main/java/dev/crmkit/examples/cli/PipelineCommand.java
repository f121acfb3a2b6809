package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.examples.cli.pipeline.BoardView;
import dev.crmkit.examples.cli.pipeline.ForecastView;
import dev.crmkit.examples.cli.pipeline.PipelineSetup;
import dev.crmkit.examples.cli.pipeline.SeenDeals;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.forecast.Board;
import dev.crmkit.pipeline.forecast.WeightedForecast;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code crm pipeline}: the deal pipelines of the store. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "The deal pipelines of the store (the presets B2C, B2B and Lead pipeline unless --pipelines "
                + "names a JSON file of your own).",
        subcommands = {PipelineCommand.Show.class, CommandLine.HelpCommand.class})
final class PipelineCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: show");
    }

    /** What the pipeline commands share: the store and the pipelines file. */
    static final class Options {

        @Mixin
        StoreOptions store = new StoreOptions();

        @Mixin
        AsOfOption asOf = new AsOfOption();

        @Option(names = "--pipelines", paramLabel = "FILE",
                description = "A JSON file of pipeline definitions to define (or revise, by name) before the command "
                        + "runs; without it the presets B2C, B2B and Lead pipeline are defined where missing.")
        Path pipelines;

        /**
         * Runs {@code work} on the opened store's Crm and deal pipeline, in one unit of work with the definition of
         * the pipelines: a command that fails (an unknown deal or pipeline) leaves the store exactly as it was, even
         * when it would have defined the presets or revised a pipeline of {@code --pipelines} first.
         */
        <T> T run(CommandSpec spec, Work<T> work) {
            try (StoreOptions.OpenStore open = store.open(spec)) {
                IdGenerator ids = IdGenerator.random();
                Crm crm = CrmSetup.on(open.store(), "DE", asOf.clock(), ids);
                DealPipeline pipelines = PipelineSetup.on(crm, ids);
                return open.store().transactions().inTransaction(() -> {
                    PipelineSetup.ensure(pipelines, Optional.ofNullable(pipelines()));
                    return work.run(crm, pipelines, open.store());
                });
            }
        }

        private Path pipelines() {
            return pipelines;
        }

        /** The work of a command. */
        interface Work<T> {
            T run(Crm crm, DealPipeline pipelines, PipelineStore store);
        }
    }

    /** {@code crm pipeline show}: the board of one pipeline. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print the board of a pipeline: per stage the number of deals and their total.",
                    "Under crm --as USER the board, the deals and the forecast hold only the deals the user may see "
                            + "(restricted inside the store's query).",
                    "JSON: pipeline, and stages: a list of name, kind, probability, count, total (a decimal string) "
                            + "and totals (per currency); actor under crm --as; forecast with --forecast."})
    static final class Show implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Options options = new Options();

        @Option(names = "--pipeline", paramLabel = "NAME",
                description = "The pipeline's name (default: the store's default pipeline, the first one defined "
                        + "unless another was made the default; crm demo makes B2B the default).")
        private String name;

        @Option(names = "--deals", description = "Also list the deals of each stage with their ids.")
        private boolean deals;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: one JSON object on standard output.")
        private OutputFormat format;

        @Option(names = "--forecast", description = "Also print the weighted forecast of the pipeline: amount "
                + "times probability by expected close month, and the forecast categories.")
        private boolean forecast;

        @Override
        public Integer call() {
            return options.run(spec, (crm, pipelines, store) -> {
                Pipeline pipeline = PipelineSetup.select(pipelines, Optional.ofNullable(name));
                boolean isDefault = name == null || pipelines.defaultPipeline().map(Pipeline::id)
                        .equals(Optional.of(pipeline.id()));
                SeenDeals seen = SeenDeals.of(ActingUser.of(spec), crm.store(), pipelines);
                Board board = seen.board(DealFilter.pipeline(pipeline.id()));
                List<Deal> listed = deals ? seen.deals(pipeline) : List.of();
                Optional<WeightedForecast> weighted = forecast ? Optional.of(seen.weighted(pipeline.id()))
                        : Optional.empty();
                PrintWriter out = spec.commandLine().getOut();
                if (format == OutputFormat.JSON) {
                    Map<String, Object> json = BoardView.json(board);
                    json.put("default", isDefault);
                    seen.view().ifPresent(v -> json.put("actor", v.actor().toString()));
                    weighted.ifPresent(w -> json.put("forecast", ForecastView.json(w)));
                    if (deals) {
                        json.put("deals", listed.stream().map(d -> JsonOutput.object("id", d.id().toString(),
                                "title", d.title(), "stage", d.stage(), "amount",
                                d.amount().map(m -> m.amount().toPlainString()).orElse(null))).toList());
                    }
                    JsonOutput.print(out, json);
                    return 0;
                }
                if (name == null) {
                    out.printf("The default pipeline is %s (pipelines: %s; another with --pipeline NAME).%n",
                            pipeline.name(), PipelineSetup.names(pipelines));
                }
                seen.view().ifPresent(v -> out.printf("The deals %s may see.%n", v.actor()));
                BoardView.print(out, board);
                for (Deal d : listed) {
                    out.printf("  %s  %-20s %-40s %s%n", d.id(), d.stage(), d.title(),
                            d.amount().map(BoardView::money).orElse(""));
                }
                weighted.ifPresent(w -> ForecastView.print(out, w));
                out.flush();
                return 0;
            });
        }
    }
}
