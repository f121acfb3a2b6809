package dev.crmkit.adapters.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Statement texts composed of other texts (a unit's checked statements, its last insert and its {@code COMMIT}; the
 * one-statement inserts of {@link Jdbc#insertAsOne}), kept by what they are made of, so that a move or an assignment
 * does not build kilobytes of the same text again for every unit. The same text instance each time also lets the
 * driver find its parsed and server-prepared statement without hashing the text anew. Holds at most {@value #MAX}
 * texts, give or take the few threads that race at the bound (the shapes are few: a statement's parts and row
 * counts); beyond that a text is built and not kept.
 * Thread-safe.
 */
final class SqlTexts {

    /** The most texts kept. */
    static final int MAX = 512;

    private final Map<Object, String> texts = new ConcurrentHashMap<>();

    /**
     * The text of {@code key}, made once by {@code make} while fewer than {@link #MAX} texts are kept.
     *
     * @param key  what the text is made of, with value equality (a record of its parts)
     * @param make builds the text from the key's parts
     */
    String text(Object key, Supplier<String> make) {
        String text = texts.get(key);
        if (text != null) {
            return text;
        }
        text = make.get();
        if (texts.size() < MAX) {
            String kept = texts.putIfAbsent(key, text);
            return kept != null ? kept : text;
        }
        return text;
    }

    /** How many texts are kept. */
    int size() {
        return texts.size();
    }
}
