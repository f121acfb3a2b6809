package dev.crmkit.kit.privacy;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.kit.CrmkitStore;

import java.time.Instant;
import java.util.UUID;

/**
 * The suppression list and the retention claims for export round trips: two salted hashes (as an erasure lists them)
 * and a claim on a person, with microsecond times, so a restored store still flags the erased person and does not
 * anonymize or count the claimed one again.
 */
public final class PrivacyListFixtures {

    private static final Instant T = Instant.parse("2026-03-02T10:15:30.123456Z");

    private PrivacyListFixtures() {
    }

    /** Lists two hashes and claims one person (who need not exist: the claim refers by id). */
    public static void fill(CrmkitStore store) {
        store.transactions().inTransaction(() -> {
            store.suppressionList().add("0f3a9c" + "e".repeat(58), T);
            store.suppressionList().add("a41b07" + "5".repeat(58), T.plusSeconds(60));
            store.retentionStore().claimPerson(new ContactId(new UUID(0x5701L, 1)), T.plusSeconds(120));
            return null;
        });
    }
}
