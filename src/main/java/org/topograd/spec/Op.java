package org.topograd.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a graph node does: the two kinds of leaf and the operations of the spec language.
 *
 * <p>The operation names are shared by the spec language ({@code tanh(x)}), the student API
 * ({@code @Op("tanh")}) and the reports. The math lives in the reference engine; this is only the
 * vocabulary.
 */
public enum Op {
    /** A named input, differentiated. */
    INPUT(Arity.LEAF, null),
    /** A number written in the graph, never differentiated. */
    CONSTANT(Arity.LEAF, null),

    ADD(Arity.BINARY, "+"),
    SUB(Arity.BINARY, "-"),
    MUL(Arity.BINARY, "*"),
    DIV(Arity.BINARY, "/"),
    /** {@code base ^ exponent} with a number for the exponent: the lecture's PowerNode. */
    POW(Arity.POWER, "^"),
    NEG(Arity.UNARY, "-"),
    EXP(Arity.UNARY, null),
    LOG(Arity.UNARY, null),
    SQRT(Arity.UNARY, null),
    SIN(Arity.UNARY, null),
    COS(Arity.UNARY, null),
    TANH(Arity.UNARY, null),
    SIGMOID(Arity.UNARY, null),
    RELU(Arity.UNARY, null);

    /** How many node operands an op takes, which also fixes the student constructor's shape. */
    public enum Arity {
        LEAF(0, "()"),
        UNARY(1, "(Node x)"),
        BINARY(2, "(Node a, Node b)"),
        POWER(1, "(Node base, double exponent)");

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

    private static final List<Op> OPERATIONS =
            Arrays.stream(values()).filter(op -> op.arity != Arity.LEAF).toList();
    private static final List<Op> FUNCTIONS =
            OPERATIONS.stream().filter(op -> op.arity == Arity.UNARY && op != NEG).toList();

    private final Arity arity;
    private final String symbol;

    Op(Arity arity, String symbol) {
        this.arity = arity;
        this.symbol = symbol;
    }

    public Arity arity() {
        return arity;
    }

    /** The name used in specs, {@code @Op} annotations and reports: {@code "mul"}, {@code "input"}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The infix or prefix symbol of an operator ({@code "*"}), or null for functions and leaves. */
    public String symbol() {
        return symbol;
    }

    public boolean isLeaf() {
        return arity == Arity.LEAF;
    }

    /** Every op a student implements, in a fixed order. */
    public static List<Op> operations() {
        return OPERATIONS;
    }

    /** The ops written as calls in an expression, like {@code tanh(x)}. */
    public static List<Op> functions() {
        return FUNCTIONS;
    }

    /** The operation with this spec name (leaves excluded). */
    public static Optional<Op> operation(String specName) {
        return OPERATIONS.stream().filter(op -> op.specName().equals(specName)).findFirst();
    }

    /** The function with this name, as written in {@code name(...)}. */
    public static Optional<Op> function(String specName) {
        return FUNCTIONS.stream().filter(op -> op.specName().equals(specName)).findFirst();
    }
}
