package dev.crmkit.core.customer;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text an edit command ({@link ContactEdit}, {@link LeadEdit}, {@link CompanyEdit}) may change, with the checks
 * those commands share: present only when it changes, never null, at most {@code max} characters (also the store
 * limit, {@link StoreLimits#optionalText}). The checks keep the order the commands report them in: every text's
 * {@code not-null} first, then the lengths.
 *
 * @param field the field's name in a violation
 * @param value the new text, if it changes
 * @param max   the most characters it may have
 */
record ChangedText(String field, Optional<String> value, int max) {

    /** {@code not-null} for each text, in the order given. */
    static void notNull(Checks c, ChangedText... texts) {
        for (ChangedText t : texts) {
            c.notNull(t.field, t.value);
        }
    }

    /** The length of each text that is present, in the order given. */
    static void maxLengths(Checks c, ChangedText... texts) {
        for (ChangedText t : texts) {
            c.ifPresent(t.field, t.value, (f, v) -> c.maxLength(f, v, t.max));
        }
    }

    /** {@link #notNull}, then {@link #maxLengths}. */
    static void check(Checks c, ChangedText... texts) {
        notNull(c, texts);
        maxLengths(c, texts);
    }

    /** The store limits ({@link StoreLimits#optionalText}) of the texts, in the order given. */
    static List<Violation> storeLimits(ChangedText... texts) {
        List<Violation> out = new ArrayList<>();
        for (ChangedText t : texts) {
            out.addAll(StoreLimits.optionalText(t.field, t.value, t.max));
        }
        return out;
    }
}
