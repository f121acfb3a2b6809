package dev.crmkit.core.assignment;

import dev.crmkit.core.kernel.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** The built-in {@link MemberFilter}s. */
public final class MemberFilters {

    private MemberFilters() {
    }

    /** Removes members who are away (on leave, out sick, off shift) by the host's own calendar. */
    public static MemberFilter away(Predicate<UserId> isAway) {
        Objects.requireNonNull(isAway, "isAway");
        return new Unrationed() {
            @Override
            public String name() {
                return "away";
            }

            @Override
            public Optional<String> skip(Member member, PolicyContext context) {
                return isAway.test(member.user()) ? Optional.of(member.user() + " is away") : Optional.empty();
            }
        };
    }

    /**
     * Removes members whose {@link DailyQuota daily quota} of the day is used up, and uses one unit of the picked
     * member's quota through {@link AssignmentState#tryConsume}, so nobody exceeds theirs even when several nodes
     * decide at once. Members without a monthly capacity are never removed.
     */
    public static MemberFilter capacity() {
        return new MemberFilter() {
            @Override
            public String name() {
                return "capacity";
            }

            @Override
            public Optional<String> skip(Member member, PolicyContext context) {
                if (member.monthlyCapacity().isEmpty()) {
                    return Optional.empty();
                }
                int quota = quota(member, context);
                int used = context.state().used(member.user().value(), context.day());
                return used >= quota ? Optional.of(member.user() + " has used " + used + " of a daily quota of "
                        + quota + " on " + context.day()) : Optional.empty();
            }

            @Override
            public boolean reserve(Member member, PolicyContext context) {
                return member.monthlyCapacity().isEmpty()
                        || context.state().tryConsume(member.user().value(), context.day(), quota(member, context));
            }

            @Override
            public void release(Member member, PolicyContext context) {
                if (member.monthlyCapacity().isPresent()) {
                    context.state().release(member.user().value(), context.day());
                }
            }
        };
    }

    private static int quota(Member member, PolicyContext context) {
        return DailyQuota.of(member.monthlyCapacity().getAsInt(), context.day());
    }

    /**
     * A filter that rations nothing: its {@link MemberFilter#reserve} always succeeds and its release does nothing, so
     * a decision through it needs no reservation once a member is picked.
     */
    interface Unrationed extends MemberFilter {
    }
}
