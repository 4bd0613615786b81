package org.topograd.diagnosis.tensor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.topograd.api.tensor.NDArray;
import org.topograd.diagnosis.PointKey;
import org.topograd.engine.tensor.TensorEngine;
import org.topograd.engine.tensor.TensorGradients;
import org.topograd.grading.Check;
import org.topograd.grading.TensorAnswers;
import org.topograd.grading.TensorCaseAnswers;
import org.topograd.grading.TensorJudge;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.naming.tensor.TensorForecast;
import org.topograd.naming.tensor.TensorForecastSource;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.tensor.TensorGraph;

/**
 * Every tensor mutant's forecast at each input point of each tensor spec, computed with the
 * reference engine the first time it is asked for and kept, as {@link org.topograd.diagnosis.Forecasts}
 * does for scalar specs: they are the same for every student, and grading threads share them.
 */
public final class TensorForecasts implements TensorForecastSource {
    /** What the gradient, end-to-end and numerical checks see of a backward() that throws or misshapes. */
    private static final Set<Check> BACKWARD_FAILS = EnumSet.of(Check.GRADIENT, Check.END_TO_END, Check.NUMERICAL);

    private final List<TensorMutant> mutants;
    private final ConcurrentHashMap<PointKey, List<TensorForecast>> cache = new ConcurrentHashMap<>();

    public TensorForecasts() {
        this(TensorMutants.all());
    }

    public TensorForecasts(List<TensorMutant> mutants) {
        this.mutants = List.copyOf(mutants);
    }

    public List<TensorMutant> mutants() {
        return mutants;
    }

    /** The forecasts at one input point, one per mutant in catalogue order (useful or not). */
    @Override
    public List<TensorForecast> at(TensorSpecAnswers spec, int caseIndex) {
        return cache.computeIfAbsent(new PointKey(spec, caseIndex), k -> compute(spec, caseIndex));
    }

    private List<TensorForecast> compute(TensorSpecAnswers spec, int caseIndex) {
        TensorGraph graph = spec.spec().graph();
        TensorCaseAnswers answers = spec.cases().get(caseIndex);
        int[] order = answers.order();
        NDArray[] values = TensorEngine.forward(graph, order, TensorGradients.unflatten(answers.inputs(),
                inputShapes(graph)));
        NDArray[] right = TensorEngine.backward(graph, order, values, NDArray.ones(graph.shape(graph.output())
                .dims()));
        TensorJudge judge = new TensorJudge(graph, spec.spec().tolerance());
        NumericalGradient.Estimate estimate = null;
        List<TensorForecast> forecasts = new ArrayList<>(mutants.size());
        for (TensorMutant mutant : mutants) {
            TensorMutant.Run run = mutant.run(graph, order, values);
            int[] edges = mutant.edges(graph, order, values, right);
            if (run.threw() != null || run.wrongShape() != null) {
                // The student's code throws or leaves a misshapen gradient in the very task these checks share.
                forecasts.add(new TensorForecast(mutant.describe(), null, run.wrongShape(),
                        run.endToEndShape(graph, order), run.threw(), edges, BACKWARD_FAILS));
                continue;
            }
            double[] one = TensorAnswers.flatten(graph, run.grads(), 0);
            double[] two = one.clone();
            for (int i = 0; i < two.length; i++) {
                two[i] *= 2;
            }
            Set<Check> failing = EnumSet.noneOf(Check.class);
            if (!judge.gradient(order, answers.grads(), one, new double[one.length], two).passed()) {
                failing.add(Check.GRADIENT);
            }
            if (!judge.grads(order, one, answers.grads()).passed()) {
                failing.add(Check.END_TO_END);
            }
            if (estimate == null) {
                estimate = referenceEstimate(graph, order, answers.plan());
            }
            if (!judge.numerical(estimate, spec.inputGrads(one)).passed()) {
                failing.add(Check.NUMERICAL);
            }
            forecasts.add(new TensorForecast(mutant.describe(), one, null, null, null, edges, failing));
        }
        return List.copyOf(forecasts);
    }

    /** Numerical derivatives of the reference forward: mutants never change a value, only gradients. */
    static NumericalGradient.Estimate referenceEstimate(TensorGraph graph, int[] order, NumericalGradient.Plan plan) {
        List<int[]> shapes = inputShapes(graph);
        double[] outputs = new double[plan.points().size()];
        for (int i = 0; i < outputs.length; i++) {
            NDArray[] values = TensorEngine.forward(graph, order, TensorGradients.unflatten(plan.points().get(i),
                    shapes));
            outputs[i] = values[graph.output()].item();
        }
        return plan.estimate(outputs);
    }

    static List<int[]> inputShapes(TensorGraph graph) {
        List<int[]> shapes = new ArrayList<>();
        for (int k = 0; k < graph.inputCount(); k++) {
            shapes.add(graph.shape(graph.inputNode(k)).dims());
        }
        return shapes;
    }

}
