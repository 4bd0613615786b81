package org.topograd.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.topograd.spec.Op;

/**
 * The kit's {@code starter/} folder: a submission that compiles as it is, with one class per op the
 * assignment requires (the right {@code @Op} and constructor, each method throwing
 * {@code UnsupportedOperationException("TODO")}) and the {@code Backprop} class. It says what
 * each method must do, never the math: that is the exercise.
 */
final class Starter {
    static final String FOLDER = "starter";
    static final String PACKAGE = "backprop";
    static final String BACKPROP = "TopologicalBackprop";

    private Starter() {}

    /** The class a student writes for {@code op}: {@code Mul}, {@code Power}, {@code Sigmoid}. */
    static String className(Op op) {
        if (op == Op.POW) {
            return "Power";
        }
        String name = op.specName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** What the op computes, in words a student reads in the starter and the README. */
    static String meaning(Op op) {
        return switch (op) {
            case ADD -> "a + b";
            case SUB -> "a - b";
            case MUL -> "a * b";
            case DIV -> "a / b";
            case POW -> "base ^ exponent, the exponent a fixed number (the lecture's PowerNode)";
            case NEG -> "-x";
            case EXP, LOG, SQRT, SIN, COS, TANH -> op.specName() + "(x)";
            case SIGMOID -> "sigmoid(x) = 1 / (1 + exp(-x))";
            case RELU -> "relu(x) = max(x, 0); its derivative at 0 is taken to be 0";
            default -> throw new IllegalArgumentException(op + " is a leaf");
        };
    }

    /** Every file of the starter, by its path in the kit, for the ops required. */
    static Map<String, byte[]> files(Set<Op> required) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Op op : Op.operations()) {
            if (required.contains(op)) {
                files.put(path(className(op)), ApiFiles.utf8(opClass(op)));
            }
        }
        files.put(path(BACKPROP), ApiFiles.utf8(backprop()));
        return files;
    }

    private static String path(String className) {
        return FOLDER + "/" + PACKAGE + "/" + className + ".java";
    }

    private static String opClass(Op op) {
        String name = className(op);
        StringBuilder java = new StringBuilder();
        java.append("package ").append(PACKAGE).append(";\n\n");
        java.append("import org.topograd.api.Node;\nimport org.topograd.api.Op;\n\n");
        java.append("/** ").append(meaning(op)).append(". */\n");
        java.append("@Op(\"").append(op.specName()).append("\")\n");
        java.append("public class ").append(name).append(" extends Node {\n");
        switch (op.arity()) {
            case BINARY -> java.append("    public ").append(name).append("(Node a, Node b) {\n")
                    .append("        super(a, b); // inputs().get(0) is a, inputs().get(1) is b\n    }\n\n");
            case POWER -> java.append("    private final double exponent;\n\n")
                    .append("    public ").append(name).append("(Node base, double exponent) {\n")
                    .append("        super(base); // inputs().get(0) is the base; the exponent is a number, not a"
                            + " node\n")
                    .append("        this.exponent = exponent;\n    }\n\n");
            default -> java.append("    public ").append(name).append("(Node x) {\n")
                    .append("        super(x); // inputs().get(0) is x\n    }\n\n");
        }
        java.append("    /** Sets value from the inputs' values. */\n");
        java.append("    @Override\n    public void forward() {\n");
        java.append("        throw new UnsupportedOperationException(\"TODO\");\n    }\n\n");
        java.append("    /** Adds this node's share to each input's grad: input.grad += grad * d(value)/d(input)."
                + " */\n");
        java.append("    @Override\n    public void backward() {\n");
        java.append("        throw new UnsupportedOperationException(\"TODO\");\n    }\n}\n");
        return java.toString();
    }

    private static String backprop() {
        return "package " + PACKAGE + ";\n\n"
                + "import java.util.List;\n"
                + "import org.topograd.api.Backprop;\n"
                + "import org.topograd.api.Node;\n\n"
                + "/**\n"
                + " * Backpropagation over a whole graph. Use only the Node API (inputs(), grad, backward()):\n"
                + " * topograd also runs this class on nodes of its own, not on your op classes.\n"
                + " */\n"
                + "public class " + BACKPROP + " implements Backprop {\n"
                + "    /** Every node reachable from output, each exactly once, every node after all of its inputs."
                + " */\n"
                + "    @Override\n"
                + "    public List<Node> topologicalOrder(Node output) {\n"
                + "        throw new UnsupportedOperationException(\"TODO\");\n"
                + "    }\n\n"
                + "    /** Sets output.grad = 1, then calls each node's backward() in reverse topological order. */\n"
                + "    @Override\n"
                + "    public void backward(Node output) {\n"
                + "        throw new UnsupportedOperationException(\"TODO\");\n"
                + "    }\n"
                + "}\n";
    }
}
