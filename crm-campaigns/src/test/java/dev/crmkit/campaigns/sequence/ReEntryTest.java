package dev.crmkit.campaigns.sequence;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-entry rules: a nurture sequence once, a yearly one again after a year, an always one whenever ended. */
class ReEntryTest {

    private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

    private static Enrollment ended(Instant at) {
        return new Enrollment("c1", "nurture", at, 3, at, EnrollmentStatus.COMPLETED, "all steps done");
    }

    private static Enrollment active(Instant at) {
        return new Enrollment("c1", "nurture", at, 1, at, EnrollmentStatus.ACTIVE, "");
    }

    @Test
    void refusal_noEarlierEnrollment_admitsUnderEveryRule() {
        for (ReEntry rule : List.of(ReEntry.never(), ReEntry.after(Duration.ofDays(1)), ReEntry.always())) {
            assertEquals(Optional.empty(), rule.refusal(List.of(), T0), rule.toString());
        }
    }

    @Test
    void refusal_activeEnrollment_refusesUnderEveryRule() {
        for (ReEntry rule : List.of(ReEntry.never(), ReEntry.after(Duration.ofDays(1)), ReEntry.always())) {
            assertTrue(rule.refusal(List.of(ended(T0.minusSeconds(99)), active(T0)), T0.plus(Duration.ofDays(900)))
                    .orElseThrow().startsWith("already enrolled since " + T0), rule.toString());
        }
    }

    @Test
    void refusal_after_countsFromTheLastStart_toTheInstant() {
        ReEntry yearly = ReEntry.after(Duration.ofDays(365));
        List<Enrollment> earlier = List.of(ended(T0.minus(Duration.ofDays(800))), ended(T0));

        assertTrue(yearly.refusal(earlier, T0.plus(Duration.ofDays(365)).minusNanos(1)).isPresent());
        assertEquals(Optional.empty(), yearly.refusal(earlier, T0.plus(Duration.ofDays(365))));
    }

    @Test
    void refusal_never_refusesForever_always_admitsOnceEnded() {
        assertTrue(ReEntry.never().refusal(List.of(ended(T0)), T0.plus(Duration.ofDays(3650))).isPresent());
        assertEquals(Optional.empty(), ReEntry.always().refusal(List.of(ended(T0)), T0.plusSeconds(1)));
    }

    @Test
    void sequenceEnroll_refusedOutcomeNamesTheRule_andIgnoresOtherContactsAndSequences() {
        Sequence nurture = SequenceTest.NURTURE;
        Enrollment otherContact = new Enrollment("c2", "nurture", T0, 0, T0, EnrollmentStatus.ACTIVE, "");
        Enrollment otherSequence = new Enrollment("c1", "onboarding", T0, 0, T0, EnrollmentStatus.ACTIVE, "");

        assertInstanceOf(Enrolling.Enrolled.class, nurture.enroll("c1", T0, List.of(otherContact, otherSequence)));
        Enrolling.Refused refused = assertInstanceOf(Enrolling.Refused.class,
                nurture.enroll("c1", T0.plusSeconds(5), List.of(ended(T0))));
        assertEquals("enrolled before at " + T0 + "; this sequence admits a contact once", refused.reason());
    }

    @Test
    void create_badDuration_namesTheField() {
        ValidationException zero = assertThrows(ValidationException.class, () -> ReEntry.after(Duration.ZERO));
        ValidationException notAfter = assertThrows(ValidationException.class,
                () -> new ReEntry(ReEntry.Kind.NEVER, Duration.ofDays(1)));

        assertTrue(zero.getMessage().contains("after"), zero.getMessage());
        assertTrue(notAfter.getMessage().contains("after"), notAfter.getMessage());
    }
}
