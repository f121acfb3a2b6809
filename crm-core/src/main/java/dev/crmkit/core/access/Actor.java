package dev.crmkit.core.access;

import dev.crmkit.core.kernel.UserId;

import java.util.Objects;

/**
 * Who is acting: a user of the CRM, or a named system process (an import, the outbox relay, a scheduled job) that is
 * allowed everything and is recorded by its name. Its {@code toString()} writes {@code user:ID} or {@code system:NAME},
 * which {@link #parse(String)} reads.
 */
public sealed interface Actor permits Actor.Person, Actor.SystemProcess {

    /** A user. */
    static Actor user(UserId id) {
        return new Person(id);
    }

    /** A user by the host's id. */
    static Actor user(String id) {
        return new Person(UserId.of(id));
    }

    /** A named system process. */
    static Actor system(String name) {
        return new SystemProcess(name);
    }

    /** Reads what {@code toString()} wrote. */
    static Actor parse(String text) {
        Objects.requireNonNull(text, "actor");
        if (text.startsWith("user:")) {
            return user(text.substring(5));
        }
        if (text.startsWith("system:")) {
            return system(text.substring(7));
        }
        throw new IllegalArgumentException("an actor is 'user:ID' or 'system:NAME': " + text);
    }

    /**
     * A user of the CRM.
     *
     * @param user the user's id
     */
    record Person(UserId user) implements Actor {
        /** Validates presence. */
        public Person {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public String toString() {
            return "user:" + user;
        }
    }

    /**
     * A system process, such as {@code import}, {@code relay} or {@code retention}.
     *
     * @param name its name, not blank
     */
    record SystemProcess(String name) implements Actor {
        /** Validates the name. */
        public SystemProcess {
            TeamId.Names.check(Objects.requireNonNull(name, "name"), "systemActor");
        }

        @Override
        public String toString() {
            return "system:" + name;
        }
    }
}
