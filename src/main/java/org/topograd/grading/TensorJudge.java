package org.topograd.grading;

import java.util.ArrayList;
import java.util.List;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * {@link Judge} for tensor graphs: the same checks, element by element. A mismatch names the node,
 * the element's index ({@code z[1, 3]}), both numbers and the tolerance, and says how many of that
 * node's elements are wrong and which other nodes are. Pure functions of numbers.
 */
public final class TensorJudge {
    private final TensorGraph graph;
    private final int[] offsets;
    private final Tolerance tolerance;

    public TensorJudge(TensorGraph graph, Tolerance tolerance) {
        this.graph = graph;
        this.tolerance = tolerance;
        this.offsets = new int[graph.size() + 1];
        for (int i = 0; i < graph.size(); i++) {
            offsets[i + 1] = offsets[i] + graph.shape(i).size();
        }
    }

    /** Every op node's value elements against the reference. */
    Outcome forward(int[] order, double[] got, double[] want) {
        List<Integer> wrong = new ArrayList<>();
        for (int node : order) {
            if (!graph.op(node).isLeaf() && firstWrong(node, got, want) >= 0) {
                wrong.add(node);
            }
        }
        return wrong.isEmpty() ? new Outcome.Pass("") : new Outcome.Fail(mismatch(wrong, got, want, ""));
    }

    /** Gradients seeded 1 against the reference, seeded 0 all 0, seeded 2 all doubled: {@link Judge#gradient}. */
    public Outcome gradient(int[] order, double[] want, double[] one, double[] zero, double[] two) {
        List<String> problems = new ArrayList<>();
        Outcome plain = grads(order, one, want);
        if (!plain.passed()) {
            problems.add(plain.message());
        }
        int[] nonZero = null;
        int[] notDoubled = null;
        for (int i = order.length - 1; i >= 0 && (nonZero == null || notDoubled == null); i--) {
            int node = order[i];
            if (graph.op(node) == TensorOp.CONSTANT) {
                continue;
            }
            for (int e = offsets[node]; e < offsets[node + 1]; e++) {
                if (nonZero == null && zero[e] != 0) {
                    nonZero = new int[] {node, e};
                }
                if (notDoubled == null && !tolerance.accepts(two[e], 2 * one[e])) {
                    notDoubled = new int[] {node, e};
                }
            }
        }
        if (nonZero != null) {
            problems.add("with the output's gradient set to 0, " + element(nonZero[0], nonZero[1], ".grad") + " is "
                    + Figures.of(zero[nonZero[1]]) + " but every gradient must be 0 (backward must multiply by the"
                    + " node's own grad, the upstream gradient)");
        }
        if (notDoubled != null) {
            int e = notDoubled[1];
            String[] shown = Figures.pair(two[e], 2 * one[e]);
            problems.add("with the output's gradient set to 2, " + element(notDoubled[0], e, ".grad") + " is "
                    + shown[0] + ", expected twice " + Figures.of(one[e]) + " = " + shown[1]
                    + " (backward must scale with the upstream gradient)");
        }
        return problems.isEmpty() ? new Outcome.Pass("") : new Outcome.Fail(String.join("; ", problems));
    }

    /**
     * Gradients against the wanted ones, from the output back to the inputs: the first wrong node
     * named is the one nearest the output, where the mistake entered.
     */
    public Outcome grads(int[] order, double[] got, double[] want) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            if (graph.op(node) != TensorOp.CONSTANT && firstWrong(node, got, want) >= 0) {
                wrong.add(node);
            }
        }
        return wrong.isEmpty() ? new Outcome.Pass("") : new Outcome.Fail(mismatch(wrong, got, want, ".grad"));
    }

    /**
     * The student's TensorBackprop on scalar probe nodes of this graph's structure: the order, then
     * the probe gradients (one number a node), exactly as {@link Judge#traversal} for scalars.
     */
    Outcome traversal(int[] reachable, int[] order, int[] calls, double[] grads, double[] want) {
        TraversalProblems.Structure structure = new TraversalProblems.Structure() {
            @Override public int operandCount(int node) { return graph.operandCount(node); }
            @Override public int operand(int node, int k) { return k == 0 ? graph.first(node) : graph.second(node); }
            @Override public String name(int node) { return TensorJudge.this.name(node); }
        };
        List<String> problems = new ArrayList<>();
        String orderProblem = TraversalProblems.order(structure, reachable, order);
        if (orderProblem != null) {
            problems.add("topologicalOrder " + orderProblem);
        }
        List<Integer> wrong = new ArrayList<>();
        for (int i = reachable.length - 1; i >= 0; i--) {
            int node = reachable[i];
            if (graph.op(node) != TensorOp.CONSTANT && !tolerance.accepts(grads[node], want[node])) {
                wrong.add(node);
            }
        }
        if (!wrong.isEmpty()) {
            int node = wrong.get(0);
            String[] shown = Figures.pair(grads[node], want[node]);
            String why = TraversalProblems.calls(structure, reachable, calls);
            problems.add("backward: " + name(node) + ".grad is " + shown[0] + ", expected " + shown[1]
                    + " (tolerance ±" + Figures.rough(tolerance.bound(want[node])) + ")" + (wrong.size() > 1
                    ? "; " + (wrong.size() - 1) + " more node(s) wrong" : "") + PROBE_NODES
                    + (why == null ? "" : "; " + why));
        }
        return problems.isEmpty() ? new Outcome.Pass("") : new Outcome.Fail(String.join("; ", problems));
    }

    /** Why the traversal check's numbers are not the spec's, for tensors: its probe nodes are scalars. */
    static final String PROBE_NODES = " (these are probe-node gradients: your TensorBackprop ran on this spec's graph"
            + " built from topograd's own scalar-shaped nodes, each of which multiplies the gradient it passes to an"
            + " input by a fixed number, 0.8 or 1.25, instead of its op's derivative; a right traversal gets them"
            + " exactly)";

    /** The student's forward differentiated numerically against their input gradients (flattened). */
    public Outcome numerical(NumericalGradient.Estimate estimate, double[] inputGrads) {
        if (!Double.isFinite(estimate.value())) {
            return new Outcome.Fail("your forward gives " + Figures.of(estimate.value()) + " for the output here,"
                    + " so there is nothing to differentiate; fix forward first");
        }
        List<String> skipped = new ArrayList<>();
        for (NumericalGradient.Check c : estimate.compare(inputGrads)) {
            String subject = c.input() < 0 ? "a random direction" : inputElement(c.input());
            if (c.failed()) {
                String[] shown = Figures.pair(c.analytic(), c.numeric());
                return new Outcome.Fail(subject + ": your backward gives " + shown[0] + " but your forward's"
                        + " numerical derivative is " + shown[1] + (Double.isFinite(c.analytic()) ? " (tolerance ±"
                        + Figures.rough(c.bound()) + "); forward and backward disagree" : ""));
            }
            if (c.skipped()) {
                skipped.add(subject + (c.status() == NumericalGradient.Check.Status.KINK ? " (not differentiable here)"
                        : " (undefined nearby)"));
            }
        }
        return new Outcome.Pass(skipped.isEmpty() ? "" : "skipped " + String.join(", ", skipped));
    }

    /** Flattened input element {@code flat} as {@code W[1, 2]} (inputs end to end, in input order). */
    String inputElement(int flat) {
        int at = flat;
        for (int k = 0; k < graph.inputCount(); k++) {
            int node = graph.inputNode(k);
            int size = graph.shape(node).size();
            if (at < size) {
                return name(node) + index(graph.shape(node), at);
            }
            at -= size;
        }
        return "input element " + flat;
    }

    /** Node {@code node}'s element at flat position {@code at}: {@code z[1, 3]}, {@code W.grad[0, 2]}, {@code loss}. */
    public String element(int node, int at, String suffix) {
        return name(node) + suffix + index(graph.shape(node), at - offsets[node]);
    }

    /** A node as students know it: its name, or its expression in parentheses. */
    public String name(int node) {
        String label = graph.label(node);
        return graph.isNamed(node) || label.matches("[A-Za-z_][A-Za-z0-9_]*") ? label : "(" + label + ")";
    }

    static String index(Shape shape, int element) {
        if (shape.rank() == 0) {
            return "";
        }
        if (shape.rank() == 1) {
            return "[" + element + "]";
        }
        return "[" + element / shape.dim(1) + ", " + element % shape.dim(1) + "]";
    }

    /** The first wrong element's flat position among all nodes' elements, or -1. */
    private int firstWrong(int node, double[] got, double[] want) {
        for (int e = offsets[node]; e < offsets[node + 1]; e++) {
            if (!tolerance.accepts(got[e], want[e])) {
                return e;
            }
        }
        return -1;
    }

    /**
     * The node whose backward() passed a wrong gradient first, if the numbers tell: the wrong gradient
     * nearest the output belongs to a node whose users' gradients are all right, so when it has one
     * user, that user's backward() computed it wrongly. -1 when every gradient is right or the wrong one
     * has several users (any of them may be at fault).
     */
    int culprit(int[] order, double[] got, double[] want) {
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            if (graph.op(node) != TensorOp.CONSTANT && firstWrong(node, got, want) >= 0) {
                int user = -1;
                for (int j = i + 1; j < order.length; j++) {
                    int u = order[j];
                    if (graph.first(u) == node || graph.second(u) == node) {
                        if (user >= 0) {
                            return -1;
                        }
                        user = u;
                    }
                }
                return user;
            }
        }
        return -1;
    }

    private String mismatch(List<Integer> wrong, double[] got, double[] want, String suffix) {
        int node = wrong.get(0);
        int e = firstWrong(node, got, want);
        int count = 0;
        for (int i = offsets[node]; i < offsets[node + 1]; i++) {
            count += tolerance.accepts(got[i], want[i]) ? 0 : 1;
        }
        int size = offsets[node + 1] - offsets[node];
        String[] shown = Figures.pair(got[e], want[e]);
        String message = element(node, e, suffix) + " is " + shown[0] + ", expected " + shown[1] + " (tolerance ±"
                + Figures.rough(tolerance.bound(want[e])) + ")" + (size == 1 ? "" : count == size ? "; all " + size
                + " of its elements are wrong" : "; " + count + " of its " + size + " elements " + (count == 1 ? "is"
                : "are") + " wrong");
        if (wrong.size() > 1) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i < wrong.size() && i <= Judge.NAMED; i++) {
                names.add(name(wrong.get(i)) + suffix);
            }
            int rest = wrong.size() - 1 - names.size();
            message += "; also wrong: " + String.join(", ", names) + (rest > 0 ? " and " + rest + " more" : "");
        }
        return message;
    }
}
