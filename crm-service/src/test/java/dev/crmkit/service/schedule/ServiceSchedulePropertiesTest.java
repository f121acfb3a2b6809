package dev.crmkit.service.schedule;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Seeded properties of the schedule rules over random terms and completion days. */
class ServiceSchedulePropertiesTest {

    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    private static final Gen<Period> INTERVALS = integers().between(0, 3).zip(integers().between(1, 12),
            (unit, n) -> unit == 0 ? Period.ofDays(n * 5) : unit == 1 ? Period.ofWeeks(n)
                    : unit == 2 ? Period.ofMonths(n) : Period.ofYears(1 + n % 3));

    private static final Gen<PlanTerms> TERMS = integers().between(0, 1500).zip(INTERVALS,
            integers().between(0, 1), (offset, interval, anchor) -> PlanTerms.every(EPOCH.plusDays(offset), interval)
                    .withAnchor(anchor == 0 ? Anchor.SCHEDULE : Anchor.COMPLETION));

    private static final Gen<List<Integer>> OFFSETS = lists().of(integers().between(0, 3000)).ofSizeBetween(0, 12);

    private static List<LocalDate> days(PlanTerms terms, List<Integer> offsets) {
        return offsets.stream().map(o -> terms.installedOn().plusDays(o)).toList();
    }

    @Test
    void nextDue_isNeverOnOrBeforeTheLastCompletion() {
        qt().withFixedSeed(14L).withExamples(400).forAll(TERMS, OFFSETS).checkAssert((terms, offsets) -> {
            List<LocalDate> done = days(terms, offsets);
            LocalDate next = ServiceSchedule.of(terms).progress(done).nextDue().orElseThrow();
            done.forEach(d -> assertTrue(next.isAfter(d), () -> next + " not after completion " + d));
        });
    }

    @Test
    void aCompletion_neverUncoversAnOccurrence() {
        qt().withFixedSeed(15L).withExamples(400).forAll(TERMS, OFFSETS, integers().between(0, 3000))
                .checkAssert((terms, offsets, extra) -> {
                    ServiceSchedule schedule = ServiceSchedule.of(terms);
                    List<LocalDate> before = days(terms, offsets);
                    List<LocalDate> after = new ArrayList<>(before);
                    after.add(terms.installedOn().plusDays(extra));
                    List<Covered> was = schedule.progress(before).covered();
                    List<Covered> is = schedule.progress(after).covered();
                    assertTrue(is.size() >= was.size(), "one more completion never covers fewer occurrences");
                    if (terms.anchor() == Anchor.COMPLETION) {
                        assertEquals(was.size() + 1, is.size(), "each completion covers its own occurrence");
                    } else {
                        Set<Occurrence> now = new HashSet<>();
                        is.forEach(c -> now.add(c.occurrence()));
                        was.forEach(c -> assertTrue(now.contains(c.occurrence()), () -> c + " was uncovered"));
                    }
                });
    }

    @Test
    void occurrences_areNeitherLostNorDoubled() {
        qt().withFixedSeed(16L).withExamples(400).forAll(TERMS, OFFSETS).checkAssert((terms, offsets) -> {
            ScheduleProgress p = ServiceSchedule.of(terms).progress(days(terms, offsets));
            List<Covered> covered = p.covered();
            for (int i = 0; i < covered.size(); i++) {
                assertEquals(i + 1, covered.get(i).occurrence().number(), "covered numbers run 1, 2, ... once each");
                if (i > 0) {
                    LocalDate due = covered.get(i).occurrence().due();
                    LocalDate previous = covered.get(i - 1).occurrence().due();
                    // chained occurrences may share a day when two completions do; scheduled ones never do
                    assertTrue(terms.anchor() == Anchor.SCHEDULE ? due.isAfter(previous) : !due.isBefore(previous));
                }
            }
            assertEquals(covered.size() + 1, p.next().orElseThrow().number(), "next is the first uncovered");
            if (terms.anchor() == Anchor.SCHEDULE) {
                ServiceSchedule s = ServiceSchedule.of(terms);
                covered.forEach(c -> assertEquals(s.scheduled(c.occurrence().number()).orElseThrow(),
                        c.occurrence(), "each occurrence is installed + k x interval"));
                assertEquals(s.scheduled(p.next().get().number()), p.next());
            }
        });
    }

    @Test
    void scheduleAnchor_occurrenceK_isInstalledPlusKIntervals() {
        qt().withFixedSeed(17L).withExamples(300).forAll(TERMS, integers().between(1, 60)).checkAssert((terms, k) -> {
            LocalDate due = ServiceSchedule.of(terms).scheduled(k).orElseThrow().due();
            assertEquals(terms.installedOn().plus(terms.interval().multipliedBy(k)), due);
            assertFalse(due.isBefore(terms.installedOn().plus(terms.interval())));
        });
    }

    @Test
    void completionOrder_doesNotMatter() {
        qt().withFixedSeed(18L).withExamples(200).forAll(TERMS, OFFSETS).checkAssert((terms, offsets) -> {
            List<LocalDate> done = days(terms, offsets);
            List<LocalDate> reversed = new ArrayList<>(done);
            java.util.Collections.reverse(reversed);
            assertEquals(ServiceSchedule.of(terms).progress(done), ServiceSchedule.of(terms).progress(reversed));
        });
    }
}
