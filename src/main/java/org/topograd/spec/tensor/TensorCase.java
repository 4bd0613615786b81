package org.topograd.spec.tensor;

import java.util.List;
import java.util.Optional;
import org.topograd.spec.Case;
import org.topograd.spec.Location;

/**
 * One point a tensor spec is checked at: the top-level {@code inputs}, each entry of {@code cases}
 * or a random point (which redraws every input tensor).
 *
 * @param name {@code main}, {@code case-1}, ..., {@code random-1}, ... as for scalar specs
 * @param kind where the point comes from
 * @param inputs one tensor per graph input, in the graph's input order, each of its input's shape
 * @param expected what the instructor wrote under {@code expect}, if anything
 * @param at where the point was written (for random points, the {@code random} line)
 */
public record TensorCase(String name, Case.Kind kind, List<TensorValue> inputs, Optional<TensorExpected> expected,
        Location at) {
    public TensorCase {
        inputs = List.copyOf(inputs);
    }

    public TensorValue input(int k) {
        return inputs.get(k);
    }
}
