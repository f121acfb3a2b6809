package dev.crmkit.campaigns.audience;

import java.util.List;

/**
 * The stored do-not-contact entries of every contact (adapters: {@code InMemoryDoNotContactList},
 * {@code JdbcDoNotContactList}). Entries are kept with their source and time; lifting removes them (a contact that
 * subscribes again). Implementations are thread-safe.
 */
public interface DoNotContactList {

    /** Records an entry; the same entry (contact, channel, reason and time) twice is kept once. */
    void add(DoNotContact entry);

    /** The entries of a contact, oldest first, then by channel and reason. */
    List<DoNotContact> of(String contactId);

    /** Removes the contact's entries of a channel and reason; how many there were. */
    int lift(String contactId, ChannelKind channel, DoNotContact.Reason reason);
}
