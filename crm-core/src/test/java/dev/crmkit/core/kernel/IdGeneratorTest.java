package dev.crmkit.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdGeneratorTest {

    private static List<UUID> take(IdGenerator ids, int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ids.next());
        }
        return out;
    }

    @Test
    void seeded_sameSeedGivesSameSequence() {
        assertEquals(take(IdGenerator.seeded(42), 100), take(IdGenerator.seeded(42), 100));
    }

    @Test
    void seeded_otherSeedGivesOtherSequence() {
        assertNotEquals(take(IdGenerator.seeded(42), 10), take(IdGenerator.seeded(43), 10));
    }

    @Test
    void seeded_idsAreDistinct() {
        List<UUID> ids = take(IdGenerator.seeded(7), 50_000);

        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    @Test
    void seeded_givesVersion4IetfUuids() {
        for (UUID id : take(IdGenerator.seeded(-1), 1000)) {
            assertEquals(4, id.version(), id::toString);
            assertEquals(2, id.variant(), id::toString);
            assertEquals(id, UUID.fromString(id.toString()));
        }
    }

    @Test
    void seeded_isThreadSafe() {
        IdGenerator ids = IdGenerator.seeded(1);
        Set<UUID> seen = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 20_000).parallel().forEach(i -> seen.add(ids.next()));

        assertEquals(20_000, seen.size());
        // the same 20,000 ids as one thread draws, whatever the interleaving
        assertEquals(new HashSet<>(take(IdGenerator.seeded(1), 20_000)), seen);
    }

    @Test
    void random_givesVersion4Uuids() {
        IdGenerator ids = IdGenerator.random();
        UUID a = ids.next();

        assertEquals(4, a.version());
        assertNotEquals(a, ids.next());
    }
}
