package org.topograd.naming;

import java.util.List;

/**
 * The forecasts of every mistake at one input point of one spec, in catalogue order, and the right
 * local derivatives there (to say "comes out 81 instead of 27").
 *
 * @param exact the ops' right local derivatives at the reference values: node {@code i}'s at
 *     {@code 2i} and {@code 2i + 1} (0 where there is no such operand)
 * @param forecasts one per mistake in catalogue order; a source may leave out those that are not
 *     {@link Forecast#useful() useful}, since no diagnosis can name them
 */
public record PointForecast(double[] exact, List<Forecast> forecasts) {
    public PointForecast {
        forecasts = List.copyOf(forecasts);
    }
}
