package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.UserId;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which timeline entries to show: some types or all, and as seen by whom (private entries show to their owner only).
 *
 * @param types  the types to show; empty shows every type
 * @param viewer who is looking; empty sees public entries only
 */
public record TimelineFilter(Set<ActivityType> types, Optional<UserId> viewer) {

    private static final TimelineFilter PUBLIC = new TimelineFilter(Set.of(), Optional.empty());

    /** Copies the types. */
    public TimelineFilter {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        Objects.requireNonNull(viewer, "viewer");
    }

    /** Every type, public entries only. */
    public static TimelineFilter everything() {
        return PUBLIC;
    }

    /** Every type, as the user sees it. */
    public static TimelineFilter seenBy(UserId viewer) {
        return new TimelineFilter(Set.of(), Optional.of(viewer));
    }

    /** The same filter restricted to these types. */
    public TimelineFilter ofTypes(ActivityType first, ActivityType... more) {
        return new TimelineFilter(EnumSet.of(first, more), viewer);
    }

    /** Whether the entry passes the filter. */
    public boolean accepts(Activity activity) {
        return (types.isEmpty() || types.contains(activity.type())) && activity.visibleTo(viewer);
    }
}
