package dev.crmkit.core.duplicate;

import java.time.LocalDate;

import static dev.crmkit.core.duplicate.Similarity.q;

/**
 * Compares birthdays: exact; transposed digits, one wrong digit or day and month swapped (a typo); the same year
 * (partial); different. A birthday that is not a date ({@code 1956-02-30}) is compared as text by its digits.
 */
final class BirthdayComparison {

    private BirthdayComparison() {
    }

    static Comparison compare(Prepared a, Prepared b) {
        return compare(a, b, true);
    }

    /** The birthday; without {@code explain} the detail is short. */
    static Comparison compare(Prepared a, Prepared b, boolean explain) {
        if (a.record.birthday().isEmpty() || b.record.birthday().isEmpty()) {
            return Comparison.missing(Field.BIRTHDAY);
        }
        String pair = explain ? q(a.record.birthday()) + " ~ " + q(b.record.birthday()) : "";
        if (a.birthday == null || b.birthday == null) {
            boolean same = a.record.birthday().equals(b.record.birthday());
            String note = !explain ? "" : (a.birthday == null ? "; " + q(a.record.birthday()) + " is not a date" : "")
                    + (b.birthday == null && !same ? "; " + q(b.record.birthday()) + " is not a date" : "")
                    + ", compared as text";
            if (a.birthdayDigits.equals(b.birthdayDigits)) {
                return Comparison.of(Field.BIRTHDAY, Level.EXACT, pair + ": same digits" + note);
            }
            if (Similarity.oneEdit(a.birthdayDigits, b.birthdayDigits)) {
                return Comparison.of(Field.BIRTHDAY, Level.TYPO, pair + ": one digit off or swapped" + note);
            }
            return Comparison.of(Field.BIRTHDAY, Level.DIFFERENT, pair + ": different" + note);
        }
        return dates(pair, a.birthday, b.birthday);
    }

    private static Comparison dates(String pair, LocalDate a, LocalDate b) {
        if (a.equals(b)) {
            return Comparison.of(Field.BIRTHDAY, Level.EXACT, pair + ": equal");
        }
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue()) {
            return Comparison.of(Field.BIRTHDAY, Level.TYPO, pair + ": day and month swapped");
        }
        if (Similarity.oneEdit(a.toString(), b.toString())) {
            return Comparison.of(Field.BIRTHDAY, Level.TYPO, pair + ": one digit off or two digits swapped");
        }
        if (a.getYear() == b.getYear()) {
            return Comparison.of(Field.BIRTHDAY, Level.PARTIAL, pair + ": same year");
        }
        return Comparison.of(Field.BIRTHDAY, Level.DIFFERENT, pair + ": different");
    }
}
