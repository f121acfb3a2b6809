package dev.crmkit.adapters.memory;

/**
 * The highest {@link OrderKey} ever put into one or more {@link OrderIndex}es (a table's creation order, or every
 * index of one group): an upper bound of every key they hold, since removals only take keys away. A new row of a
 * table gets the next insertion number, so when its time is no earlier than the highest one's it is above every
 * member, and {@link OrderIndex#putAbove} appends it without reading the last member's key (for an index with a key
 * function, that read is a look into another row). Not thread-safe: one writer at a time, which {@link Table}
 * ensures (the store's write lock, or a lazy group's build into a high water no other thread sees yet).
 */
final class HighWater {

    private OrderKey highest;

    /** Whether the key is above every key seen so far; if so it becomes the highest. */
    boolean raise(OrderKey key) {
        if (highest != null && key.compareTo(highest) <= 0) {
            return false;
        }
        highest = key;
        return true;
    }
}
