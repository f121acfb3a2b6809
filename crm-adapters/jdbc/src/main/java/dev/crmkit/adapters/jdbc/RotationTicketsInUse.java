package dev.crmkit.adapters.jdbc;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a store takes rotation tickets ({@link JdbcCrmStore#rotationTickets()}): its mode, and for
 * {@link RotationTickets#SEQUENCE} how many rotations it takes ahead on their rows instead, as its database role may
 * not create or use their sequences. Immutable and thread-safe; a snapshot, as a sequence store learns of such
 * rotations when it first uses them.
 *
 * @param mode              how the store takes tickets
 * @param rotationsOnTheRow of a sequence store, the rotations whose tickets it takes ahead on their rows; 0 otherwise
 */
public record RotationTicketsInUse(RotationTickets mode, int rotationsOnTheRow) {

    private static final Pattern FALLING_BACK = Pattern.compile(
            "sequence, ahead on the row for ([1-9][0-9]{0,8}) rotations?");

    /**
     * Checks the figures.
     *
     * @throws IllegalArgumentException when {@code rotationsOnTheRow} is negative, or not 0 with a mode other than
     *                                  {@link RotationTickets#SEQUENCE}
     */
    public RotationTicketsInUse {
        Objects.requireNonNull(mode, "mode");
        if (rotationsOnTheRow < 0) {
            throw new IllegalArgumentException("rotationsOnTheRow must not be negative, got " + rotationsOnTheRow);
        }
        if (rotationsOnTheRow != 0 && mode != RotationTickets.SEQUENCE) {
            throw new IllegalArgumentException("rotationsOnTheRow must be 0 with mode " + mode + " (only a sequence "
                    + "store falls back to the row), got " + rotationsOnTheRow);
        }
    }

    /**
     * A mode without rotations on the row.
     *
     * @param mode how the store takes tickets
     * @return the value
     */
    public static RotationTicketsInUse of(RotationTickets mode) {
        return new RotationTicketsInUse(mode, 0);
    }

    /**
     * Reads back what {@link #toString()} wrote.
     *
     * @param text {@code sequence}, {@code ahead}, {@code strict}, {@code row}, or
     *             {@code sequence, ahead on the row for N rotation(s)}
     * @return the value
     * @throws IllegalArgumentException when the text is none of these, naming it
     */
    public static RotationTicketsInUse parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String s = text.toString();
        Matcher m = FALLING_BACK.matcher(s);
        if (m.matches()) {
            RotationTicketsInUse parsed = new RotationTicketsInUse(RotationTickets.SEQUENCE,
                    Integer.parseInt(m.group(1)));
            if (parsed.toString().equals(s)) { // "1 rotations" and "2 rotation" are not its own texts
                return parsed;
            }
        }
        return Arrays.stream(RotationTickets.values()).filter(mode -> mode.word().equals(s)).findFirst()
                .map(RotationTicketsInUse::of)
                .orElseThrow(() -> new IllegalArgumentException("rotation tickets: expected sequence, ahead, strict, "
                        + "row or 'sequence, ahead on the row for N rotation(s)', got '" + s + "'"));
    }

    /**
     * The text for reports and logs: the mode's word ({@code sequence}, {@code ahead}, {@code strict}, {@code row}),
     * or {@code sequence, ahead on the row for N rotation(s)}. {@link #parse} reads it back.
     */
    @Override
    public String toString() {
        if (rotationsOnTheRow == 0) {
            return mode.word();
        }
        return mode.word() + ", ahead on the row for " + rotationsOnTheRow + " rotation"
                + (rotationsOnTheRow == 1 ? "" : "s");
    }
}
