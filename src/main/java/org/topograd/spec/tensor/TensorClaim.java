package org.topograd.spec.tensor;

import org.topograd.spec.Location;

/**
 * One tensor an instructor wrote under {@code expect}, with where it was written so that a wrong
 * element can be pointed at.
 *
 * @param subject {@code "value"} or the name of the input whose gradient it is
 * @param value the tensor written, with the shape its nesting gives
 * @param at where it was written
 */
public record TensorClaim(String subject, TensorValue value, Location at) {}
