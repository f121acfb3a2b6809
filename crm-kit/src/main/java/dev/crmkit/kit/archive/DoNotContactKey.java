package dev.crmkit.kit.archive;

import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.DoNotContact;

import java.time.Instant;
import java.util.Objects;

/**
 * The archive key of a crm-campaigns {@link DoNotContact} entry: the contact id, the character U+0001, the channel,
 * {@code /}, the reason, {@code /}, and the time in epoch milliseconds as 20 digits that sort as the times do (the
 * millisecond is what the JDBC store keeps). Loaded only with crm-campaigns on the class path.
 */
public final class DoNotContactKey {

    private static final int DIGITS = 20;

    private DoNotContactKey() {
    }

    /** The key of an entry. */
    public static String of(DoNotContact entry) {
        Objects.requireNonNull(entry, "entry");
        String millis = Long.toUnsignedString(entry.at().toEpochMilli() ^ Long.MIN_VALUE);
        return entry.contactId() + "\u0001" + entry.channel().name() + "/" + entry.reason().name() + "/"
                + "0".repeat(DIGITS - millis.length()) + millis;
    }

    /**
     * The parts of a key, as an entry with an empty source.
     *
     * @throws IllegalArgumentException if it is not a key of a do-not-contact entry
     */
    public static DoNotContact parse(String key) {
        Objects.requireNonNull(key, "key");
        int cut = key.lastIndexOf('\u0001');
        String[] rest = cut < 0 ? new String[0] : key.substring(cut + 1).split("/", -1);
        if (rest.length != 3 || rest[2].length() != DIGITS) {
            throw new IllegalArgumentException("not an archive key of a do-not-contact entry: '" + key + "'");
        }
        try {
            long millis = Long.parseUnsignedLong(rest[2]) ^ Long.MIN_VALUE;
            return new DoNotContact(key.substring(0, cut), ChannelKind.valueOf(rest[0]),
                    DoNotContact.Reason.valueOf(rest[1]), "", Instant.ofEpochMilli(millis));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an archive key of a do-not-contact entry: '" + key + "'", e);
        }
    }
}
