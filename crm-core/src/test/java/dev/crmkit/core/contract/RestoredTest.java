package dev.crmkit.core.contract;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RestoredTest {

    private static final UUID DEAL = new UUID(0, 1);
    private static final UUID TASK = new UUID(0, 2);
    private static final UUID OTHER = new UUID(0, 3);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant UNDO = T0.plusSeconds(7200);

    private static String state(long deal, long task) {
        return state(deal, T0, task);
    }

    private static String state(long deal, Instant dealChanged, long task) {
        return List.of("Deal[id=DealId[value=" + DEAL + "], version=" + deal + ", title=Seats, updatedAt="
                + dealChanged + "]", "Task[id=TaskId[value=" + TASK + "], version=" + task + ", title=Call]")
                .toString();
    }

    /** Two rows as a database dump prints them; the second (not written) has an owner id after its version. */
    private static String rows(long deal, String dealChanged, String otherChanged) {
        return "id=" + DEAL + " version=" + deal + " updated_at=" + dealChanged + " \n"
                + "id=" + OTHER + " version=4 owner_id=" + DEAL + " updated_at=" + otherChanged + " \n";
    }

    @Test
    void assertRestored_everyRecordWrittenUp_passes() {
        Restored.assertRestored(state(2, 5), state(4, UNDO, 7), List.of(DEAL, TASK), UNDO);
    }

    @Test
    void assertRestored_aRecordWrittenBackAtItsOldVersion_failsEvenThoughAnotherWentUp() {
        Restored.assertRestored(state(2, 5), state(4, 5)); // without the records written, as before
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5), state(4, UNDO, 5),
                List.of(DEAL, TASK), UNDO));
    }

    @Test
    void assertRestored_aRecordWrittenNotInTheText_fails() {
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5), state(4, UNDO, 7),
                List.of(DEAL, new UUID(0, 3)), UNDO));
    }

    @Test
    void assertRestored_aVersionDown_orOtherText_fails() {
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5), state(4, 4)));
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5),
                state(4, 7).replace("Seats", "Chairs")));
    }

    @Test
    void assertRestored_aRecordWrittenWithItsOldTime_orAnotherThanTheUndos_fails() {
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5), state(4, 7),
                List.of(DEAL, TASK), UNDO));
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5),
                state(4, UNDO.plusSeconds(1), 7), List.of(DEAL, TASK), UNDO));
    }

    @Test
    void assertRestored_anUndoBehindTheRecordsTime_keepsItsTime_neitherTheUndosNorAnother() {
        Instant later = UNDO.plusSeconds(60); // last changed after the undo's instant (a clock behind, --as-of)
        Restored.assertRestored(state(2, later, 5), state(4, later, 7), List.of(DEAL, TASK), UNDO);
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, later, 5), state(4, UNDO, 7),
                List.of(DEAL, TASK), UNDO));
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, later, 5),
                state(4, later.plusSeconds(1), 7), List.of(DEAL, TASK), UNDO));
    }

    @Test
    void assertRestored_aTimeGoneBack_failsWrittenOrNot() {
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, UNDO, 5),
                state(4, T0, 5)));
        Restored.assertRestored(state(2, 5), state(4, UNDO, 5)); // later is fine for a record not written
    }

    @Test
    void assertRestored_databaseRows_timesBelongToTheRecordOfTheirLine() {
        String before = rows(2, "2026-03-02 09:00:00+00", "2026-03-02 09:00:01");
        // the other row's time is not the deal's (it need not be the undo's) though the deal's id is the last one
        // before it
        Restored.assertRestored(before, rows(4, "2026-03-02 11:00:00+00", "2026-03-02 09:00:01"), List.of(DEAL),
                UNDO);
        assertThrows(AssertionError.class, () -> Restored.assertRestored(before,
                rows(4, "2026-03-02 11:00:00+00", "2026-03-02 09:00:00.5"), List.of(DEAL), UNDO));
        assertThrows(AssertionError.class, () -> Restored.assertRestored(before,
                rows(4, "2026-03-02 09:00:00+00", "2026-03-02 09:00:01"), List.of(DEAL), UNDO));
    }

    @Test
    void instant_asRecordsAndDatabasesPrintIt() {
        Instant t = Instant.parse("2026-03-02T09:00:00.5Z");
        for (String text : List.of("2026-03-02T09:00:00.5Z", "2026-03-02 09:00:00.5+00", "2026-03-02 09:00:00.500000",
                "2026-03-02 10:00:00.5+01:00", "2026-03-02 10:00:00.5+0100")) {
            assertEquals(t, Restored.instant(text), text);
        }
    }
}
