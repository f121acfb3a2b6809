package dev.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.List;

/** Compares every field of two prepared records, in the order of {@link Field}. */
final class PairComparison {

    private PairComparison() {
    }

    static List<Comparison> compare(Prepared a, Prepared b) {
        List<Comparison> out = new ArrayList<>(Field.values().length);
        out.addAll(NameComparison.compare(a, b));
        out.add(IdentityComparison.company(a, b));
        out.add(ContactComparison.email(a, b));
        out.add(ContactComparison.phone(a, b));
        out.add(AddressComparison.street(a, b));
        out.add(AddressComparison.place(a, b));
        out.add(BirthdayComparison.compare(a, b));
        out.add(IdentityComparison.identifiers(a, b));
        return out;
    }

    /** The levels only, as ordinals indexed by field ordinal: what the model's estimation needs. */
    static byte[] levels(Prepared a, Prepared b) {
        return MatchModel.levels(compare(a, b));
    }
}
