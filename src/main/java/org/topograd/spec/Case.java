package org.topograd.spec;

import java.util.Optional;

/**
 * One input point a spec is checked at: the top-level {@code inputs}, each entry of {@code cases}
 * or a random point.
 *
 * @param name {@code main}, {@code case-1}, {@code case-2}, ..., {@code random-1}, ...
 * @param kind where the point comes from
 * @param inputs one value per graph input, in the graph's input order
 * @param expected what the instructor wrote under {@code expect}, if anything
 * @param at where the point was written (for random points, the {@code random} line)
 */
public record Case(String name, Kind kind, double[] inputs, Optional<Expected> expected, Location at) {
    public enum Kind {
        MAIN,
        LISTED,
        RANDOM
    }

    public Case {
        inputs = inputs.clone();
    }

    @Override
    public double[] inputs() {
        return inputs.clone();
    }

    public double input(int k) {
        return inputs[k];
    }
}
