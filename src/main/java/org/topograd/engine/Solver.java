package org.topograd.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Case;
import org.topograd.spec.Claim;
import org.topograd.spec.Expected;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;

/**
 * Works out the answers to a spec and proves the spec against them: at every case, the reference
 * engine's value and gradients, an independent numerical gradient, and a verdict on each number
 * the instructor wrote under {@code expect}.
 *
 * <p>Three kinds of trouble are reported ({@link Finding.Kind}): a wrong expectation, a value or
 * gradient that is not finite (the spec is ill-posed at that point), and finite differences that
 * disagree with the reference. The reference's rules are proven to a few ulps at every magnitude,
 * so the last means that finite differences cannot follow the output at that point, and the
 * numerical check would fail correct students there: the point is not graded reliably. Kinks are
 * skipped, never reported: a derivative that does not exist cannot be wrong.
 */
public final class Solver {
    /** Points with more inputs than this are described by their first few inputs only. */
    private static final int DESCRIBED_INPUTS = 6;

    private Solver() {}

    public static Solution solve(Spec spec) {
        return solve(spec, NumericalGradient.Settings.DEFAULT);
    }

    /** Solves every case; {@code settings} are those of the numerical check (richardson, fast mode). */
    public static Solution solve(Spec spec, NumericalGradient.Settings settings) {
        Graph graph = spec.graph();
        int[] order = ReferenceEngine.topologicalOrder(graph);
        List<CaseSolution> cases = new ArrayList<>();
        for (Case c : spec.cases()) {
            cases.add(solveCase(spec, order, c, settings));
        }
        return new Solution(spec, cases);
    }

    private static CaseSolution solveCase(Spec spec, int[] order, Case point, NumericalGradient.Settings settings) {
        Graph graph = spec.graph();
        double[] values = ReferenceEngine.forward(graph, order, point.inputs());
        double[] grads = ReferenceEngine.backward(graph, order, values, 1);
        ReferenceEngine.Evaluation evaluation = new ReferenceEngine.Evaluation(order, values, grads);
        List<Finding> findings = new ArrayList<>();

        Optional<Finding> notFinite = notFinite(graph, order, values, grads, point);
        notFinite.ifPresent(findings::add);

        List<NumericalGradient.Check> numeric = List.of();
        if (notFinite.isEmpty()) {
            double[] inputGrads = new double[graph.inputCount()];
            for (int k = 0; k < inputGrads.length; k++) {
                inputGrads[k] = grads[graph.inputNode(k)];
            }
            numeric = NumericalGradient.check(p -> ReferenceEngine.forward(graph, order, p)[graph.output()],
                    point.inputs(), inputGrads, settings);
            for (NumericalGradient.Check check : numeric) {
                if (check.failed()) {
                    findings.add(mismatch(graph, point, check));
                }
            }
        }

        List<Verdict> verdicts = new ArrayList<>();
        if (point.expected().isPresent()) {
            Expected expected = point.expected().get();
            expected.value().ifPresent(claim -> verdicts.add(judge(spec, claim, values[graph.output()])));
            for (Claim claim : expected.grads()) {
                int k = graph.inputIndex(claim.subject());
                verdicts.add(judge(spec, claim, grads[graph.inputNode(k)]));
            }
        }
        for (Verdict v : verdicts) {
            if (!v.passed()) {
                findings.add(wrongExpectation(graph, point, v, numeric));
            }
        }
        return new CaseSolution(point, evaluation, numeric, verdicts, findings);
    }

    private static Verdict judge(Spec spec, Claim claim, double computed) {
        return new Verdict(claim, computed, spec.tolerance().accepts(computed, claim.number()));
    }

    /**
     * The first node, in the order the values are computed, whose value is not finite; failing that
     * the first, from the output back, whose gradient is not finite. Only the first is reported: one
     * NaN spreads to everything after it, and the first is the one to fix.
     */
    private static Optional<Finding> notFinite(Graph graph, int[] order, double[] values, double[] grads, Case point) {
        for (int node : order) {
            if (!Double.isFinite(values[node])) {
                return Optional.of(new Finding(Finding.Kind.NOT_FINITE, new Problem(point.at(),
                        "the value of node '" + graph.label(node) + "' is " + NumberText.format(values[node]) + " at "
                                + describe(graph, point) + ": the spec is ill-posed there; choose inputs where every"
                                + " node is finite")));
            }
        }
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            if (!Double.isFinite(grads[node])) {
                return Optional.of(new Finding(Finding.Kind.NOT_FINITE, new Problem(point.at(),
                        "the gradient of node '" + graph.label(node) + "' is " + NumberText.format(grads[node]) + " at "
                                + describe(graph, point) + ": a derivative is infinite there (a singularity such"
                                + " as sqrt or log at 0) or beyond the largest double (about 1.8e308); choose inputs"
                                + " away from it")));
            }
        }
        return Optional.empty();
    }

    private static Finding mismatch(Graph graph, Case point, NumericalGradient.Check check) {
        String what = check.input() >= 0
                ? "the gradient of " + graph.inputNames().get(check.input())
                : "the gradient along a random direction";
        return new Finding(Finding.Kind.NUMERICAL_MISMATCH, new Problem(point.at(),
                what + " at " + describe(graph, point) + " is " + NumberText.format(check.analytic())
                        + " by the reference engine, but finite differences with a step of " + rough(check.step())
                        + " give " + NumberText.format(check.numeric()) + " (allowed difference " + rough(check.bound())
                        + "): finite differences cannot follow the output here (within that step it changes too"
                        + " much, or too little to show in a double's 16 digits), so the numerical check would fail"
                        + " correct submissions at this point; choose another point, with smaller inputs or where"
                        + " the graph is less steep or less saturated"));
    }

    private static Finding wrongExpectation(Graph graph, Case point, Verdict v, List<NumericalGradient.Check> numeric) {
        Claim claim = v.claim();
        boolean isValue = claim.subject().equals("value");
        String subject = isValue ? "expect value" : "expect grad " + claim.subject();
        String of = point.kind() == Case.Kind.MAIN ? "" : " of " + point.name();
        String numerically = "";
        if (!isValue) {
            int k = graph.inputIndex(claim.subject());
            numerically = numeric.stream().filter(c -> c.input() == k).findFirst()
                    .map(c -> c.skipped() ? " (numerically undefined: " + skipReason(c) + ")"
                            : " (numerically " + NumberText.format(c.numeric()) + ")")
                    .orElse("");
        }
        return new Finding(Finding.Kind.WRONG_EXPECTATION, new Problem(claim.at(),
                subject + of + " is " + NumberText.format(claim.number()) + ", but the reference engine computes "
                        + NumberText.format(v.computed()) + numerically
                        + "; correct the number, or let topograd solve --write fill it in"));
    }

    private static String rough(double x) {
        return String.format(java.util.Locale.ROOT, "%.1e", x);
    }

    /** Why a numerical check was skipped, in a few words. */
    public static String skipReason(NumericalGradient.Check check) {
        return switch (check.status()) {
            case KINK -> "kink";
            case UNDEFINED_NEARBY -> "undefined nearby";
            case PASS, FAIL -> "not skipped";
        };
    }

    /** A case for messages: {@code case-1 (a = -1.5, b = 0.5, c = 4)}. */
    public static String describe(Graph graph, Case point) {
        StringJoiner inputs = new StringJoiner(", ", " (", ")");
        int shown = Math.min(graph.inputCount(), DESCRIBED_INPUTS);
        for (int k = 0; k < shown; k++) {
            inputs.add(graph.inputNames().get(k) + " = " + NumberText.format(point.input(k)));
        }
        if (shown < graph.inputCount()) {
            inputs.add("... " + graph.inputCount() + " inputs in all");
        }
        return point.name() + inputs;
    }
}
