package org.topograd.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.topograd.spec.Op;
import org.topograd.spec.tensor.TensorOp;

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

    // ---- a tensor assignment's starter ----------------------------------------------------------

    static final String TENSOR_BACKPROP = "TensorTopologicalBackprop";

    /** The class a student writes for a tensor op: {@code Matmul}, {@code SumAxis}, {@code CrossEntropy}. */
    static String className(TensorOp op) {
        if (op == TensorOp.POW) {
            return "Power";
        }
        StringBuilder name = new StringBuilder();
        for (String word : op.specName().split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    /** What a tensor op computes, in words a student reads in the starter and the README. */
    static String meaning(TensorOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV -> "a " + op.symbol() + " b, elementwise, with numpy broadcasting";
            case POW -> "base ^ exponent, elementwise, the exponent a fixed number";
            case NEG -> "-x, elementwise";
            case EXP, LOG, SQRT, SIN, COS, TANH -> op.specName() + "(x), elementwise";
            case SIGMOID -> "sigmoid(x) = 1 / (1 + exp(-x)), elementwise";
            case RELU -> "relu(x) = max(x, 0), elementwise; its derivative at 0 is taken to be 0";
            case MATMUL -> "a @ b, numpy's rules for 1-D and 2-D operands";
            case TRANSPOSE -> "transpose(x): rows become columns (0-D and 1-D unchanged)";
            case SUM -> "sum(x): every element, to a scalar";
            case MEAN -> "mean(x): every element, to a scalar";
            case SUM_AXIS -> "sum(x, axis): along one axis, which disappears";
            case MEAN_AXIS -> "mean(x, axis): along one axis, which disappears";
            case SOFTMAX -> "softmax(x) along the last axis";
            case LOG_SOFTMAX -> "log_softmax(x) = x - log(sum(exp(x))) along the last axis";
            case CROSS_ENTROPY -> "cross_entropy(logits, labels): the mean over rows of"
                    + " -log_softmax(logits)[i, labels[i]]; the labels are not differentiated";
            default -> throw new IllegalArgumentException(op + " is a leaf");
        };
    }

    /** Every file of a tensor assignment's starter, by its path in the kit, for the ops required. */
    static Map<String, byte[]> tensorFiles(Set<TensorOp> required) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (TensorOp op : TensorOp.operations()) {
            if (required.contains(op)) {
                files.put(path(className(op)), ApiFiles.utf8(tensorOpClass(op)));
            }
        }
        files.put(path(TENSOR_BACKPROP), ApiFiles.utf8(tensorBackprop()));
        return files;
    }

    private static String tensorOpClass(TensorOp op) {
        String name = className(op);
        StringBuilder java = new StringBuilder();
        java.append("package ").append(PACKAGE).append(";\n\n");
        java.append("import org.topograd.api.Op;\nimport org.topograd.api.tensor.TensorNode;\n\n");
        java.append("/** ").append(meaning(op)).append(". */\n");
        java.append("@Op(\"").append(op.specName()).append("\")\n");
        java.append("public class ").append(name).append(" extends TensorNode {\n");
        switch (op.arity()) {
            case BINARY -> java.append("    public ").append(name).append("(TensorNode a, TensorNode b) {\n")
                    .append("        super(a, b); // inputs().get(0) is a, inputs().get(1) is b\n    }\n\n");
            case POWER -> java.append("    private final double exponent;\n\n")
                    .append("    public ").append(name).append("(TensorNode base, double exponent) {\n")
                    .append("        super(base); // inputs().get(0) is the base; the exponent is a number, not a"
                            + " node\n")
                    .append("        this.exponent = exponent;\n    }\n\n");
            case AXIS -> java.append("    private final int axis;\n\n")
                    .append("    public ").append(name).append("(TensorNode x, int axis) {\n")
                    .append("        super(x); // inputs().get(0) is x; the axis (0 or 1, never negative) is a"
                            + " number\n")
                    .append("        this.axis = axis;\n    }\n\n");
            default -> java.append("    public ").append(name).append("(TensorNode x) {\n")
                    .append("        super(x); // inputs().get(0) is x\n    }\n\n");
        }
        java.append("    /** Sets value (an NDArray) from the inputs' values. */\n");
        java.append("    @Override\n    public void forward() {\n");
        java.append("        throw new UnsupportedOperationException(\"TODO\");\n    }\n\n");
        java.append("    /** Adds this node's share to each input's grad, an array of the input's own shape:\n"
                + "     *  input.grad = input.grad.plus(...). */\n");
        java.append("    @Override\n    public void backward() {\n");
        java.append("        throw new UnsupportedOperationException(\"TODO\");\n    }\n}\n");
        return java.toString();
    }

    private static String tensorBackprop() {
        return "package " + PACKAGE + ";\n\n"
                + "import java.util.List;\n"
                + "import org.topograd.api.tensor.TensorBackprop;\n"
                + "import org.topograd.api.tensor.TensorNode;\n\n"
                + "/**\n"
                + " * Backpropagation over a whole tensor graph. Use only the TensorNode API (inputs(), value, grad,\n"
                + " * backward()): topograd also runs this class on nodes of its own, not on your op classes.\n"
                + " */\n"
                + "public class " + TENSOR_BACKPROP + " implements TensorBackprop {\n"
                + "    /** Every node reachable from output, each exactly once, every node after all of its inputs."
                + " */\n"
                + "    @Override\n"
                + "    public List<TensorNode> topologicalOrder(TensorNode output) {\n"
                + "        throw new UnsupportedOperationException(\"TODO\");\n"
                + "    }\n\n"
                + "    /** Sets every grad to zeros of its value's shape and output.grad to ones, then calls each"
                + " node's\n"
                + "     *  backward() in reverse topological order. */\n"
                + "    @Override\n"
                + "    public void backward(TensorNode output) {\n"
                + "        throw new UnsupportedOperationException(\"TODO\");\n"
                + "    }\n"
                + "}\n";
    }
}
