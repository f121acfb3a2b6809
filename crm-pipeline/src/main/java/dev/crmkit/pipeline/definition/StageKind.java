package dev.crmkit.pipeline.definition;

/** Whether a stage holds open deals or closes them as won or lost. */
public enum StageKind {
    /** The deal is still being worked. */
    OPEN,
    /** The deal was won. */
    WON,
    /** The deal was lost. */
    LOST;

    /** Whether a deal in a stage of this kind is closed. */
    public boolean isClosed() {
        return this != OPEN;
    }
}
