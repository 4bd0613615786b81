package org.topograd.grading;

import java.util.ArrayList;
import java.util.List;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Tolerance;

/**
 * Turns the raw numbers a worker reported into a verdict with a message that says which node,
 * what was wanted, what came out, and the tolerance. Pure functions of numbers: no worker, no I/O.
 */
public final class Judge {
    /** How many further wrong nodes a message names before it just counts them. */
    static final int NAMED = 3;

    private Judge() {}

    /** Every node's value against the reference. */
    public static Outcome forward(Graph graph, CaseAnswers answers, double[] values, Tolerance tolerance) {
        List<Integer> wrong = new ArrayList<>();
        for (int node : answers.order()) {
            if (!graph.op(node).isLeaf() && !tolerance.accepts(values[node], answers.values()[node])) {
                wrong.add(node);
            }
        }
        if (wrong.isEmpty()) {
            return new Outcome.Pass("");
        }
        int first = wrong.get(0);
        String[] shown = Figures.pair(values[first], answers.values()[first]);
        return new Outcome.Fail(name(graph, first) + " is " + shown[0] + ", expected " + shown[1]
                + within(tolerance, answers.values()[first]) + more(graph, wrong));
    }

    /**
     * Node gradients driven by the reference traversal: seeded with 1 against the reference, with
     * 0 all exactly 0, with 2 all doubled. The last two catch a backward that ignores the upstream
     * gradient even where the seed-1 numbers happen to be right.
     */
    public static Outcome gradient(Graph graph, CaseAnswers answers, double[] one, double[] zero, double[] two,
            Tolerance tolerance) {
        List<String> problems = new ArrayList<>();
        Outcome plain = grads(graph, answers.order(), one, answers.grads(), tolerance, "");
        if (!plain.passed()) {
            problems.add(plain.message());
        }
        List<Integer> nonZero = new ArrayList<>();
        List<Integer> notDoubled = new ArrayList<>();
        for (int i = answers.order().length - 1; i >= 0; i--) {
            int node = answers.order()[i];
            if (graph.op(node) == Op.CONSTANT) {
                continue;
            }
            if (zero[node] != 0) {
                nonZero.add(node);
            }
            if (!tolerance.accepts(two[node], 2 * one[node])) {
                notDoubled.add(node);
            }
        }
        if (!nonZero.isEmpty()) {
            int n = nonZero.get(0);
            problems.add("with the output's gradient set to 0, " + name(graph, n) + ".grad is " + Figures.of(zero[n])
                    + " but every gradient must be 0" + more(graph, nonZero)
                    + " (backward must multiply by the node's own grad, the upstream gradient)");
        }
        if (!notDoubled.isEmpty()) {
            int n = notDoubled.get(0);
            String[] shown = Figures.pair(two[n], 2 * one[n]);
            problems.add("with the output's gradient set to 2, " + name(graph, n) + ".grad is " + shown[0]
                    + ", expected twice " + Figures.of(one[n]) + " = " + shown[1] + more(graph, notDoubled)
                    + " (backward must scale with the upstream gradient)");
        }
        return problems.isEmpty() ? new Outcome.Pass("") : new Outcome.Fail(String.join("; ", problems));
    }

    /** The student's Backprop with the student's nodes: gradients against the reference. */
    public static Outcome endToEnd(Graph graph, CaseAnswers answers, double[] grads, Tolerance tolerance) {
        return grads(graph, answers.order(), grads, answers.grads(), tolerance, "");
    }

    /**
     * The student's Backprop on probe nodes: {@code topologicalOrder} must list every reachable node
     * once, each after its inputs; {@code backward} must give the probes' reference gradients.
     */
    public static Outcome traversal(Graph graph, CaseAnswers answers, int[] order, int[] calls, double[] grads,
            Tolerance tolerance) {
        List<String> problems = new ArrayList<>();
        String orderProblem = TraversalProblems.order(graph, answers.order(), order);
        if (orderProblem != null) {
            problems.add("topologicalOrder " + orderProblem);
        }
        Outcome gradients = grads(graph, answers.order(), grads, answers.probeGrads(), tolerance, PROBE_NODES);
        if (!gradients.passed()) {
            String why = TraversalProblems.calls(graph, answers.order(), calls);
            problems.add("backward: " + gradients.message() + (why == null ? "" : "; " + why));
        }
        return problems.isEmpty() ? new Outcome.Pass("") : new Outcome.Fail(String.join("; ", problems));
    }

    /**
     * Why the traversal check's numbers are not the spec's: the student's Backprop runs on probe
     * nodes, whose local derivatives ({@link ReferenceAnswers#probePartials}) are topograd's choice.
     */
    static final String PROBE_NODES = " (these are probe-node gradients: your Backprop ran on this spec's graph"
            + " built from topograd's own nodes, each of which multiplies the gradient it passes to an input by a"
            + " fixed number, 0.8 or 1.25, instead of its op's derivative; so they are not the spec's gradients,"
            + " and a right traversal gets them exactly)";

    /** The student's forward, differentiated numerically, against the student's input gradients. */
    public static Outcome numerical(Graph graph, NumericalGradient.Estimate estimate, double[] inputGrads) {
        if (!Double.isFinite(estimate.value())) {
            return new Outcome.Fail("your forward gives " + Figures.of(estimate.value()) + " for the output here,"
                    + " so there is nothing to differentiate; fix forward first");
        }
        List<NumericalGradient.Check> checks = estimate.compare(inputGrads);
        List<String> skipped = new ArrayList<>();
        for (NumericalGradient.Check c : checks) {
            String subject = c.input() < 0 ? "a random direction" : "input " + graph.label(graph.inputNode(c.input()));
            if (c.failed() && !Double.isFinite(c.analytic())) {
                return new Outcome.Fail(subject + ": your backward gives " + Figures.of(c.analytic())
                        + "; your forward's numerical derivative is " + Figures.of(c.numeric()));
            }
            if (c.failed()) {
                String[] shown = Figures.pair(c.analytic(), c.numeric());
                return new Outcome.Fail(subject + ": your backward gives " + shown[0]
                        + " but your forward's numerical derivative is " + shown[1] + " (tolerance ±"
                        + Figures.rough(c.bound()) + "); forward and backward disagree");
            }
            if (c.skipped()) {
                skipped.add(subject.replace("input ", "") + (c.status() == NumericalGradient.Check.Status.KINK
                        ? " (not differentiable here)" : " (undefined nearby)"));
            }
        }
        return new Outcome.Pass(skipped.isEmpty() ? "" : "skipped " + String.join(", ", skipped));
    }

    /**
     * Gradients against the wanted ones, listed from the output back to the inputs: the first wrong
     * one named is the one nearest the output, which is where the mistake entered (every wrong
     * gradient upstream of it inherits it).
     */
    private static Outcome grads(Graph graph, int[] order, double[] got, double[] want, Tolerance tolerance,
            String note) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            if (graph.op(node) != Op.CONSTANT && !tolerance.accepts(got[node], want[node])) {
                wrong.add(node);
            }
        }
        if (wrong.isEmpty()) {
            return new Outcome.Pass("");
        }
        int first = wrong.get(0);
        String[] shown = Figures.pair(got[first], want[first]);
        return new Outcome.Fail(name(graph, first) + ".grad is " + shown[0] + ", expected " + shown[1]
                + within(tolerance, want[first]) + more(graph, wrong) + note);
    }

    /** A node as students know it: its name, or its expression in parentheses. */
    static String name(Graph graph, int node) {
        String label = graph.label(node);
        return graph.isNamed(node) || IDENTIFIER.matcher(label).matches() ? label : "(" + label + ")";
    }

    /** Generated graphs' nodes are called n1, n2, ...: names, not expressions. */
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static String within(Tolerance tolerance, double want) {
        return " (tolerance ±" + Figures.rough(tolerance.bound(want)) + ")";
    }

    private static String more(Graph graph, List<Integer> wrong) {
        if (wrong.size() == 1) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < wrong.size() && i <= NAMED; i++) {
            names.add(name(graph, wrong.get(i)));
        }
        int rest = wrong.size() - 1 - names.size();
        return "; also wrong: " + String.join(", ", names) + (rest > 0 ? " and " + rest + " more" : "");
    }
}
