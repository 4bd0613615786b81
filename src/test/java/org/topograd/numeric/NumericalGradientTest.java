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
