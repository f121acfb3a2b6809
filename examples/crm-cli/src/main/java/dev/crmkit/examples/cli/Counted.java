package dev.crmkit.examples.cli;

import java.util.Locale;

/**
 * A count and its noun, singular for one and plural otherwise ({@code 1 row}, {@code 2 rows}, {@code 0 rows}), with
 * thousands separators: the one way {@code crm} writes how many of something there are.
 */
public final class Counted {

    private Counted() {
    }

    /** The count with the noun, whose plural adds an {@code s}: {@code of(1, "customer")} is {@code 1 customer}. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** The count with the singular or the plural: {@code of(2, "company", "companies")} is {@code 2 companies}. */
    public static String of(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
    }
}
