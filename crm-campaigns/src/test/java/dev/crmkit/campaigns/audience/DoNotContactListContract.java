package dev.crmkit.campaigns.audience;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract every {@link DoNotContactList} store passes; subclasses give a fresh, empty store per test. */
public abstract class DoNotContactListContract {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");

    /** A fresh, empty store. */
    protected abstract DoNotContactList store();

    @Test
    void add_keepsSourceAndTime_oldestFirst_andTheSameEntryOnce() {
        DoNotContactList list = store();
        DoNotContact bounce = new DoNotContact("c1", ChannelKind.EMAIL, DoNotContact.Reason.BOUNCED, "smtp 550 "
                + "mailbox unknown", T2);
        DoNotContact unsubscribe = new DoNotContact("c1", ChannelKind.SMS, DoNotContact.Reason.UNSUBSCRIBED,
                "STOP reply", T1);

        list.add(bounce);
        list.add(unsubscribe);
        list.add(bounce);
        list.add(new DoNotContact("c2", ChannelKind.EMAIL, DoNotContact.Reason.MANUAL, "", T1));

        assertEquals(List.of(unsubscribe, bounce), list.of("c1"));
        assertEquals(List.of(), list.of("nobody"));
    }

    @Test
    void lift_removesOnlyThatChannelAndReason() {
        DoNotContactList list = store();
        list.add(new DoNotContact("c1", ChannelKind.EMAIL, DoNotContact.Reason.UNSUBSCRIBED, "link", T1));
        list.add(new DoNotContact("c1", ChannelKind.EMAIL, DoNotContact.Reason.UNSUBSCRIBED, "link again", T2));
        DoNotContact bounce = new DoNotContact("c1", ChannelKind.EMAIL, DoNotContact.Reason.BOUNCED, "", T2);
        list.add(bounce);

        assertEquals(2, list.lift("c1", ChannelKind.EMAIL, DoNotContact.Reason.UNSUBSCRIBED));
        assertEquals(List.of(bounce), list.of("c1"));
        assertEquals(0, list.lift("c1", ChannelKind.SMS, DoNotContact.Reason.BOUNCED));
    }
}
