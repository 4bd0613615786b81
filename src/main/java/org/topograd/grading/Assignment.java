package org.topograd.grading;

import org.topograd.numeric.NumericalGradient;
import org.topograd.sandbox.Limits;
import org.topograd.submission.CompileLimits;

/**
 * Course-wide settings from {@code specs/assignment.yaml}: how points are shared among the checks,
 * the time limits, how strict the numerical check is, and how Gradescope shows the results.
 */
public record Assignment(Weights weights, Limits limits, NumericalGradient.Settings numerical,
        GradescopeSettings gradescope, CompileLimits compile) {
    public static final Assignment DEFAULT =
            new Assignment(Weights.DEFAULT, Limits.DEFAULT, NumericalGradient.Settings.DEFAULT);

    /** Settings with Gradescope's defaults. */
    public Assignment(Weights weights, Limits limits, NumericalGradient.Settings numerical) {
        this(weights, limits, numerical, GradescopeSettings.DEFAULT, CompileLimits.DEFAULT);
    }
}
