package org.topograd.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A computation graph as flat arrays: node {@code i} has an {@link Op}, up to two operands (ids of
 * earlier nodes), a parameter (a constant's value or a power's exponent) and a label.
 *
 * <p>Flat arrays rather than node objects because the same graph is evaluated millions of times
 * (grading, numerical checks, mutants, benchmarks) and because it crosses a process boundary to
 * the student's worker. Operands always refer to earlier nodes, so a graph cannot hold a cycle;
 * the engine still computes its own topological order from the output, as students must.
 *
 * <p>Immutable; build one with {@link Builder}.
 */
public final class Graph implements Dag {
    private static final int NONE = -1;

    private final Op[] ops;
    private final int[] first;
    private final int[] second;
    private final double[] params;
    private final String[] labels;
    private final boolean[] named;
    private final int[] inputs;
    private final int output;
    private final Map<String, Integer> byName;
    private final Map<String, Integer> inputIndex;
    private final List<String> inputNames;

    private Graph(Builder b, int output) {
        int n = b.size;
        this.ops = Arrays.copyOf(b.ops, n);
        this.first = Arrays.copyOf(b.first, n);
        this.second = Arrays.copyOf(b.second, n);
        this.params = Arrays.copyOf(b.params, n);
        this.labels = Arrays.copyOf(b.labels, n);
        this.named = Arrays.copyOf(b.named, n);
        this.inputs = b.inputs.stream().mapToInt(Integer::intValue).toArray();
        this.output = output;
        this.byName = Collections.unmodifiableMap(new HashMap<>(b.byName));
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>(inputs.length);
        for (int id : inputs) {
            index.put(labels[id], names.size());
            names.add(labels[id]);
        }
        this.inputIndex = Collections.unmodifiableMap(index);
        this.inputNames = Collections.unmodifiableList(names);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of nodes, leaves included. */
    @Override
    public int size() {
        return ops.length;
    }

    public Op op(int node) {
        return ops[node];
    }

    /** Operand {@code k} (0 or 1) of a node. */
    public int operand(int node, int k) {
        int id = k == 0 ? first[node] : k == 1 ? second[node] : NONE;
        if (id == NONE) {
            throw new IndexOutOfBoundsException(label(node) + " has no operand " + k);
        }
        return id;
    }

    /** Operand 0 of a node, or -1 for a leaf; unchecked, for the engine's inner loops. */
    @Override
    public int first(int node) {
        return first[node];
    }

    /** Operand 1 of a binary node, or -1; unchecked, for the engine's inner loops. */
    @Override
    public int second(int node) {
        return second[node];
    }

    /** How many node operands a node has (0 for leaves). */
    @Override
    public int operandCount(int node) {
        return ops[node].arity().operands();
    }

    /** A constant's value, a power's exponent; 0 otherwise. */
    public double param(int node) {
        return params[node];
    }

    /**
     * The name of a named node (inputs and graph entries), otherwise the subexpression's text;
     * generated graphs' nodes are {@code n<id>}.
     */
    public String label(int node) {
        String label = labels[node];
        return label != null ? label : "n" + node;
    }

    /** Whether a node is an input or a graph entry, as opposed to an anonymous subexpression or a constant. */
    public boolean isNamed(int node) {
        return named[node];
    }

    /** The node with this name, if an input or a graph entry has it. */
    public Optional<Integer> node(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The input nodes in declaration order; input {@code k} takes the {@code k}-th input value. */
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
        return inputIndex.getOrDefault(name, -1);
    }

    @Override
    public int output() {
        return output;
    }

    /** Adds nodes in order; an operand must be a node added before. */
    public static final class Builder {
        private Op[] ops = new Op[16];
        private int[] first = new int[16];
        private int[] second = new int[16];
        private double[] params = new double[16];
        private String[] labels = new String[16];
        private boolean[] named = new boolean[16];
        private int size;
        private final List<Integer> inputs = new ArrayList<>();
        private final Map<String, Integer> byName = new HashMap<>();

        private Builder() {}

        public int size() {
            return size;
        }

        public int input(String name) {
            int id = add(Op.INPUT, NONE, NONE, 0, name);
            inputs.add(id);
            return name(id, name);
        }

        public int constant(double value) {
            return add(Op.CONSTANT, NONE, NONE, value, NumberText.format(value));
        }

        /** A unary function or negation. */
        public int unary(Op op, int x, String label) {
            require(op, Op.Arity.UNARY);
            return add(op, operand(x), NONE, 0, label);
        }

        public int binary(Op op, int a, int b, String label) {
            require(op, Op.Arity.BINARY);
            return add(op, operand(a), operand(b), 0, label);
        }

        public int power(int base, double exponent, String label) {
            return add(Op.POW, operand(base), NONE, exponent, label);
        }

        /** Any operation, operands in order; {@code param} is the exponent of a power. */
        public int operation(Op op, int[] operands, double param, String label) {
            return switch (op.arity()) {
                case UNARY -> unary(op, operands[0], label);
                case BINARY -> binary(op, operands[0], operands[1], label);
                case POWER -> power(operands[0], param, label);
                case LEAF -> throw new IllegalArgumentException("leaves are added with input() or constant()");
            };
        }

        /** Gives a node a name (a graph entry's key), replacing its label. */
        public int name(int node, String name) {
            if (byName.putIfAbsent(name, node) != null) {
                throw new IllegalArgumentException("two nodes named " + name);
            }
            labels[node] = name;
            named[node] = true;
            return node;
        }

        public Graph build(int output) {
            operand(output);
            return new Graph(this, output);
        }

        /** The graph with its last node as the output. */
        public Graph build() {
            return build(size - 1);
        }

        private static void require(Op op, Op.Arity arity) {
            if (op.arity() != arity) {
                throw new IllegalArgumentException(op + " is not " + arity);
            }
        }

        private int operand(int id) {
            if (id < 0 || id >= size) {
                throw new IllegalArgumentException("operand " + id + " is not an earlier node");
            }
            return id;
        }

        private int add(Op op, int a, int b, double param, String label) {
            if (size == ops.length) {
                int capacity = size * 2;
                ops = Arrays.copyOf(ops, capacity);
                first = Arrays.copyOf(first, capacity);
                second = Arrays.copyOf(second, capacity);
                params = Arrays.copyOf(params, capacity);
                labels = Arrays.copyOf(labels, capacity);
                named = Arrays.copyOf(named, capacity);
            }
            ops[size] = op;
            first[size] = a;
            second[size] = b;
            params[size] = param;
            labels[size] = label;
            return size++;
        }
    }
}
