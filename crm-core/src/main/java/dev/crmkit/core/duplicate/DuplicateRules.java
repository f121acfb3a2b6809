package dev.crmkit.core.duplicate;

import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Channel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Duplicate rules: an action per record type and channel, the match probability from which a stored record counts as
 * a suspected duplicate, and how many candidates are read per check. Immutable.
 *
 * <p>The action for a record is looked up by {@link #forRecord(RecordType, Optional)}, most specific first:
 * <ol>
 *   <li>a rule for the record type and the channel ({@link #withRule(RecordType, Channel, DuplicateAction)});</li>
 *   <li>for contacts, a rule for the capture channel ({@link #withChannel}, the rules before record types existed);</li>
 *   <li>a rule for the record type ({@link #withRule(RecordType, DuplicateAction)}), also for records created or
 *       edited by hand (no channel);</li>
 *   <li>for contacts, {@code otherwise} (so {@link #everywhere} covers contacts captured and typed by hand);</li>
 *   <li>{@link DuplicateAction#ALLOW}: companies and leads are checked only where a rule names them.</li>
 * </ol>
 * Who reads which: contacts by {@link dev.crmkit.core.customer.CustomerBase} (by hand) and lead capture (through the
 * submission's channel); companies by the customer base; leads by lead capture and bulk capture, through the
 * submission's channel ({@link dev.crmkit.core.capture.CaptureOutcome#suspected()},
 * {@link dev.crmkit.core.capture.CaptureOutcome.Blocked}).
 *
 * @param byChannel      the action for a new contact captured through a channel; channels not named use
 *                       {@code otherwise}
 * @param otherwise      the action for contacts through channels not named, and for contacts by hand
 * @param threshold      the match probability (0 to 1) from which a stored record is a suspected duplicate
 * @param byType         the action per record type, for every channel not named in {@code byTypeAndChannel}
 * @param byTypeAndChannel the action per record type and channel
 * @param candidateLimit how many stored records one check reads and scores at most (1 to
 *                       {@link #MAX_CANDIDATE_LIMIT}); a check that met the bound says so
 *                       ({@link DuplicateCheck#limitReached()})
 */
public record DuplicateRules(Map<Channel, DuplicateAction> byChannel, DuplicateAction otherwise,
                             double threshold, Map<RecordType, DuplicateAction> byType,
                             Map<RecordType, Map<Channel, DuplicateAction>> byTypeAndChannel, int candidateLimit) {

    /** How many candidates a check reads by default: {@value}. */
    public static final int DEFAULT_CANDIDATE_LIMIT = 50;
    /** The largest candidate limit: {@value} (each candidate is read and scored inside the writing unit of work). */
    public static final int MAX_CANDIDATE_LIMIT = 10_000;

    private static final DuplicateRules ALLOW_ALL = new DuplicateRules(Map.of(), DuplicateAction.ALLOW,
            DuplicateScan.DEFAULT_THRESHOLD);

    /** Checks and copies the parts. */
    public DuplicateRules {
        byChannel = byChannel.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byChannel));
        Objects.requireNonNull(otherwise, "otherwise");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1], was " + threshold);
        }
        byType = byType.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byType));
        Map<RecordType, Map<Channel, DuplicateAction>> copy = new EnumMap<>(RecordType.class);
        byTypeAndChannel.forEach((type, channels) -> {
            if (!channels.isEmpty()) {
                copy.put(type, Map.copyOf(new EnumMap<>(channels)));
            }
        });
        byTypeAndChannel = Map.copyOf(copy);
        if (candidateLimit < 1 || candidateLimit > MAX_CANDIDATE_LIMIT) {
            throw new IllegalArgumentException("candidateLimit must be within 1 and " + MAX_CANDIDATE_LIMIT
                    + ", was " + candidateLimit);
        }
    }

    /** Rules for contacts only, as before record types had rules, reading {@value #DEFAULT_CANDIDATE_LIMIT} candidates. */
    public DuplicateRules(Map<Channel, DuplicateAction> byChannel, DuplicateAction otherwise, double threshold) {
        this(byChannel, otherwise, threshold, Map.of(), Map.of(), DEFAULT_CANDIDATE_LIMIT);
    }

    /** The default: every duplicate is allowed and nothing is looked up. */
    public static DuplicateRules allowAll() {
        return ALLOW_ALL;
    }

    /** One action for contacts from every channel and by hand, at the default threshold. */
    public static DuplicateRules everywhere(DuplicateAction action) {
        return new DuplicateRules(Map.of(), action, DuplicateScan.DEFAULT_THRESHOLD);
    }

    /** The same rules with another action for contacts captured through one channel. */
    public DuplicateRules withChannel(Channel channel, DuplicateAction action) {
        Map<Channel, DuplicateAction> next = new EnumMap<>(Channel.class);
        next.putAll(byChannel);
        next.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(action, "action"));
        return new DuplicateRules(next, otherwise, threshold, byType, byTypeAndChannel, candidateLimit);
    }

    /** The same rules with an action for a record type, by hand and through every channel not named for it. */
    public DuplicateRules withRule(RecordType type, DuplicateAction action) {
        Map<RecordType, DuplicateAction> next = new EnumMap<>(RecordType.class);
        next.putAll(byType);
        next.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(action, "action"));
        return new DuplicateRules(byChannel, otherwise, threshold, next, byTypeAndChannel, candidateLimit);
    }

    /** The same rules with an action for a record type coming through one channel. */
    public DuplicateRules withRule(RecordType type, Channel channel, DuplicateAction action) {
        Objects.requireNonNull(type, "type");
        Map<Channel, DuplicateAction> channels = new EnumMap<>(Channel.class);
        channels.putAll(byTypeAndChannel.getOrDefault(type, Map.of()));
        channels.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(action, "action"));
        Map<RecordType, Map<Channel, DuplicateAction>> next = new EnumMap<>(RecordType.class);
        next.putAll(byTypeAndChannel);
        next.put(type, channels);
        return new DuplicateRules(byChannel, otherwise, threshold, byType, next, candidateLimit);
    }

    /** The same rules with another threshold. */
    public DuplicateRules withThreshold(double value) {
        return new DuplicateRules(byChannel, otherwise, value, byType, byTypeAndChannel, candidateLimit);
    }

    /** The same rules reading at most {@code limit} candidates per check. */
    public DuplicateRules withCandidateLimit(int limit) {
        return new DuplicateRules(byChannel, otherwise, threshold, byType, byTypeAndChannel, limit);
    }

    /** The action for a contact captured through a channel: {@code forRecord(CONTACT, Optional.of(channel))}. */
    public DuplicateAction forChannel(Channel channel) {
        return forRecord(RecordType.CONTACT, Objects.requireNonNull(channel, "channel"));
    }

    /**
     * The action for a record of a type, created or edited through a channel, or by hand when the channel is empty
     * (the order of lookup is in the class comment).
     */
    public DuplicateAction forRecord(RecordType type, Optional<Channel> channel) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        return actionFor(type, channel.orElse(null));
    }

    /**
     * The action for a record of a type created or edited through the channel: the same as
     * {@code forRecord(type, Optional.of(channel))}, without an {@code Optional} per call (every capture asks).
     */
    public DuplicateAction forRecord(RecordType type, Channel channel) {
        return actionFor(Objects.requireNonNull(type, "type"), Objects.requireNonNull(channel, "channel"));
    }

    /** The lookup of {@link #forRecord}; {@code channel} null for a record made by hand. */
    private DuplicateAction actionFor(RecordType type, Channel channel) {
        if (channel != null) {
            DuplicateAction exact = byTypeAndChannel.getOrDefault(type, Map.of()).get(channel);
            if (exact != null) {
                return exact;
            }
            if (type == RecordType.CONTACT && byChannel.containsKey(channel)) {
                return byChannel.get(channel);
            }
        }
        DuplicateAction forType = byType.get(type);
        if (forType != null) {
            return forType;
        }
        return type == RecordType.CONTACT ? otherwise : DuplicateAction.ALLOW;
    }
}
