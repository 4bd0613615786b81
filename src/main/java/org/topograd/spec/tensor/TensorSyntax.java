package org.topograd.spec.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.topograd.spec.ExpressionException;
import org.topograd.spec.ExpressionSyntax;

/**
 * The tensor language for {@link org.topograd.spec.ExpressionParser}: the scalar grammar with
 * {@code @} at the level of {@code *} and {@code /} (as in numpy), the tensor functions, and calls
 * of two arguments: {@code sum(x, 0)} and {@code mean(x, -1)} with an axis written as a whole
 * number, and {@code cross_entropy(logits, labels)}.
 */
enum TensorSyntax implements ExpressionSyntax<TensorExpr> {
    INSTANCE;

    private static final List<String> FUNCTIONS = functions();

    private static List<String> functions() {
        List<String> names = new ArrayList<>();
        for (TensorOp op : TensorOp.operations()) {
            if (op.functionName() != null && !names.contains(op.functionName())) {
                names.add(op.functionName());
            }
        }
        return List.copyOf(names);
    }

    @Override
    public TensorExpr number(double value, int start, int end) {
        return new TensorExpr.Num(value, start, end);
    }

    @Override
    public TensorExpr name(String name, int start, int end) {
        return new TensorExpr.Ref(name, start, end);
    }

    @Override
    public TensorExpr binary(char operator, TensorExpr left, TensorExpr right, int start, int end) {
        TensorOp op = switch (operator) {
            case '+' -> TensorOp.ADD;
            case '-' -> TensorOp.SUB;
            case '*' -> TensorOp.MUL;
            case '/' -> TensorOp.DIV;
            case '@' -> TensorOp.MATMUL;
            default -> throw new IllegalArgumentException("not a tensor operator: " + operator);
        };
        return new TensorExpr.Apply(op, List.of(left, right), 0, start, end);
    }

    @Override
    public TensorExpr negate(TensorExpr operand, int start, int end) {
        return new TensorExpr.Apply(TensorOp.NEG, List.of(operand), 0, start, end);
    }

    @Override
    public TensorExpr power(TensorExpr base, double exponent, int start, int end) {
        return new TensorExpr.Apply(TensorOp.POW, List.of(base), exponent, start, end);
    }

    @Override
    public OptionalDouble numberValue(TensorExpr expr) {
        return expr instanceof TensorExpr.Num num ? OptionalDouble.of(num.value()) : OptionalDouble.empty();
    }

    @Override
    public int start(TensorExpr expr) {
        return expr.start();
    }

    @Override
    public int end(TensorExpr expr) {
        return expr.end();
    }

    @Override
    public String extraProductOperators() {
        return "@";
    }

    @Override
    public List<String> functionNames() {
        return FUNCTIONS;
    }

    @Override
    public int maxArguments(String function) {
        return TensorOp.function(function, 2).isPresent() ? 2 : 1;
    }

    @Override
    public String tooManyArguments(String function) {
        if (maxArguments(function) == 2) {
            return function + " takes at most two arguments: " + usage(function) + "; remove the others";
        }
        return function + " takes one argument: remove the others, or compute them in graph entries of their own";
    }

    @Override
    public TensorExpr call(String function, List<TensorExpr> arguments, int start, int end)
            throws ExpressionException {
        TensorOp op = TensorOp.function(function, arguments.size()).orElseThrow(() -> new ExpressionException(start,
                function + " takes two arguments: " + usage(function)));
        if (op.arity() != TensorOp.Arity.AXIS) {
            return new TensorExpr.Apply(op, arguments, 0, start, end);
        }
        TensorExpr axis = arguments.get(1);
        OptionalDouble written = numberValue(axis);
        // An axis out of range is the graph builder's to report, with the operand's shape.
        if (written.isEmpty() || written.getAsDouble() != Math.rint(written.getAsDouble())) {
            throw new ExpressionException(axis.start(), "the axis of " + function + "(x, axis) must be a whole number"
                    + " written in place: write 0 for down the rows, 1 (or -1) for along each row");
        }
        return new TensorExpr.Apply(op, List.of(arguments.get(0)), written.getAsDouble(), start, end);
    }

    private static String usage(String function) {
        return function.equals("cross_entropy")
                ? "write cross_entropy(logits, labels), with the labels declared under constants"
                : "write " + function + "(x) over every element or " + function + "(x, axis) along one axis";
    }
}
