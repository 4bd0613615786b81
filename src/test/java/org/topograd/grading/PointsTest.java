package org.topograd.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PointsTest {
    @Test
    void splitsByLargestRemainderWithTiesToTheEarlierPart() {
        assertArrayEquals(new long[] {334, 333, 333}, Points.split(1000, new long[] {1, 1, 1}));
        assertArrayEquals(new long[] {200, 300, 200, 200, 100}, Points.split(1000, new long[] {2, 3, 2, 2, 1}));
        assertArrayEquals(new long[] {0, 1000, 0}, Points.split(1000, new long[] {0, 5, 0}));
        assertArrayEquals(new long[] {0, 0}, Points.split(1000, new long[] {0, 0}));
    }

    @Test
    void partsAlwaysAddUpExactly() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            long total = random.nextLong(0, 1_000_000);
            long[] weights = random.longs(random.nextInt(1, 12), 0, 20).toArray();
            long[] parts = Points.split(total, weights);
            long expected = Arrays.stream(weights).sum() == 0 ? 0 : total;
            assertEquals(expected, Arrays.stream(parts).sum(), () -> total + " over " + Arrays.toString(weights));
            for (int k = 0; k < weights.length; k++) {
                if (weights[k] == 0) {
                    assertEquals(0, parts[k]);
                }
            }
        }
    }

    @Test
    void formatsHundredthsWithoutFloatNoise() {
        assertEquals("10", Points.format(1000));
        assertEquals("3.33", Points.format(333));
        assertEquals("2.5", Points.format(250));
        assertEquals("0", Points.format(0));
        assertEquals("0.01", Points.format(1));
        assertEquals(1050, Points.hundredths(new BigDecimal("10.5")));
    }

    @Test
    void percentIsRoundedHalfUpToTwoDecimals() {
        assertEquals("100", Points.percent(1000, 1000));
        assertEquals("66.67", Points.percent(2, 3));
        assertEquals("33.33", Points.percent(1, 3));
        assertEquals("0", Points.percent(0, 0));
        assertEquals("87.5", Points.percent(875, 1000));
    }
}
