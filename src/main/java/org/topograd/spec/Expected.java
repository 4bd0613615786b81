package org.topograd.spec;

import java.util.List;
import java.util.Optional;

/**
 * An {@code expect} block: the output's value and the gradients of some or all inputs, as the
 * instructor wrote them. {@code topograd validate} proves each claim against the reference engine.
 *
 * @param value the output's expected value, if given
 * @param grads expected gradients, one per input named, in the order written
 * @param at where the block starts
 */
public record Expected(Optional<Claim> value, List<Claim> grads, Location at) {
    public Expected {
        grads = List.copyOf(grads);
    }
}
