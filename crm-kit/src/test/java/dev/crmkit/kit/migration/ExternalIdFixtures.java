package dev.crmkit.kit.migration;

import dev.crmkit.kit.CrmkitStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * External ids with keys that trap a wrong order (code points above U+FFFF against U+E000, upper before lower case,
 * a system that is the start of another, trailing blanks), for the contract and the export round trip.
 */
public final class ExternalIdFixtures {

    private ExternalIdFixtures() {
    }

    /** The links, in no particular order. */
    public static List<ExternalId> links() {
        Instant at = Instant.parse("2026-02-03T04:05:06.789012Z");
        String[][] keys = {{"hubspot", "contact", "b"}, {"hubspot", "contact", "B"}, {"hubspot", "contact", "b "},
            {"hubspot", "contact", "😀"}, {"hubspot", "contact", "\uE000"}, {"hubspot", "company", "b"},
            {"hub", "deal", "1"}, {"hubspot2", "task", "1"}, {"Hubspot", "activity", "x\ny \"q\""},
            {"hubspot", "contact", "10"}, {"hubspot", "contact", "9"}, {"ä-crm", "contact", "1"}};
        List<ExternalId> links = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            links.add(new ExternalId(new ExternalKey(keys[i][0], SourceType.valueOf(keys[i][1].toUpperCase(
                    java.util.Locale.ROOT)), keys[i][2]), new UUID(77, i), at.plusSeconds(i)));
        }
        return links;
    }

    /** Adds the links to the store. */
    public static void fill(CrmkitStore store) {
        links().forEach(store.externalIds()::add);
    }
}
