package dev.crmkit.core.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;

class RestoredTest {

    private static final UUID DEAL = new UUID(0, 1);
    private static final UUID TASK = new UUID(0, 2);

    private static String state(long deal, long task) {
        return List.of("Deal[id=DealId[value=" + DEAL + "], version=" + deal + ", title=Seats]",
                "Task[id=TaskId[value=" + TASK + "], version=" + task + ", title=Call]").toString();
    }

    @Test
    void assertRestored_everyRecordWrittenUp_passes() {
        Restored.assertRestored(state(2, 5), state(4, 7), List.of(DEAL, TASK));
    }

    @Test
    void assertRestored_aRecordWrittenBackAtItsOldVersion_failsEvenThoughAnotherWentUp() {
        Restored.assertRestored(state(2, 5), state(4, 5)); // without the records written, as before
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5), state(4, 5),
                List.of(DEAL, TASK)));
    }

    @Test
    void assertRestored_aRecordWrittenNotInTheText_fails() {
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5), state(4, 7),
                List.of(DEAL, new UUID(0, 3))));
    }

    @Test
    void assertRestored_aVersionDown_orOtherText_fails() {
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5), state(4, 4)));
        assertThrows(AssertionError.class, () -> Restored.assertRestored(state(2, 5),
                state(4, 7).replace("Seats", "Chairs")));
    }
}
