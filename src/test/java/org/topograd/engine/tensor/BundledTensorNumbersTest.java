package org.topograd.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorExpected;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;
import org.topograd.spec.tensor.TensorValue;

/**
 * The numbers solve --write put into the bundled tensor specs, checked against numbers worked out
 * here by hand or by a closed formula, never by the engine: so a wrong engine rule and a spec
 * written from it cannot agree with each other and pass.
 */
class BundledTensorNumbersTest {
    private static final double CLOSE = 1e-12;

    private static TensorSpec spec(String name) {
        TensorSpecResult result = TensorSpecLoader.load(Path.of("tensors", "specs", name + ".yaml"));
        assertTrue(result instanceof TensorSpecResult.Valid, () -> result.toString());
        return ((TensorSpecResult.Valid) result).spec();
    }

    private static TensorExpected expected(TensorSpec spec) {
        return spec.cases().get(0).expected().orElseThrow();
    }

    private static double[] grad(TensorSpec spec, String input) {
        return expected(spec).grad(input).orElseThrow().value().elements();
    }

    private static double value(TensorSpec spec) {
        return expected(spec).value().orElseThrow().value().element(0);
    }

    /** sum((a + b^3) * c) at the lecture's a = 7, b = 3, c = 2 (and two more elements), worked by hand. */
    @Test
    void theLecturesGraphWithVectors() {
        TensorSpec spec = spec("lecture-graph");
        // (7 + 27) * 2 + (-1.5 + 0.125) * -1 + (0.25 - 1.953125) * 4 = 68 + 1.375 - 6.8125
        assertEquals(62.5625, value(spec), CLOSE);
        assertArrayEquals(new double[] {2, -1, 4}, grad(spec, "a"));                  // c
        assertArrayEquals(new double[] {54, -0.75, 18.75}, grad(spec, "b"));          // 3 b^2 c
        assertArrayEquals(new double[] {34, -1.375, -1.703125}, grad(spec, "c"));     // a + b^3
    }

    /** sum(sin(x) * cos(x)) = sum(sin(2x)) / 2, whose gradient is cos(2x): the two paths through x added. */
    @Test
    void theMultivariateChainRuleAddsBothPaths() {
        TensorSpec spec = spec("multivariate-chain");
        double[] x = {0.5, -1.25, 2, 0.75};
        double sum = 0;
        double[] cos2x = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sum += Math.sin(2 * x[i]) / 2;
            cos2x[i] = Math.cos(2 * x[i]);
        }
        assertEquals(sum, value(spec), CLOSE);
        assertArrayEquals(cos2x, grad(spec, "x"));
    }

    /**
     * The example, worked with plain loops from the point the reader draws: z = X W + b, the
     * loss the mean over rows of log Σ exp(z_i) - z_i[y_i], and b's gradient the mean over rows of
     * softmax(z_i) - onehot(y_i). (The 2.73 was written for another draw of W; topograd's
     * seeded W gives 2.34.)
     */
    @Test
    void theAffineLayerWithCrossEntropy() {
        TensorSpec spec = spec("affine-cross-entropy");
        TensorCase main = spec.cases().get(0);
        TensorValue x = main.input(0);
        TensorValue w = main.input(1);
        TensorValue b = main.input(2);
        int[] y = {0, 4};
        double loss = 0;
        double[] gradB = new double[5];
        for (int i = 0; i < 2; i++) {
            double[] z = new double[5];
            double total = 0;
            for (int j = 0; j < 5; j++) {
                z[j] = b.element(j);
                for (int k = 0; k < 3; k++) {
                    z[j] += x.element(i * 3 + k) * w.element(k * 5 + j);
                }
                total += Math.exp(z[j]);
            }
            loss += (Math.log(total) - z[y[i]]) / 2;
            for (int j = 0; j < 5; j++) {
                gradB[j] += (Math.exp(z[j]) / total - (j == y[i] ? 1 : 0)) / 2;
            }
        }
        assertEquals(loss, value(spec), CLOSE);
        assertEquals(2.34, Math.round(value(spec) * 100) / 100.0);
        assertArrayEquals(gradB, grad(spec, "b"));
        double sum = 0;
        for (double g : gradB) {
            sum += g;
        }
        assertEquals(0, sum, CLOSE, "softmax minus one-hot sums to 0 in every row");
    }

    private static void assertArrayEquals(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], CLOSE, "element " + i);
        }
    }
}
