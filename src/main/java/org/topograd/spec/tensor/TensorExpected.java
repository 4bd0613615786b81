package org.topograd.spec.tensor;

import java.util.List;
import java.util.Optional;
import org.topograd.spec.Location;

/**
 * An {@code expect} block of a tensor spec: the output's value (a scalar) and the gradients of some
 * or all inputs, each with its input's shape (the reader has checked it).
 *
 * @param value the output's expected value, if given
 * @param grads expected gradients, one per input named, in the order written
 * @param at where the block starts
 */
public record TensorExpected(Optional<TensorClaim> value, List<TensorClaim> grads, Location at) {
    public TensorExpected {
        grads = List.copyOf(grads);
    }

    /** The expected gradient of this input, if one was written. */
    public Optional<TensorClaim> grad(String input) {
        return grads.stream().filter(c -> c.subject().equals(input)).findFirst();
    }
}
