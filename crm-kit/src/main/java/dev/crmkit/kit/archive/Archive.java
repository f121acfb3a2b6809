package dev.crmkit.kit.archive;

import java.util.List;
import java.util.Optional;

/**
 * The rows of one record type of a store, for export and restore only: read in the order of their keys, a page at a
 * time, and put back exactly as they were exported. Application code uses the record type's own port; the write
 * here bypasses the rules of a new record (version 0, times from the clock) on purpose, so an export restored into
 * an empty store is the store it was taken from.
 *
 * <p>The key of a record is its id as text ({@link java.util.UUID#toString()}, lower-case), or for records without
 * an id of their own the text their natural key makes (for example {@code <pipeline id>/<version padded to 19
 * digits>}); keys are ordered by {@link #compareKeys}: by Unicode code points, which is the order of their UTF-8
 * bytes and, for UUID text, the order of the UUID's bytes.
 * Implementations are thread-safe and take part in the running unit of work.
 *
 * @param <T> the record type
 */
public interface Archive<T> {

    /**
     * The records whose key comes after {@code after} (every record when it is empty), in key order, at most
     * {@code limit}. Costs what one page costs however many records are stored before it.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    List<T> after(Optional<String> after, int limit);

    /** The key of a record, as {@link #after} orders and {@link #contains} finds it. */
    String key(T record);

    /** Whether a record with this key is stored. */
    boolean contains(String key);

    /**
     * Stores a record exactly as given (its id, version and times), for restoring an export: no version check, no
     * clock, no domain events. The unique keys of the record type still hold.
     *
     * @throws IllegalArgumentException                 if a record with its key is stored already
     * @throws dev.crmkit.core.kernel.ValidationException if one of its unique keys (an e-mail, a domain) belongs to
     *                                                    another record
     */
    void restore(T record);

    /**
     * Stores records exactly as given, as {@link #restore} of each in the order given would, in the running unit of
     * work: all of them or, when one is refused, none (the unit rolls back). A store may write them set-based (one
     * JDBC batch per table); the default restores them one by one.
     *
     * @throws IllegalArgumentException                 if a record with one of their keys is stored already
     * @throws dev.crmkit.core.kernel.ValidationException if one of their unique keys belongs to another record
     */
    default void restoreAll(List<T> records) {
        for (T record : List.copyOf(records)) {
            restore(record);
        }
    }

    /**
     * The order of keys: by Unicode code points, the order of their UTF-8 bytes (a database's binary collation).
     * {@link String#compareTo} differs from it only where a character above U+FFFF meets one from U+E000 to U+FFFF.
     */
    static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Refuses a page size below 1; for implementations. */
    static int checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return limit;
    }
}
