package dev.crmkit.pipeline;

import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The body of a deal move's timeline entry, built in one concatenation ({@link DefaultDealPipeline#body}). */
class MoveBodyTest {

    private static final UserId ANNA = UserId.of("anna");

    @Test
    void body_underADay_hoursAndMinutes() {
        assertEquals("by anna, after 0 h 0 min in New",
                DefaultDealPipeline.body(ANNA, Duration.ZERO, "New", List.of()));
        assertEquals("by anna, after 23 h 59 min in New",
                DefaultDealPipeline.body(ANNA, Duration.ofMinutes(24 * 60 - 1), "New", List.of()));
    }

    @Test
    void body_aDayOrMore_daysAndHours() {
        assertEquals("by anna, after 1 d 0 h in Demo",
                DefaultDealPipeline.body(ANNA, Duration.ofDays(1), "Demo", List.of()));
        assertEquals("by anna, after 12 d 5 h in Demo",
                DefaultDealPipeline.body(ANNA, Duration.ofDays(12).plusHours(5).plusMinutes(59), "Demo", List.of()));
    }

    @Test
    void body_withEntryActions_oneALineAfterTheTime() {
        assertEquals("by anna, after 2 h 5 min in New\ntask: created\npublish: sent",
                DefaultDealPipeline.body(ANNA, Duration.ofMinutes(125), "New", List.of("task: created",
                        "publish: sent")));
    }
}
