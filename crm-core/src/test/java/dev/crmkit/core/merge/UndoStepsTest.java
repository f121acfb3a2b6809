package dev.crmkit.core.merge;

import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class UndoStepsTest {

    private final Fixtures fx = new Fixtures(7L);
    private final UUID deal = new UUID(9, 1);
    private final UUID other = new UUID(9, 2);

    /** Contact {@code survivor} at version 4 after the merge (3 before), {@code away} at 2, a deal from 6 to 7. */
    private ContactMerge merge(Contact survivor, Contact away, long dealAfter) {
        return new ContactMerge(new MergeId(UUID.randomUUID()), survivor.atVersion(3), 4, List.of(away.atVersion(2)),
                List.of(Repointed.of(Repointed.Kind.DEAL, deal, away.id().value(), survivor.id().value(), dealAfter),
                        Repointed.of(Repointed.Kind.ALIAS, other, away.id().value(), survivor.id().value(), 0)),
                new ActivityId(UUID.randomUUID()), Fixtures.T0, Optional.empty());
    }

    private static UndoSteps steps(ContactMerge undone) {
        return UndoSteps.of(undone, RecordType.CONTACT, ContactId::value, Contact::version);
    }

    @Test
    void of_writesEveryRecordAVersionUpFromTheOneItHasNow() {
        Contact s = fx.contact().build();
        Contact a = fx.contact().build();
        ContactMerge m = merge(s, a, 7);

        assertEquals(5, UndoSteps.survivorVersion(m));
        assertEquals(4, UndoSteps.reinstatedVersion(2)); // above its retired state at 3
        assertEquals(8, UndoSteps.putBackVersion(m.repointed().get(0)));
    }

    @Test
    void apply_anotherMergeThatRecordedAVersionFromRightBeforeTheUndoneMerge_takesTheNewVersion() {
        Contact s = fx.contact().build();
        Contact a = fx.contact().build();
        Contact x = fx.contact().build();
        ContactMerge undone = merge(s, a, 7);
        // an earlier merge in force: a was its survivor at 2 (the undone merge's snapshot), it moved the deal to 6
        ContactMerge earlier = new ContactMerge(new MergeId(UUID.randomUUID()), a.atVersion(1), 2,
                List.of(x), List.of(Repointed.of(Repointed.Kind.DEAL, deal, x.id().value(), a.id().value(), 6)),
                new ActivityId(UUID.randomUUID()), Fixtures.T0, Optional.empty());

        ContactMerge stepped = steps(undone).apply(earlier);

        assertEquals(4, stepped.survivorVersionAfter());
        assertEquals(8, stepped.repointed().get(0).versionAfter());
        assertEquals(earlier.survivorBefore(), stepped.survivorBefore());
    }

    @Test
    void apply_aMergeThatRecordedOtherVersionsOrOtherRecords_isLeftAsItIs() {
        Contact s = fx.contact().build();
        Contact a = fx.contact().build();
        Contact x = fx.contact().build();
        ContactMerge undone = merge(s, a, 7);
        // a changed after this merge recorded it (5, not 2); the deal changed too (5, not 6); x is not stepped
        ContactMerge stale = new ContactMerge(new MergeId(UUID.randomUUID()), a.atVersion(4), 5,
                List.of(x), List.of(Repointed.of(Repointed.Kind.DEAL, deal, x.id().value(), a.id().value(), 5)),
                new ActivityId(UUID.randomUUID()), Fixtures.T0, Optional.empty());
        // the same id under another kind is another record
        LeadMerge leads = new LeadMerge(new MergeId(UUID.randomUUID()), fx.lead().build(), 2,
                List.of(fx.lead().build()), List.of(Repointed.of(Repointed.Kind.TASK, deal, other, other, 6)),
                new ActivityId(UUID.randomUUID()), Fixtures.T0, Optional.empty());

        assertSame(stale, steps(undone).apply(stale));
        assertSame(leads, steps(undone).apply(leads));
    }
}
