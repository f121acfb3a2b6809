package dev.crmkit.pipeline.definition;

/**
 * Something that happens when a deal enters a stage. Embedders add their own as plain Java objects; the built-in ones
 * come from {@link Actions}. Implementations must be immutable and thread-safe.
 */
public interface EntryAction {

    /** The action's stable name, for example {@code create-owner-task}. */
    String name();

    /**
     * Runs the action for a deal that just entered a stage.
     *
     * @return what it did, in a few words, for the outcome and the timeline
     */
    String run(Entry entry, EntryEffects effects);
}
