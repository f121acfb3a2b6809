package dev.crmkit.core.duplicate;

import dev.crmkit.core.duplicate.sample.LabelledPeople;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Properties of the matcher over pairs drawn from generated people (two records of one person every other time):
 * a score is symmetric, and filling a missing field of one record with the other record's value never lowers it.
 */
class DuplicateMatcherPropertiesTest {

    private static List<LabelledPeople.Labelled> people;
    private static DuplicateMatcher estimated;

    @BeforeAll
    static void generate() {
        people = LabelledPeople.generate(400, 7);
        estimated = DuplicateMatcher.of(DuplicateScan.withDefaults().scan(
                people.stream().map(LabelledPeople.Labelled::record).toList()).model());
    }

    private static DuplicateRecord record(int i) {
        return people.get(i % people.size()).record();
    }

    /** A partner for record i: another record of the same person when there is one and j is even. */
    private static DuplicateRecord partner(int i, int j) {
        int person = people.get(i % people.size()).person();
        if (j % 2 == 0) {
            for (int k = 1; k < people.size(); k++) {
                LabelledPeople.Labelled other = people.get((i + k) % people.size());
                if (other.person() == person) {
                    return other.record();
                }
            }
        }
        return record(j);
    }

    @Test
    void scoreIsSymmetric() {
        qt().withFixedSeed(13).forAll(integers().between(0, 10_000), integers().between(0, 10_000))
                .check((i, j) -> {
                    DuplicateRecord a = record(i);
                    DuplicateRecord b = partner(i, j);
                    for (DuplicateMatcher m : List.of(DuplicateMatcher.withDefaults(), estimated)) {
                        if (Math.abs(m.score(a, b).probability() - m.score(b, a).probability()) > 1e-12
                                || Math.abs(m.score(a, b).weight() - m.score(b, a).weight()) > 1e-9) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    @Test
    void fillingAMissingFieldWithTheOtherRecordsValue_neverLowersTheScore() {
        qt().withFixedSeed(17).forAll(integers().between(0, 10_000), integers().between(0, 10_000),
                        integers().between(0, 4))
                .check((i, j, field) -> {
                    DuplicateRecord a = record(i);
                    DuplicateRecord b = partner(i, j);
                    DuplicateRecord filled = fill(a, b, field);
                    for (DuplicateMatcher m : List.of(DuplicateMatcher.withDefaults(), estimated)) {
                        if (m.score(filled, b).weight() < m.score(a, b).weight() - 1e-9) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** a with one field, if a lacks it, set to b's value: e-mail, phone, birthday, street or an identifier. */
    private static DuplicateRecord fill(DuplicateRecord a, DuplicateRecord b, int field) {
        String email = field == 0 && a.email().isEmpty() ? b.email() : a.email();
        String phone = field == 1 && a.phone().isEmpty() ? b.phone() : a.phone();
        String birthday = field == 2 && a.birthday().isEmpty() ? b.birthday() : a.birthday();
        String street = field == 3 && a.street().isEmpty() ? b.street() : a.street();
        Map<String, String> ids = field == 4 && a.identifiers().isEmpty() ? b.identifiers() : a.identifiers();
        return new DuplicateRecord(a.id(), a.firstName(), a.lastName(), a.companyName(), email, phone, street,
                a.postalCode(), a.city(), a.region(), a.country(), birthday, ids, a.customFields());
    }
}
