package org.topograd.diagnosis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.api.Backprop;
import org.topograd.api.Constant;
import org.topograd.api.Input;
import org.topograd.api.Node;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;

/**
 * A student's code with one classic mistake written out literally, as a student would write it,
 * on the real student API, and run the way topograd's worker runs it. Independent of the mutants:
 * every derivative here is written by hand, so a test that a mutant's numbers match this student's
 * is a test that the mutant reproduces the mistake.
 */
final class Student {
    /** Each mistake; CORRECT has none. */
    enum Bug {
        CORRECT, RECURSION, RECURSION_LAST_INPUT_FIRST, VISITED_SET, NOT_REVERSED, RESET_AFTER_SEED,
        ASSIGN, UPSTREAM, RESET_AFTER_BACKWARD, POW_N_X_N, POW_MISSING_N, SUB_SIGN, DIV_SIGN, DIV_NOT_SQUARED,
        MUL_OWN, COS_SIGN, EXP_AT_OUTPUT, LOG_AT_OUTPUT, SQRT_AT_OUTPUT, SIN_AT_OUTPUT, COS_AT_OUTPUT,
        TANH_AT_OUTPUT, SIGMOID_AT_OUTPUT, TANH_1_MINUS_X2, SIGMOID_X_1_MINUS_X, SQRT_1_OVER_2X, UNARY_AT_OUTPUT
    }

    private final Bug bug;

    Student(Bug bug) {
        this.bug = bug;
    }

    // ---- nodes -----------------------------------------------------------------------------------

    /** One class for every op, as a student's generic unary function and binary nodes would be. */
    final class StudentNode extends Node {
        final Op op;
        final double n;

        StudentNode(Op op, double n, Node... inputs) {
            super(inputs);
            this.op = op;
            this.n = n;
        }

        double x() {
            return inputs().get(0).value;
        }

        double y() {
            return inputs().get(1).value;
        }

        @Override
        public void forward() {
            switch (op) {
                case ADD: value = x() + y(); break;
                case SUB: value = x() - y(); break;
                case MUL: value = x() * y(); break;
                case DIV: value = x() / y(); break;
                case POW: value = Math.pow(x(), n); break;
                case NEG: value = -x(); break;
                default: value = f(op, x());
            }
        }

        @Override
        public void backward() {
            double[] local = local();
            for (int k = 0; k < local.length; k++) {
                Node in = inputs().get(k);
                if (bug == Bug.ASSIGN) {
                    in.grad = grad * local[k];
                } else if (bug == Bug.UPSTREAM) {
                    in.grad += local[k];
                } else {
                    in.grad += grad * local[k];
                }
            }
            if (bug == Bug.RESET_AFTER_BACKWARD) {
                grad = 0;
            }
        }

        private double[] local() {
            double x = x();
            switch (op) {
                case ADD: return new double[] {1, 1};
                case SUB: return new double[] {1, bug == Bug.SUB_SIGN ? 1 : -1};
                case MUL: return bug == Bug.MUL_OWN ? new double[] {x, y()} : new double[] {y(), x};
                case DIV: {
                    double y = y();
                    double db = bug == Bug.DIV_SIGN ? x / (y * y) : bug == Bug.DIV_NOT_SQUARED ? -x / y : -x / (y * y);
                    return new double[] {1 / y, db};
                }
                case POW:
                    return new double[] {bug == Bug.POW_N_X_N ? n * Math.pow(x, n)
                            : bug == Bug.POW_MISSING_N ? Math.pow(x, n - 1) : n * Math.pow(x, n - 1)};
                case NEG: return new double[] {-1};
                default: {
                    // The generic unary function: derivative(x.value), or wrongly derivative(value).
                    boolean atOutput = bug == Bug.UNARY_AT_OUTPUT
                            || (op == Op.EXP && bug == Bug.EXP_AT_OUTPUT) || (op == Op.LOG && bug == Bug.LOG_AT_OUTPUT)
                            || (op == Op.SQRT && bug == Bug.SQRT_AT_OUTPUT) || (op == Op.SIN && bug == Bug.SIN_AT_OUTPUT)
                            || (op == Op.COS && bug == Bug.COS_AT_OUTPUT) || (op == Op.TANH && bug == Bug.TANH_AT_OUTPUT)
                            || (op == Op.SIGMOID && bug == Bug.SIGMOID_AT_OUTPUT);
                    return new double[] {derivative(op, atOutput ? value : x)};
                }
            }
        }

        private double derivative(Op op, double x) {
            switch (op) {
                case EXP: return Math.exp(x);
                case LOG: return 1 / x;
                case SQRT: return bug == Bug.SQRT_1_OVER_2X ? 1 / (2 * x) : 1 / (2 * Math.sqrt(x));
                case SIN: return Math.cos(x);
                case COS: return bug == Bug.COS_SIGN ? Math.sin(x) : -Math.sin(x);
                case TANH: {
                    if (bug == Bug.TANH_1_MINUS_X2) {
                        return 1 - x * x;
                    }
                    double t = Math.tanh(x);
                    return 1 - t * t;
                }
                case SIGMOID: {
                    if (bug == Bug.SIGMOID_X_1_MINUS_X) {
                        return x * (1 - x);
                    }
                    double s = 1 / (1 + Math.exp(-x));
                    return s * (1 - s);
                }
                case RELU: return x > 0 ? 1 : 0;
                default: throw new IllegalArgumentException(op.toString());
            }
        }
    }

    private static double f(Op op, double x) {
        switch (op) {
            case EXP: return Math.exp(x);
            case LOG: return Math.log(x);
            case SQRT: return Math.sqrt(x);
            case SIN: return Math.sin(x);
            case COS: return Math.cos(x);
            case TANH: return Math.tanh(x);
            case SIGMOID: return 1 / (1 + Math.exp(-x));
            case RELU: return x > 0 ? x : 0;
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    /** topograd's probe node, as in the worker: given local derivatives. */
    static final class Probe extends Node {
        private final double[] partials;

        Probe(double[] partials, Node... inputs) {
            super(inputs);
            this.partials = partials;
        }

        @Override
        public void forward() {}

        @Override
        public void backward() {
            for (int k = 0; k < partials.length; k++) {
                inputs().get(k).grad += grad * partials[k];
            }
        }
    }

    // ---- the traversal ---------------------------------------------------------------------------

    final class Traversal implements Backprop {
        @Override
        public List<Node> topologicalOrder(Node output) {
            List<Node> order = new ArrayList<>();
            visit(output, new IdentityHashMap<>(), order);
            return order;
        }

        private void visit(Node node, Map<Node, Boolean> seen, List<Node> order) {
            if (seen.put(node, true) != null) {
                return;
            }
            for (Node in : node.inputs()) {
                visit(in, seen, order);
            }
            order.add(node);
        }

        @Override
        public void backward(Node output) {
            output.grad = 1;
            switch (bug) {
                case RECURSION:
                    propagate(output, false);
                    return;
                case RECURSION_LAST_INPUT_FIRST:
                    propagate(output, true);
                    return;
                case VISITED_SET:
                    propagateOnce(output, new IdentityHashMap<>());
                    return;
                default:
            }
            List<Node> order = topologicalOrder(output);
            if (bug == Bug.RESET_AFTER_SEED) {
                for (Node n : order) {
                    n.grad = 0; // "zero_grad" in the wrong place: after the seed
                }
            }
            if (bug != Bug.NOT_REVERSED) {
                Collections.reverse(order);
            }
            for (Node n : order) {
                n.backward();
            }
        }

        private void propagate(Node node, boolean lastFirst) {
            node.backward();
            List<Node> inputs = new ArrayList<>(node.inputs());
            if (lastFirst) {
                Collections.reverse(inputs);
            }
            for (Node in : inputs) {
                propagate(in, lastFirst);
            }
        }

        private void propagateOnce(Node node, Map<Node, Boolean> seen) {
            if (seen.put(node, true) != null) {
                return;
            }
            node.backward();
            for (Node in : node.inputs()) {
                propagateOnce(in, seen);
            }
        }
    }

    // ---- the worker's tasks ----------------------------------------------------------------------

    private Node[] build(Graph g, double[] inputs, int[] order) {
        Node[] nodes = new Node[g.size()];
        for (int id : order) {
            Op op = g.op(id);
            if (op == Op.INPUT) {
                nodes[id] = new Input(g.label(id), inputs[g.inputNames().indexOf(g.label(id))]);
            } else if (op == Op.CONSTANT) {
                nodes[id] = new Constant(g.param(id));
            } else if (g.operandCount(id) == 2) {
                nodes[id] = new StudentNode(op, 0, nodes[g.first(id)], nodes[g.second(id)]);
            } else {
                nodes[id] = new StudentNode(op, g.param(id), nodes[g.first(id)]);
            }
        }
        for (int id : order) {
            nodes[id].forward();
        }
        return nodes;
    }

    private static double[] grads(Node[] nodes, int[] order) {
        double[] grads = new double[nodes.length];
        java.util.Arrays.fill(grads, Double.NaN);
        for (int id : order) {
            grads[id] = nodes[id].grad;
        }
        return grads;
    }

    /** The GRADS task: the student's nodes, backward() in reverse of topograd's order, output seeded. */
    double[] gradsTask(Graph g, double[] inputs, int[] order, double seed) {
        Node[] nodes = build(g, inputs, order);
        nodes[g.output()].grad = seed;
        for (int i = order.length - 1; i >= 0; i--) {
            nodes[order[i]].backward();
        }
        return grads(nodes, order);
    }

    /** The END_TO_END task: the student's nodes and the student's Backprop. */
    double[] endToEndTask(Graph g, double[] inputs, int[] order) {
        Node[] nodes = build(g, inputs, order);
        new Traversal().backward(nodes[g.output()]);
        return grads(nodes, order);
    }

    /** The TRAVERSAL task: topograd's probe nodes and the student's Backprop. */
    double[] traversalTask(Graph g, double[] inputs, double[] partials) {
        Node[] nodes = new Node[g.size()];
        for (int id = 0; id < g.size(); id++) {
            Op op = g.op(id);
            if (op == Op.INPUT) {
                nodes[id] = new Input(g.label(id), inputs[g.inputNames().indexOf(g.label(id))]);
            } else if (op == Op.CONSTANT) {
                nodes[id] = new Constant(g.param(id));
            } else if (g.operandCount(id) == 2) {
                nodes[id] = new Probe(new double[] {partials[2 * id], partials[2 * id + 1]}, nodes[g.first(id)],
                        nodes[g.second(id)]);
            } else {
                nodes[id] = new Probe(new double[] {partials[2 * id]}, nodes[g.first(id)]);
            }
        }
        new Traversal().backward(nodes[g.output()]);
        double[] grads = new double[g.size()];
        for (int id = 0; id < g.size(); id++) {
            grads[id] = nodes[id].grad;
        }
        return grads;
    }
}
