package dev.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes candidate pairs from several cheap keys, so that the scan compares only records that share one: the
 * sound of a name with the birth year, the e-mail local part, the last seven digits of the phone, the postal code
 * with the sound of a name, the house number with the sound of the street, the birthday with a name's first sound,
 * each identifier, and the nickname group of the first name with the sound of the last. A name's keys are made for
 * first and last name alike, so swapped names still meet. A block larger than {@link #MAX_BLOCK} records is skipped
 * (counted in {@link Result#skippedBlocks()}): it says too little to be worth its quadratic cost, and the other keys
 * still bring its real pairs together. Memory and time grow about linearly with the number of records.
 */
final class Blocking {

    /** The largest block whose pairs are compared. */
    static final int MAX_BLOCK = 40;
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private Blocking() {
    }

    /**
     * The candidate pairs: sorted, unique, each {@code (long) i << 32 | j} with {@code i < j} indexes into the list.
     *
     * @param pairs         the pairs
     * @param blocks        the number of blocks of two or more records
     * @param skippedBlocks the number of blocks larger than {@link #MAX_BLOCK}, not compared
     */
    record Result(long[] pairs, int blocks, int skippedBlocks) {
    }

    static Result candidatePairs(List<Prepared> records) {
        if (records.size() > INDEX_MASK) {
            throw new IllegalArgumentException("at most " + INDEX_MASK + " records can be scanned at once");
        }
        long[] entries = new long[Math.max(16, records.size() * 12)];
        int size = 0;
        for (int i = 0; i < records.size(); i++) {
            for (String key : keys(records.get(i))) {
                if (size == entries.length) {
                    entries = Arrays.copyOf(entries, size * 2);
                }
                entries[size++] = (hash(key) << INDEX_BITS) | i;
            }
        }
        Arrays.sort(entries, 0, size);
        LongList pairs = new LongList();
        int blocks = 0;
        int skipped = 0;
        for (int start = 0; start < size; ) {
            long key = entries[start] >>> INDEX_BITS;
            int end = start + 1;
            while (end < size && entries[end] >>> INDEX_BITS == key) {
                end++;
            }
            if (end - start > MAX_BLOCK) {
                skipped++;
            } else if (end - start > 1) {
                blocks++;
                for (int x = start; x < end; x++) {
                    for (int y = x + 1; y < end; y++) {
                        long a = entries[x] & INDEX_MASK;
                        long b = entries[y] & INDEX_MASK;
                        if (a != b) {
                            pairs.add(Math.min(a, b) << 32 | Math.max(a, b));
                        }
                    }
                }
            }
            start = end;
        }
        return new Result(pairs.sortedUnique(), blocks, skipped);
    }

    /** The blocking keys of a record, each prefixed by its kind. */
    static List<String> keys(Prepared p) {
        List<String> keys = new ArrayList<>(14);
        String year = p.birthYear();
        String[] sounds = {p.firstSound, p.lastSound};
        for (String sound : sounds) {
            if (sound.isEmpty()) {
                continue;
            }
            if (!year.isEmpty()) {
                keys.add("ny|" + sound + "|" + year);
            }
            if (!p.postal.isEmpty()) {
                keys.add("zn|" + p.postal + "|" + sound);
            }
            if (p.birthdayDigits.length() >= 6) {
                keys.add("bn|" + p.birthdayDigits + "|" + sound.charAt(0));
            }
            if (!p.city.isEmpty()) {
                keys.add("cn|" + p.city + "|" + sound);
            }
        }
        if (!p.first.isEmpty() && !p.lastSound.isEmpty()) {
            keys.add("li|" + p.lastSound + "|" + p.first.charAt(0));
        }
        if (!p.last.isEmpty() && !p.firstSound.isEmpty()) {
            keys.add("li|" + p.firstSound + "|" + p.last.charAt(0));
        }
        if (!p.first.isEmpty() && !p.lastSound.isEmpty()) {
            keys.add("fl|" + NameVariants.bundled().canonicalKey(p.first) + "|" + p.lastSound);
        }
        if (p.emailLocal.length() >= 3) {
            keys.add("e|" + p.emailLocal);
        }
        if (p.phoneNational.length() >= 7) {
            keys.add("p|" + p.phoneNational.substring(p.phoneNational.length() - 7));
        }
        if (!p.streetNumber.isEmpty() && !p.streetName.isEmpty()) {
            keys.add("s|" + p.streetNumber + "|" + Prepared.sound(p.streetName));
        }
        p.identifiers.forEach((kind, value) -> keys.add("i|" + kind + "|" + value));
        if (!p.company.isEmpty()) {
            keys.add("c|" + Prepared.sound(p.company));
            if (!p.companyAcronym.isEmpty()) {
                keys.add("c|" + Prepared.sound(p.companyAcronym));
            }
        }
        return keys;
    }

    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h ^ (h >>> 29)) & ((1L << (64 - INDEX_BITS)) - 1);
    }

    /** A growable array of longs. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] sortedUnique() {
            Arrays.sort(values, 0, size);
            int out = 0;
            for (int i = 0; i < size; i++) {
                if (out == 0 || values[out - 1] != values[i]) {
                    values[out++] = values[i];
                }
            }
            return Arrays.copyOf(values, out);
        }
    }
}
