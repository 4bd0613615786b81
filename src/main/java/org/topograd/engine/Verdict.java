package org.topograd.engine;

import org.topograd.spec.Claim;

/**
 * One instructor's claim under {@code expect} judged against the reference engine.
 *
 * @param claim what was written, and where
 * @param computed what the reference engine computes for it
 * @param passed whether the two agree within the spec's tolerance
 */
public record Verdict(Claim claim, double computed, boolean passed) {}
