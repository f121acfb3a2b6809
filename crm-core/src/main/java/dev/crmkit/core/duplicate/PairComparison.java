package dev.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.List;

/** Compares every field of two prepared records, in the order of {@link Field}. */
final class PairComparison {

    private PairComparison() {
    }

    static List<Comparison> compare(Prepared a, Prepared b) {
        return compare(a, b, true);
    }

    /**
     * Every field; without {@code explain} the details are left short, which is all scoring needs (building the
     * explanation text for every candidate pair was most of a scan's time).
     */
    static List<Comparison> compare(Prepared a, Prepared b, boolean explain) {
        List<Comparison> out = new ArrayList<>(Field.values().length);
        out.addAll(NameComparison.compare(a, b, explain));
        out.add(IdentityComparison.company(a, b, explain));
        out.add(ContactComparison.email(a, b, explain));
        out.add(ContactComparison.phone(a, b, explain));
        out.add(AddressComparison.street(a, b, explain));
        out.add(AddressComparison.place(a, b, explain));
        out.add(BirthdayComparison.compare(a, b, explain));
        out.add(IdentityComparison.identifiers(a, b));
        return out;
    }

    /** The levels only, as ordinals indexed by field ordinal: what the model's estimation needs. */
    static byte[] levels(Prepared a, Prepared b) {
        return MatchModel.levels(compare(a, b, false));
    }
}
