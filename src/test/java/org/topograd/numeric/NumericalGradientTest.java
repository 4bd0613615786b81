package org.topograd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topograd.numeric.NumericalGradient.Check;

class NumericalGradientTest {
    private static final NumericalGradient.Settings DEFAULT = NumericalGradient.Settings.DEFAULT;

    @Test
    void smoothFunctionPasses() {
        // f(x, y) = x^2 y + sin(y): grad (2xy, x^2 + cos y)
        double[] x = {1.5, -0.7};
        List<Check> checks = NumericalGradient.check(p -> p[0] * p[0] * p[1] + Math.sin(p[1]), x,
                new double[] {2 * 1.5 * -0.7, 1.5 * 1.5 + Math.cos(-0.7)}, DEFAULT);
        assertEquals(2, checks.size());
        for (Check c : checks) {
            assertEquals(Check.Status.PASS, c.status(), c.toString());
        }
    }

    @Test
    void wrongGradientFails() {
        List<Check> checks = NumericalGradient.check(p -> p[0] * p[0] * p[0], new double[] {2}, new double[] {4}, DEFAULT);
        assertTrue(checks.get(0).failed());
        assertEquals(12, checks.get(0).numeric(), 1e-6);
    }

    @Test
    void kinkIsSkippedWhateverTheAnalyticClaim() {
        for (double claim : new double[] {0, 1, 0.5, 7}) {
            Check c = NumericalGradient.check(p -> Math.max(p[0], 0), new double[] {0}, new double[] {claim}, DEFAULT).get(0);
            assertEquals(Check.Status.KINK, c.status());
            assertTrue(c.skipped());
            assertFalse(c.failed());
        }
        Check abs = NumericalGradient.check(p -> Math.abs(p[0] - 3), new double[] {3}, new double[] {0}, DEFAULT).get(0);
        assertEquals(Check.Status.KINK, abs.status());
    }

    @Test
    void nearAKinkButNotOnItIsChecked() {
        Check c = NumericalGradient.check(p -> Math.max(p[0], 0), new double[] {0.01}, new double[] {1}, DEFAULT).get(0);
        assertEquals(Check.Status.PASS, c.status());
    }

    /**
     * (max(x, 0)^2 + 1)^3.5 at 0 has a kink in its second derivative: the central difference is off
     * by O(h) there (1.1e-5, more than atol), not O(h^2). Its change when the step halves shows it,
     * and widens the tolerance: the right derivative, 0, passes; a wrong one still fails.
     */
    @Test
    void aKinkOfAHigherDerivativeWidensTheToleranceEnoughAndNoMore() {
        java.util.function.ToDoubleFunction<double[]> f = p -> Math.pow(Math.pow(Math.max(p[0], 0), 2) + 1, 3.5);
        for (boolean richardson : new boolean[] {false, true}) {
            NumericalGradient.Settings settings = DEFAULT.withRichardson(richardson);
            Check right = NumericalGradient.check(f, new double[] {0}, new double[] {0}, settings).get(0);
            assertEquals(Check.Status.PASS, right.status(), right.toString());
            assertTrue(right.bound() < 1e-4, "widened by the estimate's own error only: " + right);
            Check wrong = NumericalGradient.check(f, new double[] {0}, new double[] {1e-3}, settings).get(0);
            assertEquals(Check.Status.FAIL, wrong.status(), wrong.toString());
        }
    }

    /** sin at 10000: step 0.06, so the central difference is 6e-4 (relative) off, past rtol 1e-4. */
    @Test
    void aSteepSmoothFunctionPassesWithoutRichardsonAndAWrongSlopeStillFails() {
        double x = 10_000;
        Check right = NumericalGradient.check(p -> Math.sin(p[0]), new double[] {x}, new double[] {Math.cos(x)}, DEFAULT)
                .get(0);
        assertEquals(Check.Status.PASS, right.status(), right.toString());
        for (double wrong : new double[] {-Math.cos(x), Math.sin(x), 1.01 * Math.cos(x)}) {
            Check c = NumericalGradient.check(p -> Math.sin(p[0]), new double[] {x}, new double[] {wrong}, DEFAULT).get(0);
            assertEquals(Check.Status.FAIL, c.status(), c.toString());
        }
    }

    @Test
    void undefinedNearbyIsSkipped() {
        Check c = NumericalGradient.check(p -> Math.log(p[0]), new double[] {1e-9}, new double[] {1e9}, DEFAULT).get(0);
        assertEquals(Check.Status.UNDEFINED_NEARBY, c.status());
    }

    @Test
    void planIsEvaluatedInOneRoundTrip() {
        NumericalGradient.Plan plan = NumericalGradient.plan(new double[] {1, 2}, DEFAULT);
        assertEquals(1 + 2 * 4, plan.points().size(), "x, then +h, -h, +h/2, -h/2 per input");
        double[] values = plan.points().stream().mapToDouble(p -> 3 * p[0] - p[1]).toArray();
        List<Check> checks = plan.estimate(values).compare(new double[] {3, -1});
        assertEquals(List.of(Check.Status.PASS, Check.Status.PASS), checks.stream().map(Check::status).toList());
    }
}
