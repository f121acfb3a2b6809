package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;

import java.util.Objects;
import java.util.function.Function;

/**
 * The name key and nickname key ({@link NameKeys}) of the last name asked, worked out once and together: one capture
 * stores a contact and a lead of the same name, and both tables index both keys (issue 17: the keys were about 8% of
 * capture in memory, worked out twice per table; then each key on its own, normalizing the name and sounding out the
 * family name once per key). One memo belongs to one unit of work ({@link InMemoryTransactions#nameKeys}) and goes
 * with it, so a person's name stays in memory no longer than the unit that wrote it: never in a static or
 * store-wide field, so an erasure really erases. Not thread-safe: a unit of work runs on one thread.
 */
final class NameKeyMemo {

    private final Function<PersonName, NameKeys.Keys> keysOf;
    private PersonName name;
    private NameKeys.Keys keys;

    /** A memo of {@link NameKeys#keysOf}. */
    NameKeyMemo() {
        this(NameKeys::keysOf);
    }

    /** A memo of the key function given (for tests that count its calls). */
    NameKeyMemo(Function<PersonName, NameKeys.Keys> keysOf) {
        this.keysOf = Objects.requireNonNull(keysOf, "keysOf");
    }

    /** {@link NameKeys#nameKey} of the name. */
    String nameKey(PersonName name) {
        return keys(name).nameKey();
    }

    /** {@link NameKeys#nicknameKey} of the name. */
    String nicknameKey(PersonName name) {
        return keys(name).nicknameKey();
    }

    /** Both keys of the name: those of the name before when it equals this one, else worked out afresh. */
    private NameKeys.Keys keys(PersonName asked) {
        if (keys == null || !asked.equals(name)) {
            keys = keysOf.apply(asked);
            name = asked;
        }
        return keys;
    }
}
