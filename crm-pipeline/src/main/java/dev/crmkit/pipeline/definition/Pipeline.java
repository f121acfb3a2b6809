package dev.crmkit.pipeline.definition;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored pipeline: a definition under an identity, at a version. Each change of the definition is a new version
 * (a revision); stores keep the earlier revisions readable. Immutable and thread-safe.
 *
 * @param id         the identity
 * @param version    the stored version (the revision number), 0 before the first save
 * @param definition what the pipeline is
 * @param createdAt  when it was first stored
 * @param updatedAt  when this revision was made
 */
public record Pipeline(PipelineId id, long version, PipelineDefinition definition, Instant createdAt,
                       Instant updatedAt) {

    /** Validates presence. */
    public Pipeline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** The name. */
    public String name() {
        return definition.name();
    }

    /** A copy with another definition (the next revision once stored). */
    public Pipeline revisedTo(PipelineDefinition newDefinition, Instant now) {
        return new Pipeline(id, version, newDefinition, createdAt, now);
    }

    /** A copy at another stored version; for stores only. */
    public Pipeline atVersion(long newVersion) {
        return new Pipeline(id, newVersion, definition, createdAt, updatedAt);
    }
}
