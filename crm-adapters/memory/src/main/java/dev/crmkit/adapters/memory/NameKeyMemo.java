package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.duplicate.NameKeys;

import java.util.Objects;
import java.util.function.Function;

/**
 * The name key and nickname key ({@link NameKeys}) of the last name asked, each worked out once: one capture stores a
 * contact and a lead of the same name, and both tables index its keys (issue 17: the keys were about 8% of capture in
 * memory, worked out twice). One memo belongs to one unit of work ({@link InMemoryTransactions#nameKeys}) and goes
 * with it, so a person's name stays in memory no longer than the unit that wrote it: never in a static or
 * store-wide field, so an erasure really erases. Not thread-safe: a unit of work runs on one thread.
 */
final class NameKeyMemo {

    private final Function<PersonName, String> nameKey;
    private final Function<PersonName, String> nicknameKey;
    private PersonName name;
    private String key;
    private String nickname;

    /** A memo of {@link NameKeys#nameKey} and {@link NameKeys#nicknameKey}. */
    NameKeyMemo() {
        this(NameKeys::nameKey, NameKeys::nicknameKey);
    }

    /** A memo of the two key functions given (for tests that count their calls). */
    NameKeyMemo(Function<PersonName, String> nameKey, Function<PersonName, String> nicknameKey) {
        this.nameKey = Objects.requireNonNull(nameKey, "nameKey");
        this.nicknameKey = Objects.requireNonNull(nicknameKey, "nicknameKey");
    }

    /** {@link NameKeys#nameKey} of the name. */
    String nameKey(PersonName name) {
        at(name);
        if (key == null) {
            key = nameKey.apply(name);
        }
        return key;
    }

    /** {@link NameKeys#nicknameKey} of the name. */
    String nicknameKey(PersonName name) {
        at(name);
        if (nickname == null) {
            nickname = nicknameKey.apply(name);
        }
        return nickname;
    }

    /** Forgets the keys of the name before unless it equals this one. */
    private void at(PersonName asked) {
        if (!asked.equals(name)) {
            name = asked;
            key = null;
            nickname = null;
        }
    }
}
