package dev.crmkit.campaigns.trigger;

import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YearlyTriggerTest {

    private final YearlyTrigger birthday = YearlyTrigger.birthday();

    @Test
    void birthday_sentSevenDaysAheadAndValidUntilTheBirthday() {
        YearlyOccurrence o = birthday.dueOn(LocalDate.of(1980, 3, 10), LocalDate.of(2026, 3, 3)).orElseThrow();

        assertEquals(2026, o.year());
        assertEquals(LocalDate.of(2026, 3, 10), o.celebrated());
        assertEquals(LocalDate.of(2026, 3, 3), o.sendOn());
        assertEquals(LocalDate.of(2026, 3, 10), o.validUntil());
        assertEquals(Optional.empty(), birthday.dueOn(LocalDate.of(1980, 3, 10), LocalDate.of(2026, 3, 2)));
        assertEquals(Optional.empty(), birthday.dueOn(LocalDate.of(1980, 3, 10), LocalDate.of(2026, 3, 4)));
    }

    @Test
    void birthday_earlyJanuary_isSentInDecemberForTheNextYear() {
        YearlyOccurrence o = birthday.dueOn(LocalDate.of(1990, 1, 3), LocalDate.of(2026, 12, 27)).orElseThrow();

        assertEquals(2027, o.year());
        assertEquals(LocalDate.of(2027, 1, 3), o.celebrated());
    }

    @Test
    void birthday_29February_isCelebratedOn28FebruaryInOtherYears() {
        LocalDate leapDay = LocalDate.of(2000, 2, 29);

        assertEquals(LocalDate.of(2027, 2, 28), YearlyTrigger.celebratedIn(leapDay, 2027));
        assertEquals(LocalDate.of(2028, 2, 29), YearlyTrigger.celebratedIn(leapDay, 2028));
        assertEquals(LocalDate.of(2027, 2, 21), birthday.dueOn(leapDay, LocalDate.of(2027, 2, 21)).orElseThrow()
                .sendOn());
        assertEquals(LocalDate.of(2028, 2, 22), birthday.dueOn(leapDay, LocalDate.of(2028, 2, 22)).orElseThrow()
                .sendOn());
        assertTrue(birthday.dueOn(leapDay, LocalDate.of(2028, 2, 21)).isEmpty());
    }

    @Test
    void dueOn_beforeTheFirstBirthday_isEmpty() {
        assertTrue(birthday.dueOn(LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 23)).isEmpty());
        assertTrue(birthday.dueOn(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 12, 23)).isPresent());
    }

    @Test
    void constructor_leadOutOfRange_namesTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> new YearlyTrigger(181, 7));

        assertEquals("leadDays", e.violations().get(0).field());
        assertEquals("validDays", assertThrows(ValidationException.class, () -> new YearlyTrigger(7, -1))
                .violations().get(0).field());
    }
}
