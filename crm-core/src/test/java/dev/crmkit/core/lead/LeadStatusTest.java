package dev.crmkit.core.lead;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static dev.crmkit.core.lead.LeadStatus.CONVERTED;
import static dev.crmkit.core.lead.LeadStatus.DISQUALIFIED;
import static dev.crmkit.core.lead.LeadStatus.NEW;
import static dev.crmkit.core.lead.LeadStatus.QUALIFIED;
import static dev.crmkit.core.lead.LeadStatus.WORKING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadStatusTest {

    @Test
    void next_matchesTheDocumentedMoves() {
        assertEquals(EnumSet.of(WORKING, QUALIFIED, DISQUALIFIED), NEW.next());
        assertEquals(EnumSet.of(QUALIFIED, DISQUALIFIED), WORKING.next());
        assertEquals(EnumSet.of(WORKING, DISQUALIFIED, CONVERTED), QUALIFIED.next());
        assertEquals(EnumSet.of(WORKING), DISQUALIFIED.next());
        assertEquals(EnumSet.noneOf(LeadStatus.class), CONVERTED.next());
    }

    @Test
    void next_neverStaysOrReturnsToNew() {
        for (LeadStatus s : LeadStatus.values()) {
            assertFalse(s.next().contains(s), s::name);
            assertFalse(s.next().contains(NEW), s::name);
        }
    }

    @Test
    void next_onlyQualifiedLeadsConvert() {
        for (LeadStatus s : LeadStatus.values()) {
            assertEquals(s == QUALIFIED, s.next().contains(CONVERTED), s::name);
        }
    }

    @Test
    void next_changingTheReturnedSetChangesNothing() {
        Set<LeadStatus> next = NEW.next();
        next.clear();

        assertEquals(EnumSet.of(WORKING, QUALIFIED, DISQUALIFIED), NEW.next());
    }

    @Test
    void isOpen_newWorkingQualified() {
        assertTrue(NEW.isOpen());
        assertTrue(WORKING.isOpen());
        assertTrue(QUALIFIED.isOpen());
        assertFalse(DISQUALIFIED.isOpen());
        assertFalse(CONVERTED.isOpen());
    }
}
