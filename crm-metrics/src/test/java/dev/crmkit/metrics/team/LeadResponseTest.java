package dev.crmkit.metrics.team;

import dev.crmkit.metrics.funnel.Ratio;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeadResponseTest {

    private static final Window NOVEMBER = new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
            ZoneOffset.UTC);
    private static final Instant T = Instant.parse("2026-11-10T09:00:00Z");

    private static LeadTouches lead(String id, String owner, String channel, long... minutesToContacts) {
        return new LeadTouches(id, owner, channel, T, java.util.Arrays.stream(minutesToContacts)
                .mapToObj(m -> T.plus(Duration.ofMinutes(m))).toList());
    }

    @Test
    void of_firstResponseAndLostAfterFirstContact_perOwnerChannelAndOverall() {
        LeadResponse r = LeadResponse.of(List.of(
                lead("l1", "ann", "web", 30, 600),
                lead("l2", "ann", "phone", 10),
                lead("l3", "bob", "web", 90),
                lead("l4", "bob", "web")), NOVEMBER);

        assertEquals(4, r.overall().leads());
        assertEquals(3, r.overall().contacted());
        assertEquals(Optional.of(Duration.ofSeconds(2_600)), r.overall().averageFirstResponse(), "130 min / 3");
        assertEquals(Optional.of(Duration.ofMinutes(30)), r.overall().medianFirstResponse());
        assertEquals(Ratio.of(2, 3), r.overall().lostAfterFirstContact());
        assertEquals(Ratio.of(1, 2), r.byOwner().get("ann").lostAfterFirstContact());
        assertEquals(Optional.of(Duration.ofMinutes(20)), r.byOwner().get("ann").averageFirstResponse());
        assertEquals(Ratio.of(1, 1), r.byOwner().get("bob").lostAfterFirstContact());
        assertEquals(3, r.byChannel().get("web").leads());
        assertEquals(Optional.of(Duration.ofMinutes(10)), r.byChannel().get("phone").medianFirstResponse());
    }

    @Test
    void of_contactsBeforeCapture_areNotResponses_andUncontactedLeadsHaveNoTime() {
        LeadResponse r = LeadResponse.of(List.of(lead("l1", "ann", "web", -5)), NOVEMBER);

        assertEquals(0, r.overall().contacted());
        assertEquals(Optional.empty(), r.overall().averageFirstResponse());
        assertEquals(Ratio.of(0, 0), r.overall().lostAfterFirstContact());
    }

    @Test
    void of_leadsCapturedOutsideTheWindow_areLeftOut() {
        LeadTouches october = new LeadTouches("l0", "ann", "web", Instant.parse("2026-10-31T23:00:00Z"), List.of());

        assertEquals(1, LeadResponse.of(List.of(october, lead("l1", "ann", "web")), NOVEMBER).overall().leads());
    }
}
