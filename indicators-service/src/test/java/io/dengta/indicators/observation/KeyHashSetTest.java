package io.dengta.indicators.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KeyHashSetTest {

    @Test
    void behavesLikeASetUnderRandomAddsAndRemovals() {
        KeyHashSet set = new KeyHashSet();
        Set<Long> model = new HashSet<>();
        List<Long> added = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            // small values collide in the table often, large ones exercise the mixing
            long key = random.nextInt(4) == 0 ? random.nextInt(5000) : random.nextLong();
            if (random.nextInt(5) == 0 && !added.isEmpty()) {
                long victim = added.get(random.nextInt(added.size()));
                set.remove(victim);
                model.remove(victim);
            } else {
                assertEquals(model.add(key), set.add(key));
                added.add(key);
            }
            if (i % 1000 == 0) {
                for (long k : added.subList(Math.max(0, added.size() - 200), added.size())) {
                    assertEquals(model.contains(k), set.contains(k), "key " + k);
                }
            }
        }
        assertEquals(model.size(), set.size());
        for (long k : model) {
            assertTrue(set.contains(k));
        }
    }

    @Test
    void zeroIsAKeyLikeAnyOther() {
        KeyHashSet set = new KeyHashSet();
        assertFalse(set.contains(0));
        assertTrue(set.add(0));
        assertTrue(set.contains(0));
        set.remove(0);
        assertFalse(set.contains(0));
    }

    @Test
    void refusesToGrowPastItsBound() {
        KeyHashSet set = new KeyHashSet(3);
        set.add(1);
        set.add(2);
        set.add(3);
        assertTrue(set.full());
        assertFalse(set.add(2), "a key it has is still recognized");
        assertThrows(IllegalStateException.class, () -> set.add(4));
        assertEquals(3_000_000, KeyHashSet.MAX_KEYS);
    }
}
