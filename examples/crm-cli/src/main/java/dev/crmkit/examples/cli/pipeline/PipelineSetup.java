package dev.crmkit.examples.cli.pipeline;

import dev.crmkit.adapters.json.PipelineJson;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.Presets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How the {@code crm} program wires deal pipelines over its store. */
public final class PipelineSetup {

    private PipelineSetup() {
    }

    /**
     * The deal pipeline of a Crm over a store that also keeps pipelines and deals.
     *
     * @throws IllegalStateException if the store keeps no pipelines
     */
    public static DealPipeline on(Crm crm, IdGenerator ids) {
        CrmStore store = crm.store();
        if (!(store instanceof PipelineStore pipelineStore)) {
            throw new IllegalStateException("the store " + store.getClass().getSimpleName()
                    + " keeps no pipelines and deals");
        }
        return DealPipeline.builder().crm(crm).store(pipelineStore).ids(ids).build();
    }

    /**
     * Makes sure the store holds the pipelines: those of the file when one is given (each defined, or revised when
     * one of that name exists and differs), else the presets B2C, B2B and the classic lead pipeline where missing.
     *
     * @return the pipelines of the file, or the presets
     * @throws IllegalArgumentException naming the file and every problem of its definitions
     */
    public static List<Pipeline> ensure(DealPipeline pipelines, Optional<Path> file) {
        List<PipelineDefinition> definitions = file.map(PipelineSetup::read)
                .orElse(List.of(Presets.b2c(), Presets.b2b(), Presets.classicLead()));
        return definitions.stream().map(d -> define(pipelines, d, file.isPresent())).toList();
    }

    private static Pipeline define(DealPipeline pipelines, PipelineDefinition definition, boolean revise) {
        Optional<Pipeline> existing = pipelines.pipelineNamed(definition.name());
        if (existing.isEmpty()) {
            return pipelines.definePipeline(definition);
        }
        Pipeline current = existing.get();
        if (!revise || current.definition().equals(definition)) {
            return current;
        }
        return pipelines.revisePipeline(current.id(), current.version(), definition, Map.of(),
                Actor.of("crm"));
    }

    /** The definitions of a pipelines JSON file. */
    static List<PipelineDefinition> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return PipelineJson.standard().read(in, Set.of());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such pipelines file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pipeline of that name, or the store's default pipeline (the first one defined unless another was made the
     * default) when no name is given.
     *
     * @throws IllegalArgumentException naming the pipelines there are, if none matches
     */
    public static Pipeline select(DealPipeline pipelines, Optional<String> name) {
        if (name.isPresent()) {
            return pipelines.pipelineNamed(name.get()).orElseThrow(() -> new IllegalArgumentException(
                    "no pipeline named \"" + name.get() + "\"; there are: " + names(pipelines)));
        }
        return pipelines.defaultPipeline()
                .orElseThrow(() -> new IllegalArgumentException("the store holds no pipeline"));
    }

    /** Every deal of a pipeline, in the order they were opened. */
    public static List<Deal> deals(DealPipeline pipelines, Pipeline pipeline) {
        return deals(pipelines::deals, pipeline);
    }

    /** Every deal of a pipeline that a list gives (all of them, or those a user may see), in creation order. */
    public static List<Deal> deals(java.util.function.BiFunction<DealFilter, PageRequest, Page<Deal>> list,
                                   Pipeline pipeline) {
        List<Deal> out = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<Deal> deals = list.apply(DealFilter.pipeline(pipeline.id()), page.get());
            out.addAll(deals.items());
            page = page.get().next(deals);
        }
        return out;
    }

    /** The names of every pipeline, in definition order. */
    public static String names(DealPipeline pipelines) {
        return String.join(", ", pipelines.pipelines().stream().map(Pipeline::name).toList());
    }
}
