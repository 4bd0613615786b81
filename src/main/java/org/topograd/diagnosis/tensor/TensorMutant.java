package org.topograd.diagnosis.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorDerivatives;
import org.topograd.grading.TensorDiagnostician.Threw;
import org.topograd.grading.TensorDiagnostician.WrongShape;
import org.topograd.naming.Mistake;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * One classic tensor mistake, reproduced on the reference engine: a wrong vector-Jacobian rule for
 * some ops (a {@link TensorDerivatives} other than the exact one), or {@code =} where the right
 * backward() adds ({@link Write#ASSIGN}, for the ops in {@link #ops()}).
 *
 * <p>It runs backward as the gradient check drives a student's nodes: in reverse topological
 * order, operand 0's share before operand 1's, each written as the lecture's code writes it,
 * {@code x.grad = x.grad.plus(share)}, so that a share of the wrong shape broadcasts into a gradient
 * of the wrong shape exactly where a student's would.
 *
 * @param bug a short, stable name for reports; variants of one mistake share it
 * @param mistake the mistake, to finish the sentence "your numbers match ..."
 * @param fix what to do instead, with the lecture's (and numpy's) words for it
 * @param write how backward() puts a share into a gradient
 * @param rule the vector-Jacobian rule, wrong for {@link #ops()} (exact for a write mistake)
 * @param ops the ops whose backward() the mistake changes
 */
public record TensorMutant(String bug, String mistake, String fix, Write write, TensorDerivatives rule,
        Set<TensorOp> ops) {

    public TensorMutant {
        EnumSet<TensorOp> inOrder = EnumSet.noneOf(TensorOp.class);
        inOrder.addAll(ops);
        ops = Collections.unmodifiableSet(inOrder);
    }

    /** How backward() puts its share into an operand's gradient. */
    public enum Write {
        /** {@code x.grad = x.grad.plus(share)}: right. */
        ACCUMULATE,
        /** {@code x.grad = share}: the last write wins. */
        ASSIGN
    }

    /** The mistake as words, without the code: what a diagnosis explains (and a kit would carry). */
    public Mistake describe() {
        return new Mistake(bug, mistake, fix, write == Write.ASSIGN ? Mistake.Kind.ASSIGN : Mistake.Kind.RULE,
                Set.of());
    }

    /**
     * What the mistake's backward pass gives, seeded with ones.
     *
     * @param grads every node's gradient once the pass is over (nodes off the order: zeros); null if a
     *     backward() threw
     * @param wrongShape the first gradient of the wrong shape, in the order the pass wrote them, or null
     * @param threw what a backward() threw (a mistake that multiplies arrays whose sizes do not match),
     *     with the text {@code toString()} gives it, as a student's exception is reported; or null
     */
    public record Run(NDArray[] grads, WrongShape wrongShape, Threw threw) {
        /** The first gradient of the wrong shape from the output back, once the pass is over: what end to end sees. */
        public WrongShape endToEndShape(TensorGraph graph, int[] order) {
            if (grads == null) {
                return null;
            }
            for (int i = order.length - 1; i >= 0; i--) {
                int node = order[i];
                if (graph.op(node) != TensorOp.CONSTANT && !grads[node].hasShape(graph.shape(node).dims())) {
                    return new WrongShape(node, -1, grads[node].shape());
                }
            }
            return null;
        }
    }

    /** The backward pass with this mistake, at the reference values, as the gradient check drives it. */
    public Run run(TensorGraph graph, int[] order, NDArray[] values) {
        NDArray[] grads = new NDArray[graph.size()];
        for (int node = 0; node < grads.length; node++) {
            grads[node] = NDArray.zeros(graph.shape(node).dims());
        }
        grads[graph.output()] = NDArray.ones(graph.shape(graph.output()).dims());
        WrongShape wrong = null;
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            TensorOp op = graph.op(node);
            if (op.isLeaf()) {
                continue;
            }
            for (int k = 0; k < graph.operandCount(node); k++) {
                int operand = k == 0 ? graph.first(node) : graph.second(node);
                if (graph.op(operand) == TensorOp.CONSTANT) {
                    continue; // never differentiated, never checked
                }
                try {
                    NDArray share = share(graph, node, k, grads[node], values);
                    grads[operand] = write == Write.ASSIGN && ops.contains(op) ? share : grads[operand].plus(share);
                } catch (RuntimeException e) {
                    return new Run(null, wrong, new Threw(node, e.toString()));
                }
                if (wrong == null && !grads[operand].hasShape(graph.shape(operand).dims())) {
                    wrong = new WrongShape(operand, node, grads[operand].shape());
                }
            }
        }
        return new Run(grads, wrong, null);
    }

    /**
     * The edges {@code 2 * node + k} along which this mistake's backward() writes something else than
     * the right one, given the right gradients {@code right} arriving at each node: a different share
     * (or none it could compute), or {@code =} into an operand that has other uses, whose shares it
     * overwrites or loses.
     */
    public int[] edges(TensorGraph graph, int[] order, NDArray[] values, NDArray[] right) {
        int[] uses = new int[graph.size()];
        for (int node : order) {
            for (int k = 0; k < graph.operandCount(node); k++) {
                uses[k == 0 ? graph.first(node) : graph.second(node)]++;
            }
        }
        List<Integer> edges = new ArrayList<>();
        for (int node : order) {
            TensorOp op = graph.op(node);
            if (op.isLeaf() || !ops.contains(op)) {
                continue;
            }
            for (int k = 0; k < graph.operandCount(node); k++) {
                int operand = k == 0 ? graph.first(node) : graph.second(node);
                if (graph.op(operand) == TensorOp.CONSTANT) {
                    continue;
                }
                boolean differs;
                if (write == Write.ASSIGN) {
                    differs = uses[operand] >= 2;
                } else {
                    NDArray exact = share(TensorDerivatives.EXACT, graph, node, k, right[node], values);
                    NDArray wrong;
                    try {
                        wrong = share(graph, node, k, right[node], values);
                    } catch (RuntimeException e) {
                        wrong = null;
                    }
                    differs = wrong == null || !Arrays.equals(wrong.shape(), exact.shape())
                            || !Arrays.equals(wrong.toArray(), exact.toArray());
                }
                if (differs) {
                    edges.add(2 * node + k);
                }
            }
        }
        return edges.stream().mapToInt(Integer::intValue).toArray();
    }

    private NDArray share(TensorGraph graph, int node, int k, NDArray g, NDArray[] values) {
        return share(rule, graph, node, k, g, values);
    }

    private static NDArray share(TensorDerivatives rule, TensorGraph graph, int node, int k, NDArray g,
            NDArray[] values) {
        int b = graph.second(node);
        return rule.vjp(graph.op(node), k, g, values[graph.first(node)], b < 0 ? null : values[b], values[node],
                graph.param(node));
    }
}
