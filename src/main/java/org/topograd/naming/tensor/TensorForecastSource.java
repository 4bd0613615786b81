package org.topograd.naming.tensor;

import java.util.List;
import org.topograd.grading.TensorSpecAnswers;

/**
 * Where the tensor mistakes' forecasts come from: computed by the full tool with its reference engine
 * ({@code org.topograd.diagnosis.tensor.TensorForecasts}), or, later, frozen into a student kit. The
 * diagnosis reads only these numbers, so it would name a bug the same way in both.
 */
@FunctionalInterface
public interface TensorForecastSource {
    /** The forecasts at one input point of a spec, in catalogue order; null when there are none for it. */
    List<TensorForecast> at(TensorSpecAnswers spec, int caseIndex);
}
