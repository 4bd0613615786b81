package org.topograd.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} (1-based, as in {@code --shard 2/3}): the submissions whose
 * position in the sorted list, counted from 0, leaves remainder {@code index - 1} when divided by
 * {@code count}. Dealing them out in turn keeps the shards within one submission of each other's
 * size, and needs nothing but the sorted list, which every machine sees the same.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist");
        }
    }

    /**
     * Reads {@code K/N}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what to write
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: write K/N, such as 2/3 for the second"
                    + " of three");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1) {
            throw new IllegalArgumentException("'" + text + "': the number of shards N must be at least 1");
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("'" + text + "': K counts from 1 to N, so with N = " + count
                    + " it is 1 to " + count);
        }
        return new Shard(index, count);
    }

    /** This shard's share of {@code sorted}, in order. */
    public <T> List<T> select(List<T> sorted) {
        List<T> mine = new ArrayList<>();
        for (int i = index - 1; i < sorted.size(); i += count) {
            mine.add(sorted.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
