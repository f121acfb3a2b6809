package dev.crmkit.core.duplicate;

import dev.crmkit.core.contact.PersonName;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The phonetic keys a store keeps of a contact's name, so that the candidates of a duplicate rule are one index
 * lookup and still found with a typo in both names: the matcher's blocking keys of a name. The name key is the
 * Double Metaphone code of the family name with the given name's initial ({@code "SM0|k"} for Kathy Smyth and for
 * Katherine Smith); a name is looked up by its own key and by the key of its swapped name, so "Smith Katherine" finds
 * "Katherine Smith", and by the keys with the initials that sound alike at the start of a given name (the first sound
 * of its Double Metaphone code: K for c, k, q; S for c, s, z; J for g, j; F for f, ph; i and y), so "Cathy Smith"
 * finds "Kathy Smith" and "Sindy Baker" finds "Cindy Baker" although neither initial nor nickname link them. The
 * nickname key is the given name's group in the bundled nickname list with the family name's
 * code ({@code "#12|SM0"} for Bill Smith and William Smith). Both are empty when the given or the family name is.
 * Stateless and thread-safe.
 */
public final class NameKeys {

    /** The longest key: what the stores' key columns hold. */
    public static final int MAX_LENGTH = 200;
    /** The most name keys {@link #nameKeysToFind} gives for one name: 3 alike initials for each order of the name. */
    public static final int MAX_KEYS_TO_FIND = 6;

    private NameKeys() {
    }

    /** The name key of a name; empty when the given or the family name is empty. */
    public static String nameKey(PersonName name) {
        Objects.requireNonNull(name, "name");
        return key(Normalize.name(name.first()), Normalize.name(name.last()));
    }

    /** The nickname key of a name; empty when the given or the family name is empty. */
    public static String nicknameKey(PersonName name) {
        Objects.requireNonNull(name, "name");
        String first = Normalize.name(name.first());
        String lastSound = Prepared.sound(Normalize.name(name.last()));
        if (first.isEmpty() || lastSound.isEmpty()) {
            return "";
        }
        return nickname(first, lastSound);
    }

    /**
     * The name key and the nickname key of a name together, each equal to what {@link #nameKey} and
     * {@link #nicknameKey} give, with the name normalized and the family name's sound worked out once for both (a
     * store that indexes both keys of every contact would otherwise do that work twice).
     */
    public static Keys keysOf(PersonName name) {
        Objects.requireNonNull(name, "name");
        String first = Normalize.name(name.first());
        String lastSound = Prepared.sound(Normalize.name(name.last()));
        if (first.isEmpty() || lastSound.isEmpty()) {
            return Keys.NONE;
        }
        return new Keys(soundKey(lastSound, first), nickname(first, lastSound));
    }

    /**
     * The two keys a store keeps of a name. Immutable and thread-safe.
     *
     * @param nameKey     the {@link NameKeys#nameKey name key}, empty when the given or the family name is empty
     * @param nicknameKey the {@link NameKeys#nicknameKey nickname key}, empty when the given or the family name is
     */
    public record Keys(String nameKey, String nicknameKey) {
        private static final Keys NONE = new Keys("", "");

        /** Checks that both keys are given (empty for none). */
        public Keys {
            Objects.requireNonNull(nameKey, "nameKey");
            Objects.requireNonNull(nicknameKey, "nicknameKey");
        }
    }

    private static String nickname(String first, String lastSound) {
        return bounded(NameVariants.bundled().canonicalKey(first) + "|" + lastSound);
    }

    /**
     * The name keys to look a name up by, its own key first: its own and its swapped name's, each also with the
     * initials that sound alike, without empty ones; none for a part name; at most {@link #MAX_KEYS_TO_FIND}.
     */
    public static List<String> nameKeysToFind(PersonName name) {
        Objects.requireNonNull(name, "name");
        String first = Normalize.name(name.first());
        String last = Normalize.name(name.last());
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key(first, last));
        keys.add(key(last, first));
        alikeKeys(first, last, keys);
        alikeKeys(last, first, keys);
        keys.remove("");
        return List.copyOf(keys);
    }

    /** The key of {@code first last} with each other initial that sounds like {@code first}'s. */
    private static void alikeKeys(String first, String last, Set<String> keys) {
        String key = key(first, last);
        if (key.isEmpty()) {
            return;
        }
        String prefix = key.substring(0, key.length() - 1);
        char initial = first.charAt(0);
        for (char alike : alikeInitials(first).toCharArray()) {
            if (alike != initial) {
                keys.add(bounded(prefix + alike));
            }
        }
    }

    /** The initials that sound like the start of a (normalized, lower-case) given name, itself included. */
    static String alikeInitials(String first) {
        String code = Prepared.sound(first.split(" ")[0]);
        char initial = first.charAt(0);
        char sound = code.isEmpty() ? ' ' : code.charAt(0);
        String group = switch (sound) {
            case 'K' -> "ckq";
            case 'S' -> "csz";
            case 'J' -> "gj";
            case 'F' -> "fp";
            case 'A' -> "iy";
            default -> "";
        };
        return group.indexOf(initial) >= 0 ? group : String.valueOf(initial);
    }

    private static String key(String first, String last) {
        String lastSound = Prepared.sound(last);
        if (first.isEmpty() || lastSound.isEmpty()) {
            return "";
        }
        return soundKey(lastSound, first);
    }

    /** The name key of a family name's (non-empty) sound and a (non-empty, normalized) given name. */
    private static String soundKey(String lastSound, String first) {
        return bounded(lastSound + "|" + first.charAt(0));
    }

    private static String bounded(String key) {
        return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
    }
}
