package dev.crmkit.core.duplicate;

import dev.crmkit.core.activity.Activity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subject of a duplicate alert's timeline entry fits an activity's subject however many candidates there are: an
 * alert with eleven or more candidates made the capture fail (the subject ran past 500 characters) after it had
 * written the contact and the lead.
 */
class DuplicateAlertSubjectTest {

    private static List<String> summaries(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new UUID(7, i) + " (0.9" + (i % 10) + ")");
        }
        return out;
    }

    @Test
    void fewCandidates_areAllNamed() {
        List<String> three = summaries(3);
        assertEquals(DuplicateAlert.SUBJECT + String.join(", ", three), DuplicateAlert.subject(three));
    }

    @Test
    void manyCandidates_fitTheSubject_andSayHowManyMore() {
        for (int n = 1; n <= 10_000; n = n < 20 ? n + 1 : n * 3) {
            List<String> all = summaries(n);
            String subject = DuplicateAlert.subject(all);
            assertTrue(subject.length() <= Activity.MAX_SUBJECT_LENGTH, n + ": " + subject.length());
            int named = (int) all.stream().filter(subject::contains).count();
            if (named < n) {
                assertTrue(subject.endsWith(" and " + (n - named) + " more"), subject);
                assertTrue(named >= 1, "at least the best one is named: " + subject);
            } else {
                assertEquals(DuplicateAlert.SUBJECT + String.join(", ", all), subject);
            }
        }
    }
}
