package dev.crmkit.adapters.memory;

import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * A unique index that keeps no key objects: each mapping is the key's hash and its owner's id, side by side in two
 * arrays probed linearly (about 8 to 16 bytes per key with the free slots). A look-up checks each owner with the
 * key's hash against the owner's stored row ({@code holds}), so the keys live only inside the rows, in whatever
 * compact form those are kept (the packed contacts: their e-mails and phones as bytes).
 *
 * <p>The index is a multiset of (hash, id) pairs: every {@link #add} is undone by one {@link #remove} of the same key
 * and id, as {@link Table} moves a row's keys from one state to the next; a pair whose row no longer holds the key
 * (between the two steps of a move) is never returned, because {@code holds} is asked. Not thread-safe: guarded by the
 * store's lock.
 *
 * @param <I> the id type
 */
final class HashedOwners<I> {

    private static final int MIN_CAPACITY = 8;

    /** Whether the stored row with the id holds the key. */
    private final BiPredicate<I, Object> holds;
    private int[] hashes = new int[MIN_CAPACITY];
    /** The owner of each slot, or null for a free slot. */
    private Object[] ids = new Object[MIN_CAPACITY];
    private int size;

    HashedOwners(BiPredicate<I, Object> holds) {
        this.holds = Objects.requireNonNull(holds, "holds");
    }

    int size() {
        return size;
    }

    /** The id of the row that holds the key, or null. */
    @SuppressWarnings("unchecked")
    I get(Object key) {
        int hash = key.hashCode();
        int mask = ids.length - 1;
        for (int i = home(hash, mask); ids[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && holds.test((I) ids[i], key)) {
                return (I) ids[i];
            }
        }
        return null;
    }

    /** Records that the row with the id holds the key. */
    void add(Object key, I id) {
        Objects.requireNonNull(id, "id");
        int hash = key.hashCode();
        int mask = ids.length - 1;
        int i = home(hash, mask);
        while (ids[i] != null) {
            i = (i + 1) & mask;
        }
        hashes[i] = hash;
        ids[i] = id;
        if (++size > ids.length / 4 * 3) {
            resize(2 * ids.length);
        }
    }

    /** Takes back one {@link #add} of the key for the id; whether there was one. */
    boolean remove(Object key, I id) {
        int hash = key.hashCode();
        int mask = ids.length - 1;
        int i = home(hash, mask);
        for (; ; i = (i + 1) & mask) {
            if (ids[i] == null) {
                return false;
            }
            if (hashes[i] == hash && ids[i].equals(id)) {
                break;
            }
        }
        // backward shift, as in CompactMap: later members of the probe run move into the hole
        int hole = i;
        for (int j = (hole + 1) & mask; ids[j] != null; j = (j + 1) & mask) {
            int home = home(hashes[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                hashes[hole] = hashes[j];
                ids[hole] = ids[j];
                hole = j;
            }
        }
        ids[hole] = null;
        hashes[hole] = 0;
        size--;
        if (ids.length > MIN_CAPACITY && size < ids.length / 8) {
            resize(ids.length / 2); // give memory back after mass removals
        }
        return true;
    }

    private static int home(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void resize(int capacity) {
        int[] oldHashes = hashes;
        Object[] oldIds = ids;
        hashes = new int[capacity];
        ids = new Object[capacity];
        int mask = capacity - 1;
        for (int s = 0; s < oldIds.length; s++) {
            if (oldIds[s] != null) {
                int i = home(oldHashes[s], mask);
                while (ids[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[s];
                ids[i] = oldIds[s];
            }
        }
    }
}
