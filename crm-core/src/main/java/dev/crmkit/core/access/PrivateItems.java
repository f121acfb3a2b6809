package dev.crmkit.core.access;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.kernel.UserId;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which private timeline items pass for one actor, as a predicate a store's timeline query applies: public items
 * always pass (whoever may view a record sees its public items); a private one passes when {@code all} is set (a
 * system process), when the user owns it, or when the user took part in it, named among its participants by the
 * user's id (trimmed, exactly) or by the user's e-mail address (trimmed, any case). The JDBC store matches the
 * participants through the {@code activity_participant} table, the in-memory store on the item itself, so a timeline
 * holds exactly the items that {@link AccessPolicy#timelineItem} allows. Immutable and thread-safe;
 * {@link AccessPolicy#privateItems} makes one.
 *
 * @param all   whether every private item passes
 * @param user  the user whose own and shared-in private items pass, if any
 * @param email the user's e-mail address in lower case, if known
 */
public record PrivateItems(boolean all, Optional<UserId> user, Optional<String> email) {

    /** Validates presence and lower-cases the address. */
    public PrivateItems {
        Objects.requireNonNull(user, "user");
        email = Objects.requireNonNull(email, "email").map(e -> e.trim().toLowerCase(Locale.ROOT));
    }

    /** Every item passes (a system process). */
    public static PrivateItems everything() {
        return new PrivateItems(true, Optional.empty(), Optional.empty());
    }

    /** Only public items pass. */
    public static PrivateItems none() {
        return new PrivateItems(false, Optional.empty(), Optional.empty());
    }

    /** Whether an item passes. */
    public boolean allows(Activity item) {
        if (all || item.visibility() == Visibility.PUBLIC) {
            return true;
        }
        if (user.isEmpty()) {
            return false;
        }
        if (item.owner().equals(user)) {
            return true;
        }
        for (String p : item.participants()) {
            if (byId(p).equals(user.get().value()) || email.filter(byEmail(p)::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The key under which a participant matches a user's id: the text, trimmed. */
    public static String byId(String participant) {
        return participant.trim();
    }

    /** The key under which a participant matches a user's e-mail address: the text, trimmed, in lower case. */
    public static String byEmail(String participant) {
        return participant.trim().toLowerCase(Locale.ROOT);
    }
}
