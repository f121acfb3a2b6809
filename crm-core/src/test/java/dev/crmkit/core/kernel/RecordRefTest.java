package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordRefTest {

    private static final UUID ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @Test
    void toString_writesTypeAndId() {
        assertEquals("contact:" + ID, new RecordRef(RecordType.CONTACT, ID).toString());
    }

    @Test
    void parse_readsToStringBack() {
        for (RecordType type : RecordType.values()) {
            RecordRef ref = new RecordRef(type, ID);
            assertEquals(ref, RecordRef.parse(ref.toString()));
        }
    }

    @Test
    void parse_refusesMissingColon() {
        assertThrows(IllegalArgumentException.class, () -> RecordRef.parse("contact" + ID));
    }
}
