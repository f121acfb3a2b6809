package dev.crmkit.core.duplicate;

import static dev.crmkit.core.duplicate.Similarity.q;

/** Compares the street with its house number, and the place: postal code, city, region and country. */
final class AddressComparison {

    private static final double CLOSE = 0.9;
    /** The longest region written as a code ("IL", "BY", "NSW"). */
    private static final int REGION_CODE = 3;

    private AddressComparison() {
    }

    /** Street: exact, a typo in the street name at the same number, the same street at another number, different. */
    static Comparison street(Prepared a, Prepared b) {
        return street(a, b, true);
    }

    /** The street; without {@code explain} the detail is short. */
    static Comparison street(Prepared a, Prepared b, boolean explain) {
        if (a.streetName.isEmpty() && a.streetNumber.isEmpty() || b.streetName.isEmpty() && b.streetNumber.isEmpty()) {
            return Comparison.missing(Field.STREET);
        }
        String pair = explain ? q(a.record.street()) + " ~ " + q(b.record.street()) : "";
        boolean sameNumber = a.streetNumber.equals(b.streetNumber);
        boolean sameName = a.streetName.equals(b.streetName);
        boolean closeName = sameName || Similarity.jaroWinkler(a.streetName, b.streetName) >= CLOSE;
        if (sameName && sameNumber) {
            return Comparison.of(Field.STREET, Level.EXACT, pair + ": equal once normalised");
        }
        if (closeName && sameNumber) {
            return Comparison.of(Field.STREET, Level.TYPO, pair + ": same number, street one typo apart");
        }
        if (closeName) {
            return Comparison.of(Field.STREET, Level.PARTIAL, pair + ": same street, other number");
        }
        return Comparison.of(Field.STREET, Level.DIFFERENT, pair + ": different");
    }

    /**
     * Place: postal code and city agree, one of them agrees, or neither; another country is different. Another region
     * (both given, not equal, not a typo apart, and both codes such as "IL" or both names) counts only the postal code:
     * the same city name in another region ("Springfield, IL" and "Springfield, MO") is a different place, and a postal
     * code that agrees in another region is partial. A code and a name ("CA", "California") are not compared.
     */
    static Comparison place(Prepared a, Prepared b) {
        return place(a, b, true);
    }

    /** The place; without {@code explain} the detail is short. */
    static Comparison place(Prepared a, Prepared b, boolean explain) {
        boolean postal = !a.postal.isEmpty() && !b.postal.isEmpty();
        boolean city = !a.city.isEmpty() && !b.city.isEmpty();
        if (!postal && !city) {
            return Comparison.missing(Field.PLACE);
        }
        String pair = !explain ? "" : q(String.join(" ", a.record.postalCode(), a.record.city(), a.record.region(),
                a.record.country()).strip()) + " ~ " + q(String.join(" ", b.record.postalCode(), b.record.city(),
                b.record.region(), b.record.country()).strip());
        if (!a.country.isEmpty() && !b.country.isEmpty() && !a.country.equals(b.country)) {
            return Comparison.of(Field.PLACE, Level.DIFFERENT, pair + ": other country");
        }
        boolean postalAgrees = postal && a.postal.equals(b.postal);
        boolean cityAgrees = city && (a.city.equals(b.city) || Similarity.jaroWinkler(a.city, b.city) >= CLOSE);
        if (otherRegion(a.region, b.region)) {
            return postalAgrees ? Comparison.of(Field.PLACE, Level.PARTIAL, pair + ": postal code agrees, "
                    + "region differs") : Comparison.of(Field.PLACE, Level.DIFFERENT, pair + ": other region");
        }
        if ((postalAgrees || !postal) && (cityAgrees || !city)) {
            return Comparison.of(Field.PLACE, Level.EXACT, pair + ": " + (postal ? "postal code" : "")
                    + (postal && city ? " and " : "") + (city ? "city" : "") + " agree");
        }
        if (postalAgrees || cityAgrees) {
            return Comparison.of(Field.PLACE, Level.PARTIAL, pair + ": " + (postalAgrees ? "postal code" : "city")
                    + " agrees");
        }
        return Comparison.of(Field.PLACE, Level.DIFFERENT, pair + ": different");
    }

    /** Whether two normalised regions are both given and of one kind (codes or names) and neither equal nor close. */
    private static boolean otherRegion(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.equals(b) || isCode(a) != isCode(b)) {
            return false;
        }
        return isCode(a) || Similarity.jaroWinkler(a, b) < CLOSE;
    }

    private static boolean isCode(String region) {
        return region.length() <= REGION_CODE;
    }
}
