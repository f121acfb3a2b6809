package dev.crmkit.examples.cli;

import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Walks every page of a paged finder of a store, for the commands that read a whole store. */
public final class Pages {

    /** Items per page. */
    private static final int SIZE = 1000;

    private Pages() {
    }

    /** Applies {@code action} to every item the finder lists, page after page. */
    public static <T> void forEach(Function<PageRequest, Page<T>> finder, Consumer<T> action) {
        PageRequest request = PageRequest.first(SIZE);
        while (true) {
            Page<T> page = finder.apply(request);
            page.items().forEach(action);
            Optional<PageRequest> next = request.next(page);
            if (next.isEmpty()) {
                return;
            }
            request = next.get();
        }
    }
}
