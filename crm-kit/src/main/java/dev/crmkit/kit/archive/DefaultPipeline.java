package dev.crmkit.kit.archive;

import dev.crmkit.pipeline.definition.PipelineId;

import java.util.Objects;

/**
 * Which pipeline is the store's default ({@code Pipelines.setDefault}): at most one record, keyed {@value #KEY}.
 *
 * @param pipeline the default pipeline
 */
public record DefaultPipeline(PipelineId pipeline) {

    /** The key of the one record. */
    public static final String KEY = "default";

    /** Checks the part. */
    public DefaultPipeline {
        Objects.requireNonNull(pipeline, "pipeline");
    }
}
