package dev.crmkit.core.capture;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.Field;
import dev.crmkit.core.duplicate.LeadCandidate;
import dev.crmkit.core.duplicate.Level;
import dev.crmkit.core.duplicate.Reason;
import dev.crmkit.core.duplicate.SuspectedDuplicates;
import dev.crmkit.core.lead.LeadId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CaptureOutcome.Blocked} with lead candidates and the candidate limit, and its source-compatible form. */
class CaptureOutcomeBlockedTest {

    private static final ContactId CONTACT = new ContactId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    private static final LeadId LEAD = new LeadId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final List<Reason> REASONS = List.of(new Reason(Field.LAST_NAME, Level.EXACT, 2.5, "smith"));

    @Test
    void contactsOnlyConstructor_keepsTheOldMeaning_noLeads_limitNotReached() {
        CaptureOutcome.Blocked blocked = new CaptureOutcome.Blocked(
                List.of(new DuplicateCandidate(CONTACT, 0.93, REASONS)));
        assertEquals(List.of(), blocked.leadCandidates());
        assertFalse(blocked.limitReached());
        assertEquals("suspected duplicate of contact " + CONTACT + " (0.93)", blocked.reason());
        assertEquals(new SuspectedDuplicates(blocked.candidates(), List.of(), false), blocked.suspected());
    }

    @Test
    void leadsAndLimit_areNamedInTheReason() {
        CaptureOutcome.Blocked blocked = new CaptureOutcome.Blocked(List.of(new DuplicateCandidate(CONTACT, 0.93,
                REASONS)), List.of(new LeadCandidate(LEAD, 0.88, REASONS)), true);
        assertEquals("suspected duplicate of contact " + CONTACT + " (0.93); lead " + LEAD
                + " (0.88) (candidate limit reached: more may exist)", blocked.reason());
        assertTrue(blocked.suspected().limitReached());
        assertTrue(blocked.lead().isEmpty());
    }

    @Test
    void aBlockWithoutAnyCandidate_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CaptureOutcome.Blocked(List.of(), List.of(), true));
        assertTrue(e.getMessage().contains("at least one candidate"), e.getMessage());
    }

    @Test
    void suspected_noneForOutcomesWithoutRules_andEmpty() {
        assertTrue(SuspectedDuplicates.none().isEmpty());
        assertEquals("", SuspectedDuplicates.none().summary());
        assertEquals("(candidate limit reached: more may exist)",
                new SuspectedDuplicates(List.of(), List.of(), true).summary());
        assertEquals(SuspectedDuplicates.none(), new CaptureOutcome.Suppressed(List.of("email")).suspected());
    }
}
