package dev.crmkit.adapters.memory;

import dev.crmkit.core.Crm;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrmDefaultsTest {

    @Test
    void build_withoutIds_makesTimeOrderedIdsOnTheCrmsClock() {
        Instant now = Instant.parse("2026-11-23T09:00:00.042Z");
        Crm crm = Crm.builder().store(InMemoryCrmStore.create()).clock(Clock.fixed(now, ZoneOffset.UTC))
                .defaultRegion("DE").build();

        UUID first = crm.ids().next();
        UUID second = crm.ids().next();

        assertEquals(7, first.version());
        assertEquals(now.toEpochMilli(), first.getMostSignificantBits() >>> 16);
        assertTrue(first.compareTo(second) < 0, first + " then " + second);
    }
}
