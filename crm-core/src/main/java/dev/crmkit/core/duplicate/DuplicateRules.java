package dev.crmkit.core.duplicate;

import dev.crmkit.core.lead.Channel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Duplicate rules for contacts created by lead capture: an action per capture channel and the match probability from
 * which a stored contact counts as a suspected duplicate. Immutable.
 *
 * @param byChannel  the action for a new contact captured through a channel; channels not named use {@code otherwise}
 * @param otherwise  the action for channels not named
 * @param threshold  the match probability (0 to 1) from which a stored contact is a suspected duplicate
 */
public record DuplicateRules(Map<Channel, DuplicateAction> byChannel, DuplicateAction otherwise,
                             double threshold) {

    private static final DuplicateRules ALLOW_ALL = new DuplicateRules(Map.of(), DuplicateAction.ALLOW,
            DuplicateScan.DEFAULT_THRESHOLD);

    /** Checks and copies the parts. */
    public DuplicateRules {
        byChannel = byChannel.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byChannel));
        Objects.requireNonNull(otherwise, "otherwise");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1], was " + threshold);
        }
    }

    /** The default: every duplicate is allowed and nothing is looked up. */
    public static DuplicateRules allowAll() {
        return ALLOW_ALL;
    }

    /** One action for every channel, at the default threshold. */
    public static DuplicateRules everywhere(DuplicateAction action) {
        return new DuplicateRules(Map.of(), action, DuplicateScan.DEFAULT_THRESHOLD);
    }

    /** The same rules with another action for one capture channel. */
    public DuplicateRules withChannel(Channel channel, DuplicateAction action) {
        Map<Channel, DuplicateAction> next = new EnumMap<>(Channel.class);
        next.putAll(byChannel);
        next.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(action, "action"));
        return new DuplicateRules(next, otherwise, threshold);
    }

    /** The action for a contact captured through a channel. */
    public DuplicateAction forChannel(Channel channel) {
        return byChannel.getOrDefault(channel, otherwise);
    }
}
