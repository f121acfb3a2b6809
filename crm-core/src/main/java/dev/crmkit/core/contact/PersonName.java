package dev.crmkit.core.contact;

import dev.crmkit.core.kernel.Text;


/**
 * A person's name, normalized as {@link Text#clean} does: white space trimmed and folded, control characters
 * refused. Either part may be empty (a lead may leave only an e-mail address). Capitalization is kept as typed: {@code van der Berg} and {@code McDonald} are right as they are. Immutable and thread-safe.
 *
 * @param first the given name, possibly empty
 * @param last  the family name, possibly empty
 */
public record PersonName(String first, String last) {

    private static final PersonName EMPTY = new PersonName("", "");

    /** Normalizes and validates both parts. */
    public PersonName {
        first = Text.clean(first, "firstName");
        last = Text.clean(last, "lastName");
    }

    /** A name from raw parts; {@code null} counts as empty. */
    public static PersonName of(String first, String last) {
        return new PersonName(first == null ? "" : first, last == null ? "" : last);
    }

    /** The name with both parts empty. */
    public static PersonName empty() {
        return EMPTY;
    }

    /** Whether both parts are empty. */
    public boolean isEmpty() {
        return first.isEmpty() && last.isEmpty();
    }

    /** First and last name joined by a space, or the one that is present. */
    public String full() {
        return first.isEmpty() ? last : last.isEmpty() ? first : first + " " + last;
    }

    @Override
    public String toString() {
        return full();
    }
}
