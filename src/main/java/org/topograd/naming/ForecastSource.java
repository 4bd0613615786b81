package org.topograd.naming;

import org.topograd.grading.SpecAnswers;
import org.topograd.spec.Op;

/**
 * Where the mistakes' numbers come from: computed by the full tool with its reference engine
 * ({@code org.topograd.diagnosis.Forecasts}), or frozen into a student kit when it was made. The
 * diagnosis reads only these numbers, so it names a bug the same way in both.
 */
public interface ForecastSource {
    /** The forecasts at one input point of a spec; null when there are none for it. */
    PointForecast at(SpecAnswers spec, int caseIndex);

    /**
     * The right local derivatives of {@code op} at the point where topograd probes each student
     * class on its own ({@link org.topograd.grading.OpProbes}): operand 0's, then operand 1's (0
     * for a unary op); null when unknown.
     */
    double[] atProbe(Op op);
}
