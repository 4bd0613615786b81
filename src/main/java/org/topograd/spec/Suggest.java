package org.topograd.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the nearest known word by edit distance, when it is near enough to be a typo. */
public final class Suggest {
    /** Longer words are not typos of a name anyone would type again: no suggestion, and no quadratic work. */
    private static final int LONGEST = 64;

    private Suggest() {}

    public static Optional<String> nearest(String word, Collection<String> known) {
        if (word.length() > LONGEST) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : known) {
            if (Math.abs(candidate.length() - word.length()) >= bestDistance || candidate.length() > LONGEST) {
                continue; // cannot be nearer than the best so far
            }
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance - 1);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /** The distance, or {@code limit + 1} as soon as it is certain to exceed {@code limit}. */
    private static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = d[i][0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit && i > 1) {
                return limit + 1; // every later row is at least rowMin - 1 ... and the transposition needs two rows
            }
        }
        return d[a.length()][b.length()];
    }
}
