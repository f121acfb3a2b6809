package dev.crmkit.core.access;

import java.util.Objects;

/**
 * The port through which the host says who is acting now and through what: a web host answers from its session, a
 * job from its own name. Called once per unit of work that records an audit entry, on the calling thread, so an
 * implementation may read a thread-bound request context.
 */
public interface CurrentActor {

    /** Who is acting. */
    Actor actor();

    /** Through what; {@link Origin#API} unless the implementation says otherwise. */
    default Origin origin() {
        return Origin.API;
    }

    /** Always the same actor and origin. */
    static CurrentActor fixed(Actor actor, Origin origin) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(origin, "origin");
        return new CurrentActor() {
            @Override
            public Actor actor() {
                return actor;
            }

            @Override
            public Origin origin() {
                return origin;
            }
        };
    }

    /** The default of a host that names nobody: the system actor {@code host} through the API. */
    static CurrentActor unnamedHost() {
        return fixed(Actor.system("host"), Origin.API);
    }
}
