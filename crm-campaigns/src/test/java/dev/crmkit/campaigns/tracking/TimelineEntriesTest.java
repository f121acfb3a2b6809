package dev.crmkit.campaigns.tracking;

import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineEntriesTest {

    private static final RecordRef LEAD = new RecordRef(RecordType.values()[0], new UUID(0, 7));
    private static final Instant AT = Instant.parse("2026-03-04T10:15:00Z");

    @Test
    void of_openAndClick_areOutboundCampaignTouchesWithTheTypedSignal() {
        LogActivity open = TimelineEntries.of(new Signal("l1", SignalType.OPENED, AT, "k"), "nurture", LEAD);
        LogActivity click = TimelineEntries.of(new Signal("l1", SignalType.CLICKED, AT, "k"), "nurture", LEAD);

        assertEquals(ActivityType.CAMPAIGN_TOUCH, open.type());
        assertEquals("e-mail opened: nurture", open.subject());
        assertTrue(open.subject().contains("open") && click.subject().contains("click"));
        assertEquals(Optional.of(AT), click.occurredAt());
        assertEquals(Set.of(LEAD), click.about());
        assertEquals(Direction.OUTBOUND, click.direction());
        assertTrue(open.violations().isEmpty(), open.violations().toString());
        assertEquals(Optional.of(ActivityOutcome.OPENED), open.outcome());
        assertEquals(Optional.of(ActivityOutcome.CLICKED), click.outcome());
    }

    @Test
    void of_eachSignal_hasItsTypedOutcomeWhereTheTimelineHasOne() {
        for (SignalType type : SignalType.values()) {
            LogActivity entry = TimelineEntries.of(new Signal("l1", type, AT, "k"), "nurture", LEAD);
            Optional<ActivityOutcome> expected = switch (type) {
                case OPENED -> Optional.of(ActivityOutcome.OPENED);
                case CLICKED -> Optional.of(ActivityOutcome.CLICKED);
                case BOUNCED -> Optional.of(ActivityOutcome.BOUNCED);
                case UNSUBSCRIBED -> Optional.of(ActivityOutcome.UNSUBSCRIBED);
                case MEETING_BOOKED -> Optional.of(ActivityOutcome.MEETING_BOOKED);
                case PURCHASED -> Optional.of(ActivityOutcome.PURCHASED);
                case REPLIED -> Optional.of(ActivityOutcome.REPLIED);
                case SENT, DELIVERED, STAGE_REACHED -> Optional.empty();
            };
            assertEquals(expected, entry.outcome(), type.name());
            assertTrue(entry.violations().isEmpty(), type + ": " + entry.violations());
        }
    }

    @Test
    void of_reply_isAnInboundEmail() {
        LogActivity reply = TimelineEntries.of(new Signal("l1", SignalType.REPLIED, AT, "k"), "nurture", LEAD);

        assertEquals(ActivityType.EMAIL, reply.type());
        assertEquals(Direction.INBOUND, reply.direction());
        assertEquals("reply received: nurture", reply.subject());
        assertEquals(Optional.of(ActivityOutcome.REPLIED), reply.outcome());
    }
}
