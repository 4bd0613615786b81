package org.topograd.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorEngine;
import org.topograd.engine.tensor.TensorGradients;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * The tensor reference engine on the two-layer MLP,
 * {@code cross_entropy(relu(X @ W1 + b1) @ W2 + b2, y)} with a batch of 64, 64 features (an 8x8
 * digit's pixels), 256 hidden units and 10 classes, every tensor but the labels an input (as in a
 * spec, where {@code X} is differentiated too): one forward, one forward+backward, and the fast
 * numerical check, whose cost is given as a multiple of one forward+backward (the goal: at
 * most 4). A single 64x256 @ 256x10 matmul is timed too, the scale of one layer's work. Times are the
 * benchmark thread's CPU time (garbage collection's threads not counted), which a machine busy with
 * other builds disturbs far less than the wall clock.
 */
public final class TensorBenchmark {
    static final int BATCH = 64;
    static final int FEATURES = 64;
    static final int HIDDEN = 256;
    static final int CLASSES = 10;
    static final long SEED = 3;

    private final PrintWriter out;

    public TensorBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Three lines: {@code tensor-matmul ...}, {@code tensor-mlp ...}, {@code tensor-numerical-check ...}. */
    public void run(double minSeconds) {
        SplittableRandom random = new SplittableRandom(SEED);
        NDArray left = uniform(random, 1, BATCH, HIDDEN);
        NDArray right = uniform(random, 1, HIDDEN, CLASSES);
        double matmul = Timing.cpuNanosPerRun(() -> sink += left.matmul(right).at(0), minSeconds);
        out.printf(Locale.ROOT, "tensor-matmul shape=[%d, %d]@[%d, %d] cpu_us=%.1f%n", BATCH, HIDDEN, HIDDEN, CLASSES,
                matmul / 1e3);
        out.flush();

        TensorGraph graph = mlp(random);
        List<NDArray> inputs = inputs(random);
        int[] order = TensorEngine.topologicalOrder(graph);
        NDArray one = NDArray.scalar(1);
        double forward = Timing.cpuNanosPerRun(
                () -> sink += TensorEngine.forward(graph, order, inputs)[graph.output()].item(), minSeconds);
        double both = Timing.cpuNanosPerRun(() -> {
            NDArray[] values = TensorEngine.forward(graph, order, inputs);
            sink += TensorEngine.backward(graph, order, values, one)[graph.inputNode(1)].at(0);
        }, minSeconds);
        out.printf(Locale.ROOT, "tensor-mlp batch=%d features=%d hidden=%d classes=%d cpu_us_forward=%.1f"
                + " cpu_us_forward_backward=%.1f%n", BATCH, FEATURES, HIDDEN, CLASSES, forward / 1e3, both / 1e3);
        out.flush();

        TensorEngine.Evaluation e = TensorEngine.evaluate(graph, inputs);
        List<NDArray> analytic = new ArrayList<>();
        for (int k = 0; k < graph.inputCount(); k++) {
            analytic.add(e.inputGrad(graph, k));
        }
        NumericalGradient.Settings settings = NumericalGradient.Settings.DEFAULT;
        List<NumericalGradient.Check> result = TensorGradients.check(
                x -> TensorEngine.forward(graph, order, x)[graph.output()].item(), inputs, analytic, settings);
        double check = Timing.cpuNanosPerRun(() -> sink += TensorGradients.check(
                x -> TensorEngine.forward(graph, order, x)[graph.output()].item(), inputs, analytic, settings).size(),
                minSeconds);
        int elements = TensorGradients.flatten(inputs).length;
        out.printf(Locale.ROOT, "tensor-numerical-check mode=%s elements=%d status=%s cpu_us_per_check=%.1f"
                + " forward_backward_multiple=%.2f%n", elements > settings.fastAbove() ? "fast" : "full", elements,
                result.stream().map(c -> c.status().name().toLowerCase(Locale.ROOT)).distinct().toList(),
                check / 1e3, check / both);
        out.flush();
    }

    /** {@code loss = cross_entropy(relu(X @ W1 + b1) @ W2 + b2, y)}, the labels a constant. */
    static TensorGraph mlp(SplittableRandom random) {
        TensorGraph.Builder g = TensorGraph.builder();
        int x = g.input("X", Shape.of(BATCH, FEATURES));
        int w1 = g.input("W1", Shape.of(FEATURES, HIDDEN));
        int b1 = g.input("b1", Shape.of(HIDDEN));
        int w2 = g.input("W2", Shape.of(HIDDEN, CLASSES));
        int b2 = g.input("b2", Shape.of(CLASSES));
        double[] labels = new double[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        int y = g.name(g.constant(Shape.of(BATCH), labels, "y"), "y");
        int h = g.name(g.unary(TensorOp.RELU, g.binary(TensorOp.ADD, g.binary(TensorOp.MATMUL, x, w1, null), b1, null),
                null), "h");
        int z = g.name(g.binary(TensorOp.ADD, g.binary(TensorOp.MATMUL, h, w2, null), b2, null), "z");
        return g.build(g.name(g.binary(TensorOp.CROSS_ENTROPY, z, y, null), "loss"));
    }

    /** Inputs as a network is initialised: weights scaled by 1/sqrt(fan-in), so the logits stay of order 1. */
    static List<NDArray> inputs(SplittableRandom random) {
        return List.of(uniform(random, 1, BATCH, FEATURES), uniform(random, 1 / Math.sqrt(FEATURES), FEATURES, HIDDEN),
                uniform(random, 0.1, HIDDEN), uniform(random, 1 / Math.sqrt(HIDDEN), HIDDEN, CLASSES),
                uniform(random, 0.1, CLASSES));
    }

    private static NDArray uniform(SplittableRandom random, double scale, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        return NDArray.of(random.doubles(size, -scale, scale).toArray(), shape);
    }

    /** Keeps the JIT from discarding the work. */
    private static double sink;
}
