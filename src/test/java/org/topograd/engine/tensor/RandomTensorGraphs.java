package org.topograd.engine.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.topograd.api.tensor.NDArray;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.ShapeException;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * Random tensor graphs over every op, with shapes that agree and input values to evaluate them
 * at: a graph grows one op at a time, its operand mostly the newest node (so most nodes reach the
 * output), a second operand either an earlier node that fits or a new input of a shape made to fit
 * (broadcasting each way, matmul's vector and matrix cases). log, sqrt, a non-integer power and a
 * divisor see only positive operands ({@code x^2 + 0.5}, {@code exp(x)}). The output is
 * {@code sum(last * W)} with a random constant {@code W}, so the gradient arriving at the last node
 * differs element by element.
 */
final class RandomTensorGraphs {
    /** A graph and a point to evaluate it at. */
    record Sample(TensorGraph graph, List<NDArray> inputs) {}

    private final SplittableRandom random;
    private final TensorGraph.Builder b = TensorGraph.builder();
    private final List<NDArray> inputs = new ArrayList<>();
    private int last = -1;

    private RandomTensorGraphs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A graph of {@code ops} operations, the first of which is {@code first}. */
    static Sample generate(long seed, TensorOp first, int ops) {
        RandomTensorGraphs g = new RandomTensorGraphs(seed);
        g.last = g.input(g.shape());
        g.add(first);
        for (int i = 1; i < ops; i++) {
            List<TensorOp> all = TensorOp.operations();
            g.add(all.get(g.random.nextInt(all.size())));
        }
        return g.finish();
    }

    private Sample finish() {
        Shape s = b.shape(last);
        double[] weights = random.doubles(s.size(), -2, 2).toArray();
        int w = b.constant(s, weights, "W");
        int out = b.unary(TensorOp.SUM, b.binary(TensorOp.MUL, last, w, null), null);
        return new Sample(b.build(out), List.copyOf(inputs));
    }

    private int dim() {
        return 1 + random.nextInt(4);
    }

    private Shape shape() {
        return switch (random.nextInt(4)) {
            case 0 -> Shape.SCALAR;
            case 1 -> Shape.of(dim());
            default -> Shape.of(dim(), dim());
        };
    }

    private int input(Shape s) {
        String name = "x" + inputs.size();
        inputs.add(NDArray.of(random.doubles(s.size(), -1.5, 1.5).toArray(), s.dims()));
        return b.input(name, s);
    }

    /** The newest node mostly, otherwise any earlier one. */
    private int pick() {
        return random.nextInt(10) < 7 ? last : random.nextInt(b.size());
    }

    /** A node of rank 1 or 2: the picked one if it is, else a new input. */
    private int array() {
        int x = pick();
        return b.shape(x).isScalar() ? input(random.nextBoolean() ? Shape.of(dim()) : Shape.of(dim(), dim())) : x;
    }

    private int positive(int x) {
        if (random.nextBoolean()) {
            return b.unary(TensorOp.EXP, x, null);
        }
        int square = b.power(x, 2, null);
        return b.binary(TensorOp.ADD, square, b.constant(0.5, null), null);
    }

    /** A shape that broadcasts with {@code s}, each way: equal, with an axis of 1, fewer axes, more axes, a scalar. */
    private Shape partner(Shape s) {
        int[] d = s.dims();
        switch (random.nextInt(5)) {
            case 0:
                return s;
            case 1:
                if (d.length > 0) {
                    d[random.nextInt(d.length)] = 1;
                    return Shape.of(d);
                }
                return Shape.of(dim());
            case 2:
                return d.length == 2 ? Shape.of(d[1]) : Shape.SCALAR;
            case 3:
                return d.length == 0 ? Shape.of(dim()) : d.length == 1 ? Shape.of(dim(), d[0]) : s;
            default:
                return Shape.SCALAR;
        }
    }

    /** An earlier node that broadcasts with {@code x} sometimes, else a new input made to. */
    private int operandFor(int x) {
        if (random.nextBoolean()) {
            int y = random.nextInt(b.size());
            try {
                Shape.broadcast(b.shape(x), b.shape(y));
                return y;
            } catch (ShapeException e) {
                // does not fit: make one that does
            }
        }
        return input(partner(b.shape(x)));
    }

    private void add(TensorOp op) {
        last = switch (op) {
            case ADD, SUB, MUL -> {
                int x = pick();
                int y = operandFor(x);
                yield random.nextBoolean() ? b.binary(op, x, y, null) : b.binary(op, y, x, null);
            }
            case DIV -> {
                int x = pick();
                int y = positive(operandFor(x));
                yield random.nextBoolean() ? b.binary(op, x, y, null) : b.binary(op, positive(x), b.unary(TensorOp.NEG, y, null), null);
            }
            case POW -> {
                double[] exponents = {2, 3, -1, 0.5, 1.5};
                double p = exponents[random.nextInt(exponents.length)];
                int x = pick();
                yield b.power(p == 2 || p == 3 ? x : positive(x), p, null);
            }
            case LOG, SQRT -> b.unary(op, positive(pick()), null);
            case NEG, EXP, SIN, COS, TANH, SIGMOID, RELU, TRANSPOSE, SUM, MEAN -> b.unary(op, pick(), null);
            case SOFTMAX, LOG_SOFTMAX -> b.unary(op, array(), null);
            case SUM_AXIS, MEAN_AXIS -> {
                int x = array();
                yield b.axis(op, x, random.nextInt(b.shape(x).rank()), null);
            }
            case MATMUL -> matmul();
            case CROSS_ENTROPY -> {
                int x = array();
                Shape s = b.shape(x);
                int classes = s.dim(s.rank() - 1);
                Shape labelShape = s.rank() == 2 ? Shape.of(s.dim(0)) : Shape.SCALAR;
                double[] labels = new double[labelShape.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = random.nextInt(classes);
                }
                yield b.binary(op, x, b.constant(labelShape, labels, "y" + b.size()), null);
            }
            case INPUT, CONSTANT -> throw new IllegalArgumentException(op + " is a leaf");
        };
    }

    /** The picked array on the left or the right of a matmul, the other operand a vector or a matrix that fits. */
    private int matmul() {
        int x = array();
        Shape s = b.shape(x);
        if (random.nextBoolean()) {
            int inner = s.dim(s.rank() - 1);
            int y = input(random.nextBoolean() ? Shape.of(inner) : Shape.of(inner, dim()));
            return b.binary(TensorOp.MATMUL, x, y, null);
        }
        int inner = s.dim(0);
        int y = input(random.nextBoolean() ? Shape.of(inner) : Shape.of(dim(), inner));
        return b.binary(TensorOp.MATMUL, y, x, null);
    }
}
