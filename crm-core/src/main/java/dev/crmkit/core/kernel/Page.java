package dev.crmkit.core.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list, with the cursor of the next page when there is one (keyset paging: a cursor names the last
 * item seen, so a page deep into a long list is as cheap as the first).
 *
 * @param items the items of this page, never {@code null}
 * @param next  the cursor to pass to {@link PageRequest#after(String, int)} for the next page, empty on the last
 * @param <T>   the item type
 */
public record Page<T>(List<T> items, Optional<String> next) {

    /** Creates a page; the list is copied. */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /** A last page holding these items. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    /** Whether there is a next page. */
    public boolean hasNext() {
        return next.isPresent();
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }
}
