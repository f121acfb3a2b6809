package dev.crmkit.core.duplicate;

/**
 * How well two values of one {@link Field} agree. Each field uses the levels its {@link Field#levels()} lists;
 * {@link #MISSING} (one side or both have no value) is neither evidence for nor against a match.
 */
public enum Level {
    /** Equal after normalisation. */
    EXACT,
    /** A known variant: a nickname, an acronym, the same e-mail local part at another domain. */
    VARIANT,
    /** Sounds the same (Double Metaphone). */
    PHONETIC,
    /** One typo: a close Jaro-Winkler similarity, one edit, transposed digits, day and month swapped. */
    TYPO,
    /** One side is an initial of the other. */
    INITIAL,
    /** Part of the value agrees: the national part of a phone, the postal code but not the city. */
    PARTIAL,
    /** The values disagree. */
    DIFFERENT,
    /** At least one side has no value: weight 0. */
    MISSING
}
