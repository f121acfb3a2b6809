package dev.crmkit.adapters.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value {@link JdbcCrmStore#rotationTickets()} returns: its text for reports, read back, and its checks. */
class RotationTicketsInUseTest {

    @Test
    void toString_isTheModesWord_andTheRotationsOnTheRowOfASequenceStore() {
        assertEquals("sequence", RotationTicketsInUse.of(RotationTickets.SEQUENCE).toString());
        assertEquals("ahead", RotationTicketsInUse.of(RotationTickets.AHEAD).toString());
        assertEquals("strict", RotationTicketsInUse.of(RotationTickets.STRICT).toString());
        assertEquals("row", RotationTicketsInUse.of(RotationTickets.ROW).toString());
        assertEquals("sequence, ahead on the row for 1 rotation",
                new RotationTicketsInUse(RotationTickets.SEQUENCE, 1).toString());
        assertEquals("sequence, ahead on the row for 3 rotations",
                new RotationTicketsInUse(RotationTickets.SEQUENCE, 3).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequence", "ahead", "strict", "row", "sequence, ahead on the row for 1 rotation",
        "sequence, ahead on the row for 2 rotations", "sequence, ahead on the row for 999999999 rotations"})
    void parse_readsBackToString(String text) {
        assertEquals(text, RotationTicketsInUse.parse(text).toString());
    }

    @Test
    void parse_givesTheModeAndTheCount() {
        assertEquals(new RotationTicketsInUse(RotationTickets.SEQUENCE, 2),
                RotationTicketsInUse.parse("sequence, ahead on the row for 2 rotations"));
        assertEquals(RotationTicketsInUse.of(RotationTickets.AHEAD), RotationTicketsInUse.parse("ahead"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SEQUENCE", "in memory", "sequence, ahead on the row for 0 rotations",
        "sequence, ahead on the row for 1 rotations", "sequence, ahead on the row for 2 rotation",
        "sequence, ahead on the row for 01 rotation", "ahead, ahead on the row for 1 rotation",
        "sequence, ahead on the row for 9999999999 rotations"})
    void parse_refusesAnyOtherText_namingIt(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RotationTicketsInUse.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rotationsOnTheRow_onlyOfASequenceStore_andNotNegative() {
        IllegalArgumentException ahead = assertThrows(IllegalArgumentException.class,
                () -> new RotationTicketsInUse(RotationTickets.AHEAD, 1));
        assertTrue(ahead.getMessage().contains("rotationsOnTheRow") && ahead.getMessage().contains("AHEAD"),
                ahead.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new RotationTicketsInUse(RotationTickets.SEQUENCE, -1));
        assertTrue(negative.getMessage().contains("rotationsOnTheRow must not be negative"), negative.getMessage());
        assertThrows(NullPointerException.class, () -> new RotationTicketsInUse(null, 0));
    }
}
