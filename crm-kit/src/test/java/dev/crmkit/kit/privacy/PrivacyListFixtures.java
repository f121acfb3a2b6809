package dev.crmkit.kit.privacy;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.kit.CrmkitStore;

import java.time.Instant;
import java.util.UUID;

/**
 * The suppression list, the retention claims and the erased-contact marks for export round trips: two salted hashes
 * (as an erasure lists them), a claim on a person and two marks, with microsecond times, so a restored store still
 * flags the erased person, does not anonymize or count the claimed one again, and refuses edits of the erased
 * contacts.
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
            // the marks of two erased contacts (as an erasure writes them; by id, no contact needed)
            store.erasedContactArchive().restore(new dev.crmkit.kit.archive.ErasedContact(
                    new ContactId(new UUID(0x5702L, 2)), T.plusSeconds(180)));
            store.erasedContactArchive().restore(new dev.crmkit.kit.archive.ErasedContact(
                    new ContactId(new UUID(0x5702L, 1)), T.plusSeconds(240)));
            return null;
        });
    }
}
