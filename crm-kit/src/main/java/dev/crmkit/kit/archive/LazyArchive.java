package dev.crmkit.kit.archive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An archive made on first use: how a store offers the archives of an optional module (crm-campaigns) without
 * loading any of its classes until an export or a restore reads them. Thread-safe.
 *
 * @param <T> the record type
 */
public final class LazyArchive<T> implements Archive<T> {

    private final Supplier<Archive<T>> make;
    private volatile Archive<T> made;

    private LazyArchive(Supplier<Archive<T>> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    /** The archive that {@code make} makes, made when it is first used. */
    public static <T> Archive<T> of(Supplier<Archive<T>> make) {
        return new LazyArchive<>(make);
    }

    private Archive<T> archive() {
        Archive<T> a = made;
        if (a == null) {
            synchronized (this) {
                if (made == null) {
                    made = Objects.requireNonNull(make.get(), "archive");
                }
                a = made;
            }
        }
        return a;
    }

    @Override
    public List<T> after(Optional<String> after, int limit) {
        return archive().after(after, limit);
    }

    @Override
    public String key(T record) {
        return archive().key(record);
    }

    @Override
    public boolean contains(String key) {
        return archive().contains(key);
    }

    @Override
    public void restore(T record) {
        archive().restore(record);
    }
}
