package org.topograd.engine.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.Finding;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Case;
import org.topograd.spec.NumberText;
import org.topograd.spec.Problem;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.TensorClaim;
import org.topograd.spec.tensor.TensorExpected;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorSpec;

/**
 * Works out the answers to a tensor spec and proves the spec against them, as
 * {@link org.topograd.engine.Solver} does for scalar specs: at every point the reference engine's
 * value and gradients, an independent numerical gradient ({@link TensorGradients}: every element
 * for small tensors, one random direction above {@link NumericalGradient.Settings#fastAbove()}
 * elements), and a verdict on each tensor written under {@code expect}, element by element with the
 * spec's tolerance. The findings are the scalar {@link Finding}s, so that commands treat both alike.
 *
 * <p>A message names the first wrong element of a tensor ({@code W.grad[1, 3]}) and how many are
 * wrong in all: one finding per tensor, since a wrong rule usually spoils a whole gradient and a
 * line per element would bury the one that matters.
 */
public final class TensorSolver {
    private TensorSolver() {}

    public static TensorSolution solve(TensorSpec spec) {
        return solve(spec, NumericalGradient.Settings.DEFAULT);
    }

    /** Solves every point; {@code settings} are those of the numerical check (richardson, fast mode). */
    public static TensorSolution solve(TensorSpec spec, NumericalGradient.Settings settings) {
        List<TensorCaseSolution> cases = new ArrayList<>();
        for (TensorCase c : spec.cases()) {
            cases.add(solveCase(spec, c, settings));
        }
        return new TensorSolution(spec, cases);
    }

    private static TensorCaseSolution solveCase(TensorSpec spec, TensorCase point,
            NumericalGradient.Settings settings) {
        TensorGraph graph = spec.graph();
        List<NDArray> inputs = point.inputs().stream().map(TensorValues::toArray).toList();
        TensorEngine.Evaluation e = TensorEngine.evaluate(graph, inputs);
        List<Finding> findings = new ArrayList<>();
        Optional<Finding> notFinite = notFinite(graph, e, point);
        notFinite.ifPresent(findings::add);

        List<NumericalGradient.Check> numeric = List.of();
        if (notFinite.isEmpty()) {
            List<NDArray> analytic = new ArrayList<>();
            for (int k = 0; k < graph.inputCount(); k++) {
                analytic.add(e.inputGrad(graph, k));
            }
            numeric = TensorGradients.check(x -> TensorEngine.forward(graph, e.order(), x)[graph.output()].item(),
                    inputs, analytic, settings);
            mismatch(graph, inputs, point, numeric).ifPresent(findings::add);
        }

        List<TensorVerdict> verdicts = new ArrayList<>();
        if (point.expected().isPresent()) {
            TensorExpected expected = point.expected().get();
            expected.value().ifPresent(claim -> verdicts.add(judge(spec.tolerance(), claim, e.output(graph))));
            for (TensorClaim claim : expected.grads()) {
                verdicts.add(judge(spec.tolerance(), claim, e.inputGrad(graph, graph.inputIndex(claim.subject()))));
            }
        }
        for (TensorVerdict v : verdicts) {
            if (!v.passed()) {
                findings.add(wrongExpectation(graph, inputs, point, v, numeric));
            }
        }
        return new TensorCaseSolution(point, e, numeric, verdicts, findings);
    }

    /** Element by element; a shape the reader has already checked, so the claim and the answer line up. */
    static TensorVerdict judge(Tolerance tolerance, TensorClaim claim, NDArray computed) {
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < claim.value().size(); i++) {
            if (!tolerance.accepts(computed.at(i), claim.value().element(i))) {
                wrong++;
                first = first < 0 ? i : first;
            }
        }
        return new TensorVerdict(claim, computed, wrong, first);
    }

    /**
     * The first node, in the order values are computed, with an element that is not finite; failing
     * that the first, from the output back, whose gradient has one. Only the first is reported: a
     * NaN spreads to everything after it, and the first is the one to fix.
     */
    private static Optional<Finding> notFinite(TensorGraph graph, TensorEngine.Evaluation e, TensorCase point) {
        int[] order = e.order();
        for (int node : order) {
            int i = firstNotFinite(e.values()[node]);
            if (i >= 0) {
                return Optional.of(new Finding(Finding.Kind.NOT_FINITE, new Problem(point.at(), "the value of node '"
                        + element(graph, node, i) + "' is " + NumberText.format(e.values()[node].at(i)) + " at "
                        + point.name() + ": the spec is ill-posed there; choose inputs where every node is finite")));
            }
        }
        for (int j = order.length - 1; j >= 0; j--) {
            int node = order[j];
            int i = firstNotFinite(e.grads()[node]);
            if (i >= 0) {
                return Optional.of(new Finding(Finding.Kind.NOT_FINITE, new Problem(point.at(), "the gradient of node '"
                        + element(graph, node, i) + "' is " + NumberText.format(e.grads()[node].at(i)) + " at "
                        + point.name() + ": a derivative is infinite there (a singularity such as sqrt or log at 0)"
                        + " or beyond the largest double; choose inputs away from it")));
            }
        }
        return Optional.empty();
    }

    private static int firstNotFinite(NDArray array) {
        for (int i = 0; i < array.size(); i++) {
            if (!Double.isFinite(array.at(i))) {
                return i;
            }
        }
        return -1;
    }

    /** One finding for a point, naming the first element whose finite differences disagree. */
    private static Optional<Finding> mismatch(TensorGraph graph, List<NDArray> inputs, TensorCase point,
            List<NumericalGradient.Check> numeric) {
        List<NumericalGradient.Check> failed = numeric.stream().filter(NumericalGradient.Check::failed).toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        NumericalGradient.Check check = failed.get(0);
        String what = check.input() >= 0
                ? "the gradient of " + inputElement(graph, inputs, check.input())
                : "the gradient along a random direction through every input element";
        String more = failed.size() == 1 ? "" : " (" + (failed.size() - 1) + " more element"
                + (failed.size() == 2 ? "" : "s") + " disagree too)";
        return Optional.of(new Finding(Finding.Kind.NUMERICAL_MISMATCH, new Problem(point.at(), what + " at "
                + point.name() + " is " + NumberText.format(check.analytic()) + " by the reference engine, but finite"
                + " differences with a step of " + rough(check.step()) + " give " + NumberText.format(check.numeric())
                + " (allowed difference " + rough(check.bound()) + ")" + more + ": finite differences cannot follow"
                + " the output here, so the numerical check would fail correct submissions at this point; choose"
                + " another point, with smaller inputs or where the graph is less steep or less saturated")));
    }

    private static Finding wrongExpectation(TensorGraph graph, List<NDArray> inputs, TensorCase point,
            TensorVerdict v, List<NumericalGradient.Check> numeric) {
        TensorClaim claim = v.claim();
        String of = point.kind() == Case.Kind.MAIN ? "" : " of " + point.name();
        int i = v.firstWrong();
        String written = NumberText.format(claim.value().element(i));
        String computed = NumberText.format(v.computed().at(i));
        String advice = v.wrong() == 1 ? "; correct the number, or let topograd solve --write fill it in"
                : "; correct the numbers, or let topograd solve --write fill them in";
        if (claim.subject().equals("value")) {
            return new Finding(Finding.Kind.WRONG_EXPECTATION, new Problem(claim.at(), "expect value" + of + " is "
                    + written + ", but the reference engine computes " + computed + advice));
        }
        int k = graph.inputIndex(claim.subject());
        String name = claim.subject() + ".grad" + TensorValues.index(claim.value().shape(), i);
        String numerically = "";
        int flat = offset(inputs, k) + i;
        for (NumericalGradient.Check c : numeric) {
            if (c.input() == flat && !c.skipped()) {
                numerically = " (numerically " + NumberText.format(c.numeric()) + ")";
            }
        }
        String count = v.wrong() == 1 ? "" : " (" + v.wrong() + " of its " + claim.value().size()
                + " elements are wrong)";
        return new Finding(Finding.Kind.WRONG_EXPECTATION, new Problem(claim.at(), "expect grad " + claim.subject()
                + of + ": " + name + " is written " + written + ", the reference gives " + computed + numerically
                + count + advice));
    }

    private static int offset(List<NDArray> inputs, int k) {
        int at = 0;
        for (int j = 0; j < k; j++) {
            at += inputs.get(j).size();
        }
        return at;
    }

    /** {@code W[1, 3]}: element {@code flat} of the inputs laid end to end. */
    static String inputElement(TensorGraph graph, List<NDArray> inputs, int flat) {
        TensorGradients.Element e = TensorGradients.locate(inputs, flat);
        return element(graph, graph.inputNode(e.input()), e.element());
    }

    private static String element(TensorGraph graph, int node, int i) {
        return graph.label(node) + TensorValues.index(graph.shape(node), i);
    }

    private static String rough(double x) {
        return String.format(Locale.ROOT, "%.1e", x);
    }
}
