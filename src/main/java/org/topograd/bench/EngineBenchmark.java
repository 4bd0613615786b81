package org.topograd.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.topograd.engine.Derivatives;
import org.topograd.engine.ReferenceEngine;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Graph;
import org.topograd.spec.GraphGenerator;
import org.topograd.spec.Op;

/**
 * The reference engine's forward+backward cost per node on the random-DAG recipe (ops add, mul,
 * relu; 16 inputs; window 64), after warm-up, and the numerical check's cost in full and fast
 * mode.
 */
public final class EngineBenchmark {
    static final List<Op> OPS = List.of(Op.ADD, Op.MUL, Op.RELU);
    static final int INPUTS = 16;
    static final int WINDOW = 64;
    static final long SEED = 3;

    private final PrintWriter out;

    public EngineBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** One line per size: {@code random-dag nodes=1000000 ns_per_node=23.4}. */
    public void run(int[] sizes, double minSeconds) {
        for (int nodes : sizes) {
            Graph graph = GraphGenerator.randomDag(inputNames(), nodes, OPS, SEED, WINDOW);
            double[] inputs = inputValues(SEED);
            int[] order = ReferenceEngine.topologicalOrder(graph);
            double[] values = new double[graph.size()];
            double[] grads = new double[graph.size()];
            double ns = Timing.nanosPerRun(() -> {
                ReferenceEngine.forward(graph, order, inputs, values);
                Arrays.fill(grads, 0);
                ReferenceEngine.backward(graph, order, values, 1, Derivatives.EXACT, grads);
                sink += grads[graph.inputNode(0)];
            }, minSeconds);
            // Per node of the whole graph, the final sum of unused nodes included.
            out.printf(Locale.ROOT, "random-dag nodes=%d ns_per_node=%.1f%n", nodes, ns / graph.size());
            out.flush();
        }
        numerical(minSeconds);
    }

    /** Cost of a numerical gradient check of one point, full (every input) and fast (one direction). */
    private void numerical(double minSeconds) {
        int nodes = 10_000;
        Graph graph = GraphGenerator.randomDag(inputNames(), nodes, OPS, SEED, WINDOW);
        double[] x = inputValues(SEED);
        int[] order = ReferenceEngine.topologicalOrder(graph);
        double[] analytic = inputGrads(graph, ReferenceEngine.evaluate(graph, x).grads());
        for (boolean fast : new boolean[] {false, true}) {
            NumericalGradient.Settings settings = NumericalGradient.Settings.DEFAULT.withFastAbove(fast ? 0 : INPUTS);
            double ns = Timing.nanosPerRun(() -> sink += NumericalGradient.check(
                    p -> ReferenceEngine.forward(graph, order, p)[graph.output()], x, analytic, settings).size(),
                    minSeconds);
            out.printf(Locale.ROOT, "numerical-check mode=%s inputs=%d nodes=%d ms_per_check=%.2f%n",
                    fast ? "fast" : "full", INPUTS, nodes, ns / 1e6);
            out.flush();
        }
    }

    static double[] inputGrads(Graph graph, double[] grads) {
        double[] g = new double[graph.inputCount()];
        for (int k = 0; k < g.length; k++) {
            g[k] = grads[graph.inputNode(k)];
        }
        return g;
    }

    private static List<String> inputNames() {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < INPUTS; k++) {
            names.add("x" + k);
        }
        return names;
    }

    private static double[] inputValues(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[INPUTS];
        for (int k = 0; k < INPUTS; k++) {
            x[k] = random.nextDouble(-1, 1);
        }
        return x;
    }

    /** Keeps the JIT from discarding the work. */
    private static double sink;
}
