package org.topograd.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points are counted in whole hundredths (longs), so sums are exact and a score never prints as
 * 6.999999.
 */
public final class Points {
    private Points() {}

    public static long hundredths(BigDecimal points) {
        return points.movePointRight(2).longValueExact();
    }

    /** {@code 1000 -> "10"}, {@code 333 -> "3.33"}, {@code 250 -> "2.5"}. */
    public static String format(long hundredths) {
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }

    /** score / max as a percentage with at most two decimals, rounded half up; 0 when max is 0. */
    public static String percent(long score, long max) {
        if (max == 0) {
            return "0";
        }
        return BigDecimal.valueOf(score).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(max), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Splits {@code total} hundredths in proportion to {@code weights} by largest remainder: the
     * parts are whole, add up to {@code total} exactly, and ties go to the earlier part.
     */
    public static long[] split(long total, long[] weights) {
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        long[] parts = new long[weights.length];
        if (sum == 0) {
            return parts;
        }
        long given = 0;
        long[] remainders = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            long exact = total * weights[i];
            parts[i] = exact / sum;
            remainders[i] = exact % sum;
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }
}
