package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

import java.util.Optional;

/**
 * The storage port for pipeline definitions. A name belongs to one pipeline at most (compared ignoring case and
 * surrounding white space). Every stored version stays readable as a revision. The store also keeps which pipeline the
 * host made its default, if it chose one.
 */
public interface Pipelines {

    /**
     * Stores a new pipeline at version 1.
     *
     * @param pipeline a pipeline at version 0
     * @return the stored pipeline at version 1
     * @throws dev.crmkit.core.kernel.ValidationException with rule {@code unique} if another pipeline has its name
     * @throws IllegalArgumentException                   if its version is not 0 or its id is taken
     */
    Pipeline insert(Pipeline pipeline);

    /**
     * Stores a new revision of a pipeline read at {@code pipeline.version()}.
     *
     * @return the pipeline at its new version
     * @throws dev.crmkit.core.kernel.StaleVersionException if the stored version is another one; nothing changed
     * @throws dev.crmkit.core.kernel.ValidationException   with rule {@code unique} if another pipeline has its name
     * @throws java.util.NoSuchElementException             if no such pipeline is stored
     */
    Pipeline update(Pipeline pipeline);

    /** The current revision of the pipeline with this id. */
    Optional<Pipeline> findById(PipelineId id);

    /**
     * The revision of the pipeline with this id that the running unit of work's deal write will be checked against,
     * for a move of a deal its caller holds ({@code DealPipeline.move(Deal, MoveDeal)}): a store may answer without
     * reading, with the revision it last knew to be current, and then it checks that the pipeline is still at that
     * version with the unit's next deal update ({@code Deals.update}, {@code Deals.updateWithHistory} or
     * {@code Deals.updateWithHistoryLast}), which refuses with a
     * {@link dev.crmkit.core.kernel.StaleVersionException} for the pipeline (record type {@code pipeline}) and writes
     * nothing when it was revised since. crmkit's JDBC store does so on PostgreSQL, in a unit that owns its
     * transaction; the check is made by its own deals port, so a store that answers without reading must be paired
     * with a {@code Deals} port that makes it (a host that puts its own deals port, or a decorator that does not
     * delegate those writes, beside the JDBC store's pipelines gets a revision nobody checks). By default
     * {@link #findById}, the current revision read in the unit.
     *
     * @param id the pipeline
     * @return the revision, or empty when no such pipeline is stored (or known)
     */
    default Optional<Pipeline> findByIdCheckedByDealWrite(PipelineId id) {
        return findById(id);
    }

    /** The current revision of the pipeline with this name (ignoring case and surrounding white space). */
    Optional<Pipeline> findByName(String name);

    /** One stored revision of a pipeline. */
    Optional<Pipeline> findRevision(PipelineId id, long version);

    /** The current revisions of all pipelines, in the order they were defined (by creation time, then insertion). */
    Page<Pipeline> findAll(PageRequest page);

    /**
     * Remembers a pipeline as the default, replacing an earlier choice.
     *
     * @throws java.util.NoSuchElementException if no such pipeline is stored; nothing changed
     */
    void setDefault(PipelineId id);

    /** The pipeline the host made the default with {@link #setDefault}, if it did. */
    Optional<PipelineId> findDefault();
}
