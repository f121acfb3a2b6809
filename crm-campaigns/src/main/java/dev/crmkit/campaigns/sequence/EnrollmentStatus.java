package dev.crmkit.campaigns.sequence;

/** Where an enrollment stands. */
public enum EnrollmentStatus {
    /** Still walking through the steps. */
    ACTIVE,
    /** Every step done. */
    COMPLETED,
    /** A goal signal ended it. */
    GOAL_REACHED,
    /** A hand-to-sales step ended it. */
    HANDED_TO_SALES,
    /** A condition did not hold. */
    EXITED
}
