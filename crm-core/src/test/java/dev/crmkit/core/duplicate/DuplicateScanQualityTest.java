package dev.crmkit.core.duplicate;

import dev.crmkit.core.duplicate.sample.LabelledPeople;
import dev.crmkit.core.duplicate.sample.PairQuality;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality goal, measured on 5,000 generated people (8,574 records, seed 13): the scan at the
 * default threshold reaches F1 >= 0.99; exact e-mail/phone matching alone, on the same records, is far below; the
 * blocking step proposes nearly every true pair. The figures are printed for the README.
 */
class DuplicateScanQualityTest {

    private static List<LabelledPeople.Labelled> people;
    private static List<DuplicateRecord> records;

    @BeforeAll
    static void generate() {
        people = LabelledPeople.generate(5_000, 13);
        records = people.stream().map(LabelledPeople.Labelled::record).toList();
    }

    @Test
    void scanAtTheDefaultThreshold_reachesF1OfAtLeast099() {
        ScanResult result = DuplicateScan.withDefaults().scan(records);
        PairQuality quality = PairQuality.ofClusters(people, result.clusters());
        System.out.println("fuzzy scan, " + records.size() + " records, " + result.candidatePairs()
                + " candidate pairs: " + quality);
        System.out.println(result.model());
        assertTrue(quality.f1() >= 0.99, quality.toString());
    }

    @Test
    void exactEmailAndPhoneMatchingAlone_isFarBelow() {
        List<String> ids = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        for (DuplicateRecord r : records) {
            ids.add(r.id());
            List<String> k = new ArrayList<>();
            EmailAddress.tryParse(r.email()).ifPresent(e -> k.add("e:" + e));
            PhoneNumber.tryParse(r.phone(), r.country().isEmpty() ? "ZZ" : r.country())
                    .ifPresent(p -> k.add("p:" + p.e164()));
            keys.add(k);
        }
        PairQuality exact = PairQuality.ofClusters(people, PairQuality.exactClusters(ids, keys));
        System.out.println("exact e-mail/phone only: " + exact);

        assertTrue(exact.recall() < 0.8, "exact keys miss the records typed differently: " + exact);
        assertTrue(exact.f1() < 0.9, exact.toString());
    }

    @Test
    void blockingProposesNearlyEveryTruePair() {
        List<Prepared> prepared = records.stream().map(r -> Prepared.of(r, "ZZ")).toList();
        long[] pairs = Blocking.candidatePairs(prepared).pairs();
        Map<String, Integer> person = new HashMap<>();
        people.forEach(l -> person.put(l.record().id(), l.person()));
        long proposed = 0;
        for (long pair : pairs) {
            if (person.get(records.get((int) (pair >>> 32)).id()).equals(person.get(records.get((int) pair).id()))) {
                proposed++;
            }
        }
        PairQuality all = PairQuality.ofClusters(people, List.of());
        double recall = (double) proposed / all.truePairs();
        System.out.printf("blocking: %d candidate pairs of %d possible, recall %.4f%n", pairs.length,
                (long) records.size() * (records.size() - 1) / 2, recall);

        assertTrue(recall >= 0.995, "blocking recall " + recall);
    }
}
