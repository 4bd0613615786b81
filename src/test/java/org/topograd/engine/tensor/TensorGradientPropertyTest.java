package org.topograd.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topograd.api.tensor.NDArray;
import org.topograd.numeric.NumericalGradient;
import org.topograd.numeric.NumericalGradient.Check;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * The tensor engine's gradients against central differences, element by element, on random graphs
 * over every op: two independent computations of the same numbers.
 */
class TensorGradientPropertyTest {
    private static final int SEEDS = 400;
    /** Every element checked on its own: the random graphs are small. */
    private static final NumericalGradient.Settings FULL = NumericalGradient.Settings.DEFAULT
            .withFastAbove(Integer.MAX_VALUE);

    /**
     * A fixed finite-difference step resolves a function only where it does not vary on the step's
     * scale (as in the scalar GradientPropertyTest); graphs whose values or gradients grow past
     * this are left out.
     */
    private static final double WELL_SCALED = 50;

    private static boolean wellScaled(TensorEngine.Evaluation e) {
        for (int node : e.order()) {
            for (NDArray a : List.of(e.values()[node], e.grads()[node])) {
                for (int i = 0; i < a.size(); i++) {
                    if (!(Math.abs(a.at(i)) <= WELL_SCALED)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void randomGraphsOverEveryOpAgreeWithFiniteDifferencesElementByElement() {
        List<TensorOp> ops = TensorOp.operations();
        Set<TensorOp> covered = EnumSet.noneOf(TensorOp.class);
        int graphs = 0;
        int checked = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            int size = 1 + new SplittableRandom(seed).nextInt(6);
            RandomTensorGraphs.Sample s = RandomTensorGraphs.generate(seed, ops.get((int) (seed % ops.size())), size);
            TensorGraph graph = s.graph();
            TensorEngine.Evaluation e = TensorEngine.evaluate(graph, s.inputs());
            if (!wellScaled(e)) {
                continue;
            }
            graphs++;
            for (int node : e.order()) {
                covered.add(graph.op(node));
            }
            List<Check> checks = TensorGradients.check(graph, s.inputs(), FULL);
            for (Check c : checks) {
                if (c.failed()) {
                    TensorGradients.Element where = TensorGradients.locate(s.inputs(), c.input());
                    fail("seed " + seed + ": " + graph.inputNames().get(where.input()) + " element " + where.element()
                            + ": engine " + c.analytic() + ", numerical " + c.numeric() + "\n" + graph);
                }
                if (!c.skipped()) {
                    checked++;
                }
            }
            // The fast mode, one random direction through every element at once, agrees as well.
            for (Check c : TensorGradients.check(graph, s.inputs(), FULL.withFastAbove(0))) {
                if (c.failed()) {
                    fail("seed " + seed + ", fast mode: engine " + c.analytic() + ", numerical " + c.numeric() + "\n"
                            + graph);
                }
            }
        }
        assertTrue(graphs >= SEEDS * 3 / 4, graphs + " of " + SEEDS + " graphs were well scaled");
        assertTrue(checked >= 5 * graphs, checked + " elements checked in " + graphs + " graphs");
        covered.removeIf(TensorOp::isLeaf);
        assertEquals(EnumSet.copyOf(ops), covered, "every op was checked");
    }

    /** The property has teeth: the classic matmul mistake ({@code dA = G B}, no transpose) fails it. */
    @Test
    void aMatmulGradientWithoutTheTransposeFailsTheCheck() {
        TensorDerivatives noTranspose = (op, k, g, a, b, out, p) -> op == TensorOp.MATMUL && k == 0
                ? g.matmul(b) : TensorCalculus.vjp(op, k, g, a, b, out, p);
        TensorGraph.Builder builder = TensorGraph.builder();
        int x = builder.input("X", org.topograd.spec.tensor.Shape.of(3, 3));
        int w = builder.input("W", org.topograd.spec.tensor.Shape.of(3, 3));
        int c = builder.constant(org.topograd.spec.tensor.Shape.of(3, 3), new double[] {1, -2, 3, 0.5, 1, -1, 2, 0, 1},
                "C");
        int z = builder.binary(TensorOp.MATMUL, x, w, null);
        TensorGraph graph = builder.build(builder.unary(TensorOp.SUM, builder.binary(TensorOp.MUL, z, c, null), null));
        SplittableRandom random = new SplittableRandom(1);
        List<NDArray> inputs = List.of(NDArray.of(random.doubles(9, -1, 1).toArray(), 3, 3),
                NDArray.of(random.doubles(9, -1, 1).toArray(), 3, 3));

        assertTrue(TensorGradients.check(graph, inputs, FULL).stream().noneMatch(Check::failed), "the exact rule passes");
        long failed = TensorGradients.check(graph, inputs, noTranspose, FULL).stream().filter(Check::failed).count();
        assertTrue(failed >= 3, failed + " of X's 9 elements failed");
        // The fast mode's one random direction over all 18 elements catches it too.
        List<Check> fast = TensorGradients.check(graph, inputs, noTranspose, FULL.withFastAbove(0));
        assertEquals(1, fast.size());
        assertTrue(fast.get(0).failed(), fast.toString());
    }
}
