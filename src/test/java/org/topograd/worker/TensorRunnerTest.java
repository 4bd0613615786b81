package org.topograd.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topograd.api.tensor.NDArray;

/**
 * The tensor runner in this JVM, on the student classes of the test package {@code tensorstudent}
 * loaded as a worker loads a submission's: the flattened layout, every task kind, and a wrongly shaped
 * or missing array reported as the student's failure.
 */
class TensorRunnerTest {
    private static final int MATMUL = Messages.OP_BASE;
    private static final int SUM = Messages.OP_BASE + 1;
    private static final int SUM_AXIS = Messages.OP_BASE + 2;
    private static final int EXP = Messages.OP_BASE + 3;

    private static final double[] X = {1, 2, 3, 4, 5, 6};
    private static final double[] W = {0.5, -1, 2, 0.25, -3, 1.5};

    private final List<double[]> sent = new ArrayList<>();
    private TensorRunner runner;

    @BeforeEach
    void bind() throws URISyntaxException {
        Path classes = Path.of(tensorstudent.MatMul.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        runner = new TensorRunner(new StudentClasses(classes), new CapturedOutput(1024), sent::add);
        Messages.Bound bound = runner.bind(new Messages.Bind(
                List.of("tensorstudent.MatMul", "tensorstudent.Sum", "tensorstudent.SumAxis", "tensorstudent.NullExp"),
                List.of(Messages.TENSOR_BINARY, Messages.TENSOR_UNARY, Messages.TENSOR_AXIS, Messages.TENSOR_UNARY),
                "tensorstudent.Sorter"));
        assertEquals(java.util.Arrays.asList(null, null, null, null), bound.opProblems());
        assertNull(bound.backpropProblem());
        // 0: X [2, 3], 1: W [3, 2], 2: X @ W [2, 2], 3: sum(...) []
        runner.addGraph(new Messages.TensorGraphMessage(1, new int[] {0, 0, MATMUL, SUM}, new int[] {-1, -1, 0, 2},
                new int[] {-1, -1, 1, -1}, new double[4], new String[] {"X", "W", null, null}, 3,
                new int[] {2, 2, 2, 0}, new int[] {2, 3, 3, 2, 2, 2}, new double[0]));
    }

    private static double[] inputs() {
        double[] in = new double[12];
        System.arraycopy(X, 0, in, 0, 6);
        System.arraycopy(W, 0, in, 6, 6);
        return in;
    }

    private static double[] concat(NDArray... arrays) {
        List<Double> all = new ArrayList<>();
        for (NDArray a : arrays) {
            for (double d : a.toArray()) {
                all.add(d);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void valuesAndGradientsAreEveryNodesElementsInIdOrder() {
        NDArray x = NDArray.of(X, 2, 3);
        NDArray w = NDArray.of(W, 3, 2);
        NDArray z = x.matmul(w);
        Messages.Result r = runner.run(new Messages.Grads(1, inputs(), new int[] {0, 1, 2, 3}, new double[] {1, 2}));
        assertNull(r.failure());
        double[] values = concat(x, w, z, z.sum());
        assertArrayEquals(values, r.values());
        assertArrayEquals(values, sent.get(0), "the values are sent before backward runs");
        NDArray ones = NDArray.ones(2, 2);
        double[] one = concat(ones.matmul(w.transpose()), x.transpose().matmul(ones), ones, NDArray.scalar(1));
        double[] both = new double[2 * one.length];
        for (int i = 0; i < one.length; i++) {
            both[i] = one[i];
            both[one.length + i] = 2 * one[i];
        }
        assertArrayEquals(both, r.grads());

        Messages.Result e2e = runner.run(new Messages.EndToEnd(1, inputs(), new int[] {1, 0, 2, 3}));
        assertNull(e2e.failure());
        assertArrayEquals(one, e2e.grads());
    }

    @Test
    void evaluateRunsForwardAtEachPoint() {
        double[] doubled = inputs();
        for (int i = 0; i < 6; i++) {
            doubled[i] *= 2;
        }
        Messages.Result r = runner.run(new Messages.Evaluate(1, new int[] {0, 1, 2, 3},
                new double[][] {inputs(), doubled}));
        double sum = NDArray.of(X, 2, 3).matmul(NDArray.of(W, 3, 2)).sum().item();
        assertArrayEquals(new double[] {sum, 2 * sum}, r.values(), 1e-12);
    }

    @Test
    void theTraversalRunsOnScalarProbeNodes() {
        double[] partials = {0, 0, 0, 0, 0.8, 1.25, 1.25, 0};
        Messages.Result r = runner.run(new Messages.Traversal(1, inputs(), partials));
        assertNull(r.failure());
        // d/dz = 1.25; d/dX = 1.25 * 0.8, d/dW = 1.25 * 1.25
        assertArrayEquals(new double[] {1.0, 1.5625, 1.25, 1}, r.grads(), 1e-15);
        assertArrayEquals(new int[] {0, 1, 2, 3}, r.order());
        assertArrayEquals(new int[] {3, 2}, r.calls(), "only topograd's probe nodes log their backward");
    }

    @Test
    void aGradientOfTheWrongShapeIsTheFailureOfTheBackwardThatSetIt() {
        // 0: X [2, 3], 1: sum(X, 0) [3], 2: sum(...) []
        runner.addGraph(new Messages.TensorGraphMessage(2, new int[] {0, SUM_AXIS, SUM}, new int[] {-1, 0, 1},
                new int[] {-1, -1, -1}, new double[] {0, 0, 0}, new String[] {"X", null, null}, 2,
                new int[] {2, 1, 0}, new int[] {2, 3, 3}, new double[0]));
        Messages.Result r = runner.run(new Messages.Grads(2, X, new int[] {0, 1, 2}, new double[] {1}));
        assertNotNull(r.failure());
        assertEquals("backward:1", r.failure().where());
        Messages.Misshapen m = Messages.Misshapen.of(r.failure());
        assertEquals(new Messages.Misshapen(0, true, new int[] {3}, new int[] {2, 3}), m);
        assertNotNull(r.values(), "forward's values still travel");
    }

    @Test
    void aValueLeftNullIsTheFailureOfItsForward() {
        runner.addGraph(new Messages.TensorGraphMessage(3, new int[] {0, EXP, SUM}, new int[] {-1, 0, 1},
                new int[] {-1, -1, -1}, new double[3], new String[] {"X", null, null}, 2,
                new int[] {2, 2, 0}, new int[] {2, 3, 2, 3}, new double[0]));
        Messages.Result r = runner.run(new Messages.Forward(3, X, new int[] {0, 1, 2}));
        assertEquals("forward:1", r.failure().where());
        assertEquals(new Messages.Misshapen(1, false, null, new int[] {2, 3}), Messages.Misshapen.of(r.failure()));
    }

    @Test
    void aClassWithoutTheConstructorOrTheInterfaceIsAProblemNotACrash() {
        Messages.Bound bound = runner.bind(new Messages.Bind(List.of("tensorstudent.MatMul", "tensorstudent.Nope"),
                List.of(Messages.TENSOR_UNARY, Messages.TENSOR_UNARY), "tensorstudent.Sum"));
        assertTrue(bound.opProblems().get(0).contains("NoSuchMethodException"), bound.opProblems().get(0));
        assertTrue(bound.opProblems().get(1).contains("ClassNotFoundException"), bound.opProblems().get(1));
        assertTrue(bound.backpropProblem().contains("does not implement TensorBackprop"), bound.backpropProblem());
    }
}
