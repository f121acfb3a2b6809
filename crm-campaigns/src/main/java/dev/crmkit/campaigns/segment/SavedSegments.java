package dev.crmkit.campaigns.segment;

import java.util.List;
import java.util.Optional;

/**
 * The store of saved segment definitions, shared by every node (adapters: {@code InMemorySavedSegments},
 * {@code JdbcSavedSegments}, migration V63). A save is a compare-and-set on the version, so two users editing one
 * segment cannot overwrite each other unnoticed. Implementations are thread-safe.
 */
public interface SavedSegments {

    /**
     * Stores the definition: a new one when its version is 0, else a change of the one stored at that version.
     *
     * @return the definition as stored, at its new version (1 for a new one)
     * @throws dev.crmkit.core.kernel.StaleVersionException if a segment of that name is stored at another version
     *                                                      (or already exists, for version 0), nothing written
     */
    SegmentDefinition save(SegmentDefinition definition);

    /** The definition stored under the name. */
    Optional<SegmentDefinition> find(String name);

    /** Every definition, in the order of their names (code points). */
    List<SegmentDefinition> list();

    /**
     * Deletes the definition stored under the name.
     *
     * @return whether one was stored
     */
    boolean delete(String name);
}
