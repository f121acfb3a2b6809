package dev.crmkit.core.duplicate;

import java.util.Map;
import java.util.TreeMap;

import static dev.crmkit.core.duplicate.Similarity.q;

/** Compares identifiers of the same kind (exact, or one typo) and company names (legal forms stripped, acronyms). */
final class IdentityComparison {

    private IdentityComparison() {
    }

    /** The best agreement over the identifier kinds both records have. */
    static Comparison identifiers(Prepared a, Prepared b) {
        Level best = Level.MISSING;
        String detail = "";
        for (Map.Entry<String, String> e : new TreeMap<>(a.identifiers).entrySet()) {
            String other = b.identifiers.get(e.getKey());
            if (other == null) {
                continue;
            }
            Level level = e.getValue().equals(other) ? Level.EXACT
                    : Similarity.oneEdit(e.getValue(), other) ? Level.TYPO : Level.DIFFERENT;
            if (best == Level.MISSING || level.ordinal() < best.ordinal()) {
                best = level;
                detail = e.getKey() + " " + q(e.getValue()) + " ~ " + q(other) + ": "
                        + (level == Level.EXACT ? "equal" : level == Level.TYPO ? "one typo apart" : "different");
            }
        }
        return best == Level.MISSING ? Comparison.missing(Field.IDENTIFIER)
                : Comparison.of(Field.IDENTIFIER, best, detail);
    }

    /** Company names without legal forms: exact, one the acronym of the other, a typo, different. */
    static Comparison company(Prepared a, Prepared b) {
        return company(a, b, true);
    }

    /** The company name; without {@code explain} the detail is short. */
    static Comparison company(Prepared a, Prepared b, boolean explain) {
        if (a.company.isEmpty() || b.company.isEmpty()) {
            return Comparison.missing(Field.COMPANY_NAME);
        }
        String pair = explain ? q(a.record.companyName()) + " ~ " + q(b.record.companyName()) : "";
        if (a.company.equals(b.company)) {
            return Comparison.of(Field.COMPANY_NAME, Level.EXACT, pair + ": equal without legal forms");
        }
        String plainA = a.company.replace(" ", "");
        String plainB = b.company.replace(" ", "");
        if (plainA.equals(b.companyAcronym) || plainB.equals(a.companyAcronym)) {
            return Comparison.of(Field.COMPANY_NAME, Level.VARIANT, pair + ": acronym");
        }
        if (Similarity.jaroWinkler(plainA, plainB) >= 0.92) {
            return Comparison.of(Field.COMPANY_NAME, Level.TYPO, pair + ": one typo apart");
        }
        return Comparison.of(Field.COMPANY_NAME, Level.DIFFERENT, pair + ": different");
    }
}
