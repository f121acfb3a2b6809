package dev.crmkit.core.scoring;

/**
 * How far marketing has brought a lead. It only moves forward: a score that falls again (decay) never takes a lead
 * back a stage.
 */
public enum LifecycleStage {
    /** A lead. */
    LEAD,
    /** Marketing-qualified: the score crossed the MQL threshold. */
    MARKETING_QUALIFIED,
    /** Sales-qualified: the score crossed the SQL threshold. */
    SALES_QUALIFIED;

    /** The later of this stage and the other. */
    public LifecycleStage atLeast(LifecycleStage other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
