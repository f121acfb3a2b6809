package dev.crmkit.core.access;

import java.util.Objects;

/**
 * One rule that let an actor do something, with the sentence that explains it ("owner of the record", "role manager
 * is above role rep of owner bob"). Immutable and thread-safe.
 *
 * @param rule the rule
 * @param why  the explanation in words
 */
public record Grant(Rule rule, String why) {

    /** Validates presence. */
    public Grant {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(why, "why");
    }

    /** The rules that can grant. */
    public enum Rule {
        /** The actor is a system process, which may do everything. */
        SYSTEM_ACTOR,
        /** The actor owns the record and the role's scope is at least own. */
        OWNER,
        /** The owner's role reports to the actor's and the role's scope is at least own. */
        ROLE_HIERARCHY,
        /** The owner is in the actor's team or a team below it and the role's scope is at least team. */
        TEAM_SCOPE,
        /** The role's scope is everything. */
        EVERYTHING_SCOPE,
        /** The type's default access lets the owner's team (and the teams above) do it. */
        DEFAULT_TEAM,
        /** The type's default access lets everyone do it. */
        DEFAULT_PUBLIC,
        /** The record is shared with the actor. */
        USER_SHARE,
        /** The record is shared with the actor's team or a team above it. */
        TEAM_SHARE,
        /** The role holds the administrative permission. */
        ADMIN_PERMISSION,
        /** The role's field access allows it. */
        FIELD_PERMISSION,
        /** The timeline item is public: it is seen with the records it is about. */
        PUBLIC_ITEM,
        /** The actor owns the private timeline item. */
        ITEM_OWNER,
        /** The actor took part in the private timeline item. */
        ITEM_PARTICIPANT
    }
}
