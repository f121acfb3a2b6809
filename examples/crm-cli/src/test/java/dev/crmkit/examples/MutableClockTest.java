package dev.crmkit.examples;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MutableClockTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void set_movesTheClockUntilReset() {
        MutableClock clock = MutableClock.fixedAt(NOW, ZoneId.of("Europe/Berlin"));
        Instant yesterday = NOW.minusSeconds(86_400);

        clock.set(yesterday);
        assertEquals(yesterday, clock.instant());
        clock.reset();
        assertEquals(NOW, clock.instant());
    }

    @Test
    void withZone_sharesTheTime() {
        MutableClock clock = MutableClock.following(Clock.fixed(NOW, ZoneOffset.UTC));
        Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

        clock.set(NOW.plusSeconds(60));

        assertEquals(NOW.plusSeconds(60), berlin.instant());
        assertEquals(ZoneId.of("Europe/Berlin"), berlin.getZone());
    }
}
