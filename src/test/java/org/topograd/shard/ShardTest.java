package org.topograd.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void parses() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1 / 1 "));
        assertEquals("2/3", Shard.parse("2/3").toString());
    }

    @Test
    void explainsBadShards() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3")).getMessage()
                .contains("K counts from 1 to N, so with N = 3 it is 1 to 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3")).getMessage()
                .contains("1 to 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("1/0")).getMessage()
                .contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("two of three")).getMessage()
                .contains("write K/N, such as 2/3"));
    }

    @Test
    void theShardsDealOutEveryoneOnce() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(i);
        }
        assertEquals(List.of(0, 3, 6, 9), new Shard(1, 3).select(all));
        assertEquals(List.of(1, 4, 7), new Shard(2, 3).select(all));
        assertEquals(List.of(2, 5, 8), new Shard(3, 3).select(all));
        assertEquals(List.of(), new Shard(3, 3).select(List.of(0, 1)));
    }
}
