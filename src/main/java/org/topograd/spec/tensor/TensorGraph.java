package org.topograd.spec.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.topograd.spec.Dag;
import org.topograd.spec.NumberText;

/**
 * A tensor computation graph as flat arrays, like the scalar {@code spec.Graph}: node {@code i} has a
 * {@link TensorOp}, up to two operands (ids of earlier nodes), a parameter (a power's exponent or a
 * reduction's axis), a {@link Shape} and a label; a constant also has its elements.
 *
 * <p>Every node's shape is inferred, and checked, as the node is added: a graph that exists is one
 * whose shapes agree, so the engine and the grader never meet a shape error of the spec's own.
 * Operands refer to earlier nodes, so there is no cycle.
 *
 * <p>Immutable; build one with {@link Builder}.
 *
 * <p>Over 300 lines for a reason: the graph and its builder belong together, since the builder's
 * shape rules are what make a graph that exists one whose shapes agree.
 */
public final class TensorGraph implements Dag {
    private static final int NONE = -1;

    private final TensorOp[] ops;
    private final int[] first;
    private final int[] second;
    private final double[] params;
    private final Shape[] shapes;
    private final String[] labels;
    private final boolean[] named;
    private final double[][] constants;
    private final int[] inputs;
    private final int output;
    private final Map<String, Integer> byName;
    private final List<String> inputNames;

    private TensorGraph(Builder b, int output) {
        int n = b.ops.size();
        this.ops = b.ops.toArray(new TensorOp[0]);
        this.first = b.first.stream().mapToInt(Integer::intValue).toArray();
        this.second = b.second.stream().mapToInt(Integer::intValue).toArray();
        this.params = b.params.stream().mapToDouble(Double::doubleValue).toArray();
        this.shapes = b.shapes.toArray(new Shape[0]);
        this.labels = b.labels.toArray(new String[0]);
        this.named = new boolean[n];
        b.byName.values().forEach(id -> named[id] = true);
        this.constants = b.constants.toArray(new double[0][]);
        this.inputs = b.inputs.stream().mapToInt(Integer::intValue).toArray();
        this.output = output;
        this.byName = Collections.unmodifiableMap(new HashMap<>(b.byName));
        List<String> names = new ArrayList<>();
        for (int id : inputs) {
            names.add(labels[id]);
        }
        this.inputNames = List.copyOf(names);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of nodes, leaves included. */
    @Override
    public int size() {
        return ops.length;
    }

    public TensorOp op(int node) {
        return ops[node];
    }

    /** Operand 0 of a node, or -1 for a leaf. */
    @Override
    public int first(int node) {
        return first[node];
    }

    /** Operand 1 of a binary node, or -1. */
    @Override
    public int second(int node) {
        return second[node];
    }

    /** How many node operands a node has (0 for leaves). */
    @Override
    public int operandCount(int node) {
        return ops[node].arity().operands();
    }

    /** A power's exponent, a reduction's axis (already counted from the left); 0 otherwise. */
    public double param(int node) {
        return params[node];
    }

    /** A reduction's axis, counted from the left. */
    public int axis(int node) {
        return (int) params[node];
    }

    public Shape shape(int node) {
        return shapes[node];
    }

    /** A constant's elements, row-major (a copy). */
    public double[] constant(int node) {
        if (ops[node] != TensorOp.CONSTANT) {
            throw new IllegalArgumentException(label(node) + " is not a constant");
        }
        return constants[node].clone();
    }

    /** The name of an input or a graph entry, otherwise the subexpression's text or {@code n<id>}. */
    public String label(int node) {
        String label = labels[node];
        return label != null ? label : "n" + node;
    }

    /** Whether a node is an input, a named constant or a graph entry. */
    public boolean isNamed(int node) {
        return named[node];
    }

    /** The node with this name, if an input, a constant or a graph entry has it. */
    public Optional<Integer> node(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The input nodes in declaration order; input {@code k} takes the {@code k}-th input tensor. */
    public int inputCount() {
        return inputs.length;
    }

    public int inputNode(int k) {
        return inputs[k];
    }

    /** Input names in declaration order. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** The position of the input with this name among the inputs, or -1. */
    public int inputIndex(String name) {
        return inputNames.indexOf(name);
    }

    @Override
    public int output() {
        return output;
    }

    /**
     * Adds nodes in order, inferring each node's shape. A rule that fails throws a
     * {@link ShapeException} naming the operands by their labels; nothing is added then.
     */
    public static final class Builder {
        private final List<TensorOp> ops = new ArrayList<>();
        private final List<Integer> first = new ArrayList<>();
        private final List<Integer> second = new ArrayList<>();
        private final List<Double> params = new ArrayList<>();
        private final List<Shape> shapes = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<double[]> constants = new ArrayList<>();
        private final List<Integer> inputs = new ArrayList<>();
        private final Map<String, Integer> byName = new HashMap<>();

        private Builder() {}

        public int size() {
            return ops.size();
        }

        public Shape shape(int node) {
            return shapes.get(operand(node));
        }

        /** A differentiated input of this shape. */
        public int input(String name, Shape shape) {
            int id = add(TensorOp.INPUT, NONE, NONE, 0, shape, name, null);
            inputs.add(id);
            return name(id, name);
        }

        /** A constant with these elements, row-major; {@code label} names it in messages. */
        public int constant(Shape shape, double[] elements, String label) {
            if (elements.length != shape.size()) {
                throw new IllegalArgumentException(elements.length + " elements for shape " + shape);
            }
            return add(TensorOp.CONSTANT, NONE, NONE, 0, shape, label, elements.clone());
        }

        /** A scalar constant, as a number in an expression makes. */
        public int constant(double value, String label) {
            return constant(Shape.SCALAR, new double[] {value}, label);
        }

        /** A one-operand op: an elementwise function, negation, transpose, a full reduction, a softmax. */
        public int unary(TensorOp op, int x, String label) {
            require(op, TensorOp.Arity.UNARY);
            Shape s = shape(x);
            Shape out = switch (op) {
                case TRANSPOSE -> s.transpose();
                case SUM, MEAN -> Shape.SCALAR;
                case SOFTMAX, LOG_SOFTMAX -> {
                    if (s.isScalar()) {
                        throw new ShapeException(op.functionName() + " works along the last axis, and "
                                + label(x) + " is a scalar: give it a vector or a matrix");
                    }
                    yield s;
                }
                default -> s;
            };
            return add(op, x, NONE, 0, out, label, null);
        }

        /** A two-operand op: elementwise with broadcasting, matmul, or cross-entropy. */
        public int binary(TensorOp op, int a, int b, String label) {
            require(op, TensorOp.Arity.BINARY);
            Shape sa = shape(a);
            Shape sb = shape(b);
            Shape out;
            try {
                out = switch (op) {
                    case MATMUL -> Shape.matmul(sa, sb);
                    case CROSS_ENTROPY -> crossEntropy(a, b);
                    default -> Shape.broadcast(sa, sb);
                };
            } catch (ShapeException e) {
                throw new ShapeException(label(a) + " has shape " + sa + " and " + label(b) + " has shape " + sb
                        + ": " + e.getMessage());
            }
            return add(op, a, b, 0, out, label, null);
        }

        /** {@code base ^ exponent}, elementwise. */
        public int power(int base, double exponent, String label) {
            return add(TensorOp.POW, base, NONE, exponent, shape(base), label, null);
        }

        /** A reduction along an axis, written counted from the left or (negative) from the right. */
        public int axis(TensorOp op, int x, int writtenAxis, String label) {
            require(op, TensorOp.Arity.AXIS);
            Shape s = shape(x);
            int axis;
            try {
                axis = s.axis(writtenAxis);
            } catch (ShapeException e) {
                throw new ShapeException(label(x) + " has shape " + s + ": " + e.getMessage());
            }
            return add(op, x, NONE, axis, s.without(axis), label, null);
        }

        /** Any operation, operands in order; {@code param} is a power's exponent or a reduction's axis. */
        public int operation(TensorOp op, int[] operands, double param, String label) {
            return switch (op.arity()) {
                case UNARY -> unary(op, operands[0], label);
                case BINARY -> binary(op, operands[0], operands[1], label);
                case POWER -> power(operands[0], param, label);
                case AXIS -> axis(op, operands[0], (int) param, label);
                case LEAF -> throw new IllegalArgumentException("leaves are added with input() or constant()");
            };
        }

        /** Gives a node a name (a constant's or a graph entry's key), replacing its label. */
        public int name(int node, String name) {
            Integer before = byName.putIfAbsent(name, node);
            if (before != null && before != node) {
                throw new IllegalArgumentException("two nodes named " + name);
            }
            labels.set(node, name);
            return node;
        }

        /**
         * The graph with this output.
         *
         * @throws ShapeException if the output is not a scalar: backpropagation starts from one number
         */
        public TensorGraph build(int output) {
            Shape s = shape(output);
            if (!s.isScalar()) {
                throw new ShapeException("the output " + label(output) + " has shape " + s + ", and it must be a"
                        + " scalar (shape []) for its gradient to start at 1: reduce it with sum(...) or mean(...)");
            }
            return new TensorGraph(this, output);
        }

        private String label(int node) {
            String label = labels.get(node);
            return label != null ? label : "n" + node;
        }

        private Shape crossEntropy(int logits, int labelsNode) {
            Shape sl = shape(logits);
            Shape sy = shape(labelsNode);
            boolean batch = sl.rank() == 2 && sy.rank() == 1 && sy.dim(0) == sl.dim(0);
            boolean single = sl.rank() == 1 && sy.isScalar();
            if (!batch && !single) {
                throw new ShapeException("cross_entropy takes logits [N, C] with labels [N] (one label per row),"
                        + " or logits [C] with one label: give it logits and labels of those shapes");
            }
            if (ops.get(labelsNode) != TensorOp.CONSTANT) {
                throw new ShapeException("cross_entropy's labels must be a constant (declare them under"
                        + " constants), since integer labels are not differentiated");
            }
            int classes = sl.dim(sl.rank() - 1);
            for (double y : constants.get(labelsNode)) {
                if (y != Math.rint(y) || y < 0 || y >= classes) {
                    throw new ShapeException("label " + NumberText.format(y) + " is not a class: labels are whole"
                            + " numbers from 0 to " + (classes - 1) + " for logits with " + classes + " columns;"
                            + " correct the label under constants");
                }
            }
            return Shape.SCALAR;
        }

        private static void require(TensorOp op, TensorOp.Arity arity) {
            if (op.arity() != arity) {
                throw new IllegalArgumentException(op + " is not " + arity);
            }
        }

        private int operand(int id) {
            if (id < 0 || id >= ops.size()) {
                throw new IllegalArgumentException("operand " + id + " is not an earlier node");
            }
            return id;
        }

        private int add(TensorOp op, int a, int b, double param, Shape shape, String label, double[] constant) {
            if (a != NONE) {
                operand(a);
            }
            if (b != NONE) {
                operand(b);
            }
            ops.add(op);
            first.add(a);
            second.add(b);
            params.add(param);
            shapes.add(shape);
            labels.add(label);
            constants.add(constant);
            return ops.size() - 1;
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            out.append(i).append(' ').append(label(i)).append(" = ").append(ops[i].specName())
                    .append(Arrays.toString(new int[] {first[i], second[i]})).append(' ').append(shapes[i])
                    .append('\n');
        }
        return out.toString();
    }
}
