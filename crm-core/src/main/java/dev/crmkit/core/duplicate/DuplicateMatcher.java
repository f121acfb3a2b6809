package dev.crmkit.core.duplicate;

import java.util.List;
import java.util.Objects;

/**
 * Scores one pair of records from 0 to 1 and explains the score field by field. Uses a {@link MatchModel}: the
 * priors ({@link #withDefaults()}) or one a {@link DuplicateScan} estimated ({@link ScanResult#model()}).
 * Immutable and thread-safe.
 */
public final class DuplicateMatcher {

    private final MatchModel model;
    private final String defaultRegion;

    private DuplicateMatcher(MatchModel model, String defaultRegion) {
        this.model = model;
        this.defaultRegion = defaultRegion;
    }

    /** A matcher with crmkit's prior model; phone numbers without a country read as unknown. */
    public static DuplicateMatcher withDefaults() {
        return new DuplicateMatcher(MatchModel.defaults(), "ZZ");
    }

    /** A matcher with this model, for example {@link ScanResult#model()}. */
    public static DuplicateMatcher of(MatchModel model) {
        return new DuplicateMatcher(Objects.requireNonNull(model, "model"), "ZZ");
    }

    /** The same matcher reading phone numbers without a country code in this ISO 3166 region. */
    public DuplicateMatcher defaultRegion(String region) {
        return new DuplicateMatcher(model, Objects.requireNonNull(region, "region"));
    }

    /** Every field's comparison of the two records, in the order of {@link Field}. */
    public List<Comparison> compare(DuplicateRecord a, DuplicateRecord b) {
        return PairComparison.compare(Prepared.of(a, defaultRegion), Prepared.of(b, defaultRegion));
    }

    /** The match probability of the two records and every field's contribution. */
    public MatchScore score(DuplicateRecord a, DuplicateRecord b) {
        return model.score(compare(a, b));
    }
}
