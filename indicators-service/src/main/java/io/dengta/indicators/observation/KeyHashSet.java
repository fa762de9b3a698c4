package io.dengta.indicators.observation;

/**
 * A set of 64-bit key hashes in one {@code long[]} (open addressing, linear probing), to remember which
 * natural keys an import has seen without memory growing with the key strings: 8 bytes per slot, the
 * table kept at most 3/4 full, so about 11–21 bytes per key (a million keys: 16 MB). It refuses to grow
 * past {@value #MAX_KEYS} keys (a 32 MB table). A hash names a key up to a 64-bit collision: two
 * different keys of one import collide with probability about n²/2⁶⁵ (3·10⁻⁸ for a million rows).
 */
final class KeyHashSet {

    static final int MAX_KEYS = 3_000_000;
    private static final int MAX_CAPACITY = 1 << 22;
    private static final long EMPTY = 0L;

    private long[] table;
    /** 0 marks an empty slot, so the key 0 is kept apart. */
    private boolean hasZero;
    private int size;
    private final int maxKeys;

    KeyHashSet() {
        this(MAX_KEYS);
    }

    KeyHashSet(int maxKeys) {
        this.maxKeys = maxKeys;
        this.table = new long[1024];
    }

    int size() {
        return size;
    }

    boolean full() {
        return size >= maxKeys;
    }

    boolean contains(long hash) {
        if (hash == EMPTY) {
            return hasZero;
        }
        long h = hash;
        int mask = table.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            long k = table[i];
            if (k == EMPTY) {
                return false;
            }
            if (k == h) {
                return true;
            }
        }
    }

    /**
     * Adds {@code hash}; false when it was there already.
     *
     * @throws IllegalStateException when the set holds {@link #MAX_KEYS} keys already (check {@link #full()})
     */
    boolean add(long hash) {
        if (contains(hash)) {
            return false;
        }
        if (full()) {
            throw new IllegalStateException("the set holds " + maxKeys + " keys");
        }
        size++;
        if (hash == EMPTY) {
            hasZero = true;
            return true;
        }
        long h = hash;
        if (size * 4L > table.length * 3L && table.length < MAX_CAPACITY) {
            grow();
        }
        insert(table, h);
        return true;
    }

    /** Removes {@code hash} if present (backward-shift deletion: no tombstones). */
    void remove(long hash) {
        if (hash == EMPTY) {
            if (hasZero) {
                hasZero = false;
                size--;
            }
            return;
        }
        long h = hash;
        int mask = table.length - 1;
        int i = slot(h, mask);
        while (table[i] != h) {
            if (table[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(table[j], mask);
            // the entry at j may fill the hole unless its home lies cyclically in (hole, j]
            boolean homeBetween = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!homeBetween) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = EMPTY;
        size--;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long k : table) {
            if (k != EMPTY) {
                insert(bigger, k);
            }
        }
        table = bigger;
    }

    private static void insert(long[] into, long h) {
        int mask = into.length - 1;
        int i = slot(h, mask);
        while (into[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        into[i] = h;
    }

    private static int slot(long h, int mask) {
        long mixed = h * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & mask;
    }
}
