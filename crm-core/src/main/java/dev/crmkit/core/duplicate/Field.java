package dev.crmkit.core.duplicate;

import java.util.List;

import static dev.crmkit.core.duplicate.Level.DIFFERENT;
import static dev.crmkit.core.duplicate.Level.EXACT;
import static dev.crmkit.core.duplicate.Level.INITIAL;
import static dev.crmkit.core.duplicate.Level.PARTIAL;
import static dev.crmkit.core.duplicate.Level.PHONETIC;
import static dev.crmkit.core.duplicate.Level.TYPO;
import static dev.crmkit.core.duplicate.Level.VARIANT;

/** A field that the matcher compares, with the comparison levels it can reach (besides {@link Level#MISSING}). */
public enum Field {
    /** Given name: nicknames, phonetics, typos and initials. */
    FIRST_NAME(EXACT, VARIANT, PHONETIC, TYPO, INITIAL, DIFFERENT),
    /** Family name: phonetics and typos (a variant only when swapped with a given name). */
    LAST_NAME(EXACT, VARIANT, PHONETIC, TYPO, INITIAL, DIFFERENT),
    /** Company name with legal forms stripped; acronyms are variants; alike but more than a typo apart is partial. */
    COMPANY_NAME(EXACT, VARIANT, TYPO, PARTIAL, DIFFERENT),
    /** E-mail: the whole address, the local part at another domain, or a typo in the local part. */
    EMAIL(EXACT, VARIANT, TYPO, DIFFERENT),
    /** Phone: the whole number, the national part only, or one digit off. */
    PHONE(EXACT, PARTIAL, TYPO, DIFFERENT),
    /** Street and house number, normalised ("Main St." is "main street"). */
    STREET(EXACT, TYPO, PARTIAL, DIFFERENT),
    /** Postal code, city, region and country. */
    PLACE(EXACT, PARTIAL, DIFFERENT),
    /** Birthday: exact, or transposed digits, one digit or day and month swapped. */
    BIRTHDAY(EXACT, TYPO, PARTIAL, DIFFERENT),
    /** Tax number, national id or customer number of the same kind: exact, or one typo. */
    IDENTIFIER(EXACT, TYPO, DIFFERENT);

    private final List<Level> levels;

    Field(Level... levels) {
        this.levels = List.of(levels);
    }

    /** The levels this field can reach, best first, without {@link Level#MISSING}. */
    public List<Level> levels() {
        return levels;
    }
}
