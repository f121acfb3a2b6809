package dev.crmkit.core.kernel;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page to read: a size and, after the first page, the cursor the previous page returned.
 *
 * @param size  items per page, 1 to {@value #MAX_SIZE}
 * @param after the cursor of the previous page, empty for the first page
 */
public record PageRequest(int size, Optional<String> after) {

    /** The largest page size. */
    public static final int MAX_SIZE = 1000;

    /** Validates the size. */
    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_SIZE + ": " + size);
        }
        Objects.requireNonNull(after, "after");
    }

    /** The first page of the given size. */
    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }

    /** The page after the given cursor. */
    public static PageRequest after(String cursor, int size) {
        return new PageRequest(size, Optional.of(Objects.requireNonNull(cursor, "cursor")));
    }

    /** The request for the page that follows the given one, if it has a next page. */
    public Optional<PageRequest> next(Page<?> page) {
        return page.next().map(cursor -> after(cursor, size));
    }
}
