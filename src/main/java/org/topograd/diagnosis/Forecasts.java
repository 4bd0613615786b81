package org.topograd.diagnosis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.topograd.engine.Calculus;
import org.topograd.engine.Derivatives;
import org.topograd.engine.ReferenceEngine;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.Check;
import org.topograd.grading.Judge;
import org.topograd.grading.OpProbes;
import org.topograd.grading.SpecAnswers;
import org.topograd.naming.Forecast;
import org.topograd.naming.ForecastSource;
import org.topograd.naming.PointForecast;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Tolerance;

/**
 * Every mutant's forecast at each input point of each spec, computed with the reference engine
 * the first time it is asked for and kept: they are the same for every student, and grading
 * threads share them. A student kit freezes them, as numbers, when it is made.
 */
public final class Forecasts implements ForecastSource {
    /**
     * Backward() calls a recursion mutant may make at one input point before it gives up. A
     * student's recursion on such a graph runs out of time anyway, so nothing is lost.
     */
    public static final long RECURSION_BUDGET = 2_000_000;

    private final List<Mutant> mutants;
    private final long budget;
    private final ConcurrentHashMap<PointKey, PointForecast> cache = new ConcurrentHashMap<>();

    public Forecasts() {
        this(Mutants.all(), RECURSION_BUDGET);
    }

    public Forecasts(List<Mutant> mutants, long budget) {
        this.mutants = List.copyOf(mutants);
        this.budget = budget;
    }

    public List<Mutant> mutants() {
        return mutants;
    }

    /** The forecasts at one input point, one per mutant in catalogue order (useful or not). */
    @Override
    public PointForecast at(SpecAnswers spec, int caseIndex) {
        return cache.computeIfAbsent(new PointKey(spec, caseIndex), k -> compute(spec, caseIndex));
    }

    /** The ops' right local derivatives at the op probes' point, from the engine's calculus. */
    @Override
    public double[] atProbe(Op op) {
        return probeDerivatives(op);
    }

    /** {@code op}'s right local derivatives at the op probes' point: operand 0's, operand 1's (0 if none). */
    public static double[] probeDerivatives(Op op) {
        double out = Calculus.value(op, OpProbes.X, OpProbes.Y, OpProbes.EXPONENT);
        double[] partials = new double[2];
        for (int k = 0; k < OpProbes.operands(op); k++) {
            partials[k] = Calculus.partial(op, k, OpProbes.X, OpProbes.Y, OpProbes.EXPONENT, out);
        }
        return partials;
    }

    private PointForecast compute(SpecAnswers spec, int caseIndex) {
        Graph graph = spec.spec().graph();
        Tolerance tolerance = spec.spec().tolerance();
        CaseAnswers answers = spec.cases().get(caseIndex);
        int[] order = answers.order();
        double[] values = answers.values();
        double[] partials = answers.probePartials();
        ReferenceEngine.LocalDerivatives probe = (node, k) -> partials[2 * node + k];
        ReferenceEngine.LocalDerivatives exact = (node, k) -> {
            int b = graph.second(node);
            return Derivatives.EXACT.partial(graph.op(node), k, values[graph.first(node)], b < 0 ? 0 : values[b],
                    graph.param(node), values[node]);
        };
        NumericalGradient.Estimate estimate = referenceEstimate(graph, order, answers.plan());
        List<Forecast> forecasts = new ArrayList<>(mutants.size());
        for (Mutant mutant : mutants) {
            Set<Check> failing = EnumSet.noneOf(Check.class);
            if (mutant instanceof NodeMutant node) {
                double[] zero = node.grads(graph, order, values, 0);
                double[] one = node.grads(graph, order, values, 1);
                double[] two = node.grads(graph, order, values, 2);
                if (!Judge.gradient(graph, answers, one, zero, two, tolerance).passed()) {
                    failing.add(Check.GRADIENT);
                }
                if (!Judge.endToEnd(graph, answers, one, tolerance).passed()) {
                    failing.add(Check.END_TO_END);
                }
                if (!Judge.numerical(graph, estimate, inputGrads(graph, one)).passed()) {
                    failing.add(Check.NUMERICAL);
                }
                double[] wrong = node.write() == NodeMutant.Write.ACCUMULATE ? node.partials(graph, values) : null;
                forecasts.add(new Forecast(mutant.describe(), zero, one, two, null, one, wrong, failing, null));
            } else {
                TraversalMutant traversal = (TraversalMutant) mutant;
                double[] onProbes = traversal.grads(graph, order, probe, budget);
                double[] real = onProbes == null ? null : traversal.grads(graph, order, exact, budget);
                if (onProbes == null || real == null) {
                    forecasts.add(new Forecast(mutant.describe(), null, null, null, null, null, null, failing,
                            "more than " + String.format(java.util.Locale.ROOT, "%,d", budget)
                                    + " backward() calls: the paths through the graph are too many to follow"));
                    continue;
                }
                if (!Judge.traversal(graph, answers, order, null, onProbes, tolerance).passed()) {
                    failing.add(Check.TRAVERSAL);
                }
                if (!Judge.endToEnd(graph, answers, real, tolerance).passed()) {
                    failing.add(Check.END_TO_END);
                }
                forecasts.add(new Forecast(mutant.describe(), null, null, null, onProbes, real, null, failing, null));
            }
        }
        return new PointForecast(NodeMutant.partials(Derivatives.EXACT, graph, values), forecasts);
    }

    /** Numerical derivatives of the reference forward: mutants never change a value, only gradients. */
    static NumericalGradient.Estimate referenceEstimate(Graph graph, int[] order, NumericalGradient.Plan plan) {
        double[] outputs = new double[plan.points().size()];
        double[] values = new double[graph.size()];
        for (int i = 0; i < outputs.length; i++) {
            ReferenceEngine.forward(graph, order, plan.points().get(i), values);
            outputs[i] = values[graph.output()];
        }
        return plan.estimate(outputs);
    }

    static double[] inputGrads(Graph graph, double[] grads) {
        double[] g = new double[graph.inputCount()];
        for (int k = 0; k < g.length; k++) {
            g[k] = grads[graph.inputNode(k)];
        }
        return g;
    }
}
