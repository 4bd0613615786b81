package org.topograd.grading;

import org.topograd.numeric.NumericalGradient;
import org.topograd.sandbox.Limits;

/**
 * Course-wide settings from {@code specs/assignment.yaml}: how points are shared among the checks,
 * the time limits, and how strict the numerical check is.
 */
public record Assignment(Weights weights, Limits limits, NumericalGradient.Settings numerical) {
    public static final Assignment DEFAULT =
            new Assignment(Weights.DEFAULT, Limits.DEFAULT, NumericalGradient.Settings.DEFAULT);
}
