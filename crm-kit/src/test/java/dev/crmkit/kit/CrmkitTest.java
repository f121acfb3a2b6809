package dev.crmkit.kit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder fails fast, naming the setting; the wiring itself is tested on real stores in crm-adapters-memory. */
class CrmkitTest {

    @Test
    void build_withoutStore_failsNamingTheSettingAndTheStoresThereAre() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Crmkit.builder().defaultRegion("DE").build());

        assertTrue(e.getMessage().startsWith("store was not set: call store(...)"), e.getMessage());
        assertTrue(e.getMessage().contains("InMemoryCrmStore.create()"), e.getMessage());
    }

    @Test
    void defaultRegion_setTwice_failsNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Crmkit.builder().defaultRegion("DE").defaultRegion("AT"));

        assertEquals("defaultRegion was already set to DE", e.getMessage());
    }
}
