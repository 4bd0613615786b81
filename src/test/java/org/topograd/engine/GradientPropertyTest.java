package org.topograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topograd.numeric.NumericalGradient;
import org.topograd.numeric.NumericalGradient.Check;
import org.topograd.spec.Graph;
import org.topograd.spec.GraphGenerator;
import org.topograd.spec.Op;

/**
 * The reference engine's gradients against finite differences on many random graphs: two
 * independent computations of the same numbers.
 */
class GradientPropertyTest {
    /** Ops defined and smooth enough everywhere a random DAG can take them (relu has a kink at 0). */
    private static final List<Op> SAFE = List.of(Op.ADD, Op.SUB, Op.MUL, Op.POW, Op.NEG, Op.SIN, Op.COS, Op.TANH,
            Op.SIGMOID, Op.RELU);
    private static final int SEEDS = 200;

    private static double[] inputGrads(Graph graph, double[] grads) {
        double[] g = new double[graph.inputCount()];
        for (int k = 0; k < g.length; k++) {
            g[k] = grads[graph.inputNode(k)];
        }
        return g;
    }

    private static List<Check> check(Graph graph, double[] x, NumericalGradient.Settings settings) {
        int[] order = ReferenceEngine.topologicalOrder(graph);
        double[] analytic = inputGrads(graph, ReferenceEngine.evaluate(graph, x).grads());
        return NumericalGradient.check(p -> ReferenceEngine.forward(graph, order, p)[graph.output()], x, analytic, settings);
    }

    private static boolean uses(Graph graph, Op op) {
        for (int node = 0; node < graph.size(); node++) {
            if (graph.op(node) == op) {
                return true;
            }
        }
        return false;
    }

    /**
     * A fixed finite-difference step resolves a function only where it does not vary on the
     * step's scale; squaring twice and then taking a cosine can make it (cos of a value near 5000
     * moving by 1e5 per unit of x). Graphs whose nodes grow past this bound are left out.
     */
    private static final double WELL_SCALED = 20;

    private static boolean wellScaled(Graph graph, double[] x) {
        ReferenceEngine.Evaluation e = ReferenceEngine.evaluate(graph, x);
        for (int node : e.order()) {
            if (!(Math.abs(e.values()[node]) <= WELL_SCALED) || !(Math.abs(e.grads()[node]) <= WELL_SCALED)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void randomDagsAgreeWithFiniteDifferences() {
        int checked = 0;
        int graphs = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> inputs = List.of("x0", "x1", "x2", "x3").subList(0, 1 + random.nextInt(4));
            Graph graph = GraphGenerator.randomDag(inputs, 10 + random.nextInt(40), SAFE, seed, 1 + random.nextInt(8));
            double[] x = random.doubles(inputs.size(), -1.5, 1.5).toArray();
            if (!wellScaled(graph, x)) {
                continue;
            }
            graphs++;
            for (Check c : check(graph, x, NumericalGradient.Settings.DEFAULT)) {
                if (c.skipped()) {
                    assertEquals(Check.Status.KINK, c.status(), "seed " + seed + ": only kinks may be skipped");
                    assertTrue(uses(graph, Op.RELU), "seed " + seed + ": a kink without a relu");
                    continue;
                }
                checked++;
                if (c.failed()) {
                    fail("seed " + seed + ", input " + c.input() + ": analytic " + c.analytic() + ", numeric "
                            + c.numeric() + " (bound " + c.bound() + ") at " + java.util.Arrays.toString(x));
                }
            }
        }
        assertTrue(graphs >= SEEDS * 3 / 4, "too few well-scaled graphs: " + graphs);
        assertTrue(checked > graphs, "too few gradients were actually compared: " + checked);
    }

    /** exp, log, sqrt and div on positive domains, which a random DAG cannot guarantee. */
    @Test
    void positiveDomainGraphsAgreeWithFiniteDifferences() {
        for (long seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Graph graph = positiveDomainGraph();
            double[] x = random.doubles(3, 0.1, 3).toArray();
            for (Check c : check(graph, x, NumericalGradient.Settings.DEFAULT)) {
                assertEquals(Check.Status.PASS, c.status(), "seed " + seed + ": " + c);
            }
        }
    }

    /** y = log(a / b + sqrt(c)) * exp(-b) + sqrt(a * c) / (1 + b ^ 2), defined for positive a, b, c. */
    private static Graph positiveDomainGraph() {
        Graph.Builder b = Graph.builder();
        int a = b.input("a");
        int bb = b.input("b");
        int c = b.input("c");
        int ratio = b.binary(Op.DIV, a, bb, null);
        int root = b.unary(Op.SQRT, c, null);
        int log = b.unary(Op.LOG, b.binary(Op.ADD, ratio, root, null), null);
        int decay = b.unary(Op.EXP, b.unary(Op.NEG, bb, null), null);
        int left = b.binary(Op.MUL, log, decay, null);
        int top = b.unary(Op.SQRT, b.binary(Op.MUL, a, c, null), null);
        int bottom = b.binary(Op.ADD, b.constant(1), b.power(bb, 2, null), null);
        b.binary(Op.ADD, left, b.binary(Op.DIV, top, bottom, null), null);
        return b.build();
    }

    @Test
    void richardsonAgreesToo() {
        NumericalGradient.Settings richardson = NumericalGradient.Settings.DEFAULT.withRichardson(true);
        for (long seed = 0; seed < 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] x = random.doubles(3, 0.1, 3).toArray();
            for (Check c : check(positiveDomainGraph(), x, richardson)) {
                assertEquals(Check.Status.PASS, c.status(), "seed " + seed + ": " + c);
            }
        }
    }

    /**
     * Past 64 inputs the check follows one random direction; a single corrupted gradient
     * component must still make it fail, and the true gradient must pass.
     */
    @Test
    void fastModeCatchesACorruptedComponent() {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            names.add("x" + k);
        }
        List<Op> smooth = List.of(Op.ADD, Op.MUL, Op.SIN, Op.TANH);
        for (long seed = 0; seed < 20; seed++) {
            Graph graph = GraphGenerator.randomDag(names, 300, smooth, seed, 120);
            SplittableRandom random = new SplittableRandom(seed);
            double[] x = random.doubles(names.size(), -1, 1).toArray();
            int[] order = ReferenceEngine.topologicalOrder(graph);
            double[] analytic = inputGrads(graph, ReferenceEngine.evaluate(graph, x).grads());

            List<Check> honest = NumericalGradient.check(p -> ReferenceEngine.forward(graph, order, p)[graph.output()],
                    x, analytic, NumericalGradient.Settings.DEFAULT);
            assertEquals(1, honest.size(), "fast mode checks one direction");
            assertEquals(-1, honest.get(0).input());
            assertEquals(Check.Status.PASS, honest.get(0).status(), "seed " + seed + ": " + honest.get(0));

            int k = random.nextInt(names.size());
            double[] corrupted = analytic.clone();
            corrupted[k] += 0.5; // a classic slip: a term missing from one input's gradient
            List<Check> caught = NumericalGradient.check(p -> ReferenceEngine.forward(graph, order, p)[graph.output()],
                    x, corrupted, NumericalGradient.Settings.DEFAULT);
            assertEquals(Check.Status.FAIL, caught.get(0).status(), "seed " + seed + ", input " + k + ": " + caught.get(0));
        }
    }
}
