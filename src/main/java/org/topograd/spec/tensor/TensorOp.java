package org.topograd.spec.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a node of a tensor graph does: the two kinds of leaf and the operations of the tensor spec
 * language.
 *
 * <p>The names are shared by the spec language ({@code softmax(z)}), the student API
 * ({@code @Op("softmax")} on a {@code TensorNode}) and the reports; the math lives in the reference
 * engine. Reductions along an axis are ops of their own ({@code sum_axis}, {@code mean_axis}) because
 * the student class takes a different constructor; the spec language writes both as
 * {@code sum(x)} and {@code sum(x, 0)}.
 */
public enum TensorOp {
    /** A named input, differentiated. */
    INPUT(Arity.LEAF, null, null),
    /** A number written in the graph or a {@code constants} entry: never differentiated. */
    CONSTANT(Arity.LEAF, null, null),

    ADD(Arity.BINARY, "+", null),
    SUB(Arity.BINARY, "-", null),
    MUL(Arity.BINARY, "*", null),
    DIV(Arity.BINARY, "/", null),
    /** {@code x ^ p} with a number for {@code p}, elementwise. */
    POW(Arity.POWER, "^", null),
    NEG(Arity.UNARY, "-", null),
    EXP(Arity.UNARY, null, "exp"),
    LOG(Arity.UNARY, null, "log"),
    SQRT(Arity.UNARY, null, "sqrt"),
    SIN(Arity.UNARY, null, "sin"),
    COS(Arity.UNARY, null, "cos"),
    TANH(Arity.UNARY, null, "tanh"),
    SIGMOID(Arity.UNARY, null, "sigmoid"),
    RELU(Arity.UNARY, null, "relu"),

    /** {@code a @ b}, numpy's rules for 1-D and 2-D operands. */
    MATMUL(Arity.BINARY, "@", null),
    /** Reverses the axes: a 2-D tensor's rows become columns; 0-D and 1-D are unchanged. */
    TRANSPOSE(Arity.UNARY, null, "transpose"),
    /** {@code sum(x)}: every element, to a scalar. */
    SUM(Arity.UNARY, null, "sum"),
    /** {@code mean(x)}: every element, to a scalar. */
    MEAN(Arity.UNARY, null, "mean"),
    /** {@code sum(x, axis)}: along one axis, which disappears (numpy's default, no keepdims). */
    SUM_AXIS(Arity.AXIS, null, "sum"),
    /** {@code mean(x, axis)}: along one axis, which disappears. */
    MEAN_AXIS(Arity.AXIS, null, "mean"),
    /** Along the last axis. */
    SOFTMAX(Arity.UNARY, null, "softmax"),
    /** Along the last axis: {@code x - log(sum(exp(x)))}, computed stably. */
    LOG_SOFTMAX(Arity.UNARY, null, "log_softmax"),
    /**
     * {@code cross_entropy(logits, labels)}: the mean over rows of {@code -log_softmax(logits)[i, labels[i]]};
     * logits {@code [N, C]} with labels {@code [N]}, or logits {@code [C]} with a scalar label. The labels
     * are integers in {@code [0, C)} and are not differentiated.
     */
    CROSS_ENTROPY(Arity.BINARY, null, "cross_entropy");

    /** How many node operands an op takes, which also fixes the student constructor's shape. */
    public enum Arity {
        LEAF(0, "()"),
        UNARY(1, "(TensorNode x)"),
        BINARY(2, "(TensorNode a, TensorNode b)"),
        POWER(1, "(TensorNode base, double exponent)"),
        AXIS(1, "(TensorNode x, int axis)");

        private final int operands;
        private final String constructor;

        Arity(int operands, String constructor) {
            this.operands = operands;
            this.constructor = constructor;
        }

        public int operands() {
            return operands;
        }

        /** The public constructor a student's class for such an op must have, as Java source. */
        public String constructor() {
            return constructor;
        }
    }

    private static final List<TensorOp> OPERATIONS =
            Arrays.stream(values()).filter(op -> op.arity != Arity.LEAF).toList();

    private final Arity arity;
    private final String symbol;
    private final String function;

    TensorOp(Arity arity, String symbol, String function) {
        this.arity = arity;
        this.symbol = symbol;
        this.function = function;
    }

    public Arity arity() {
        return arity;
    }

    /** The name in {@code @Op} annotations and reports: {@code "matmul"}, {@code "sum_axis"}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The infix or prefix symbol of an operator ({@code "@"}), or null. */
    public String symbol() {
        return symbol;
    }

    /** The name a call is written with in a graph entry ({@code "sum"} for both sums), or null. */
    public String functionName() {
        return function;
    }

    public boolean isLeaf() {
        return arity == Arity.LEAF;
    }

    /** Elementwise ops, whose operands broadcast against each other (numpy's rules). */
    public boolean isElementwise() {
        return switch (this) {
            case ADD, SUB, MUL, DIV, POW, NEG, EXP, LOG, SQRT, SIN, COS, TANH, SIGMOID, RELU -> true;
            default -> false;
        };
    }

    /** Every op a student implements, in a fixed order. */
    public static List<TensorOp> operations() {
        return OPERATIONS;
    }

    /** The operation with this {@code @Op} name (leaves excluded). */
    public static Optional<TensorOp> operation(String specName) {
        return OPERATIONS.stream().filter(op -> op.specName().equals(specName)).findFirst();
    }

    /**
     * The op a call {@code name(x)} or {@code name(x, axis)} means: {@code sum} with one argument is
     * {@link #SUM}, with two {@link #SUM_AXIS}.
     */
    public static Optional<TensorOp> function(String name, int arguments) {
        return OPERATIONS.stream()
                .filter(op -> name.equals(op.function))
                .filter(op -> op.arity.operands() + (op.arity == Arity.AXIS ? 1 : 0) == arguments)
                .findFirst();
    }

    /** Whether any call is written with this name, whatever its arguments. */
    public static boolean isFunctionName(String name) {
        return OPERATIONS.stream().anyMatch(op -> name.equals(op.function));
    }
}
