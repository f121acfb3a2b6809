package dev.crmkit.core.scoring;

/** How warm a lead is, by its score and the model's {@link Thresholds}. */
public enum Temperature {
    /** Below the warm threshold. */
    COLD,
    /** From the warm threshold up to below the hot one. */
    WARM,
    /** From the hot threshold up. */
    HOT
}
