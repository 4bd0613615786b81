package org.topograd.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Central differences, with the one-sided differences used to recognise kinks.
 *
 * <p>For input {@code i} with step {@code h = cbrt(eps) * max(1, |x_i|)} (the step that balances
 * truncation against rounding error for a central difference) the estimate is
 * {@code (f(x + h e_i) - f(x - h e_i)) / 2h}. With {@link Settings#richardson()} it is refined by
 * Richardson extrapolation from the steps {@code h} and {@code h/2}.
 *
 * <p><b>Kinks.</b> At a kink (relu at 0) the left and right differences disagree by the jump in
 * the derivative, whatever the step; for a smooth function they disagree by about {@code h f''},
 * which halves when the step halves. An input whose one-sided differences disagree beyond the
 * tolerance at both {@code h} and {@code h/2} by nearly the same amount is reported as a kink:
 * not differentiable there, so skipped, never failed.
 *
 * <p><b>The estimate's own error.</b> A central difference is off by about {@code h^2 f'''/6}
 * where the function is smooth on the scale of the step, and by {@code h} times the jump where a
 * higher derivative has a kink ({@code (relu(x)^2 + 1)^3.5} at 0, whose second derivative jumps);
 * either way the error shows in how much the estimate changes when the step halves. The tolerance
 * is widened by twice that change (once for Richardson's estimate, whose error is at most two
 * thirds of it), so a steep function or a kink of a higher derivative never fails a right
 * gradient, while a wrong one, off by far more than the estimate moves, still fails.
 *
 * <p><b>Fast mode.</b> Past {@link Settings#fastAbove()} inputs, one random direction {@code u}
 * is checked instead of every axis: {@code (f(x + h u) - f(x - h u)) / 2h} against
 * {@code u . grad}. That costs five evaluations however many inputs there are, and a wrong
 * gradient component is still caught unless it happens to be exactly orthogonal to {@code u}.
 *
 * <p>Evaluation is split from estimation ({@link #plan}, then {@link Plan#estimate}) so that a
 * function living in another process can be evaluated at all the points in one round trip.
 */
public final class NumericalGradient {
    /** cbrt(machine epsilon), about 6e-6. */
    public static final double STEP_SCALE = Math.cbrt(Math.ulp(1.0));

    private NumericalGradient() {}

    /**
     * How numbers are compared: {@code |analytic - numeric| <= atol + rtol * |numeric|}.
     *
     * @param atol absolute slack (default 1e-5)
     * @param rtol relative slack (default 1e-4)
     * @param richardson whether to refine estimates by Richardson extrapolation
     * @param fastAbove above this many inputs, check one random direction (default 64)
     * @param seed seed of the random direction
     */
    public record Settings(double atol, double rtol, boolean richardson, int fastAbove, long seed) {
        /**
         * Loose enough that rounding in a 20,000-node chain never fails a correct gradient, tight
         * enough that every classic mistake (a factor, a sign, a missing term) is far outside.
         */
        public static final Settings DEFAULT = new Settings(1e-5, 1e-4, false, 64, 1);

        public boolean accepts(double analytic, double numeric, double scale) {
            return Math.abs(analytic - numeric) <= atol + rtol * Math.max(Math.abs(numeric), scale);
        }

        public Settings withRichardson(boolean on) {
            return new Settings(atol, rtol, on, fastAbove, seed);
        }

        public Settings withFastAbove(int inputs) {
            return new Settings(atol, rtol, richardson, inputs, seed);
        }
    }

    /** The step for a coordinate of size {@code x}. */
    public static double step(double x) {
        return STEP_SCALE * Math.max(1, Math.abs(x));
    }

    /** Plans the evaluations for the gradient at {@code x}. */
    public static Plan plan(double[] x, Settings settings) {
        double[][] directions;
        double[] steps;
        boolean fast = x.length > settings.fastAbove();
        if (fast) {
            double[] u = randomDirection(x.length, settings.seed());
            double size = 0;
            for (double v : x) {
                size = Math.max(size, Math.abs(v));
            }
            directions = new double[][] {u};
            steps = new double[] {step(size)};
        } else {
            directions = new double[x.length][];
            steps = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                directions[i] = new double[x.length];
                directions[i][i] = 1;
                // Rounded so that x + h and x - h are exactly h apart in floating point.
                double h = step(x[i]);
                steps[i] = (x[i] + h) - x[i];
            }
        }
        List<double[]> points = new ArrayList<>();
        points.add(x.clone());
        for (int d = 0; d < directions.length; d++) {
            for (double factor : new double[] {1, -1, 0.5, -0.5}) {
                double[] p = x.clone();
                for (int i = 0; i < p.length; i++) {
                    p[i] += factor * steps[d] * directions[d][i];
                }
                points.add(p);
            }
        }
        return new Plan(x.clone(), fast, directions, steps, points, settings);
    }

    /** Plans, evaluates {@code f} at every point, and compares with {@code analytic}. */
    public static List<Check> check(ToDoubleFunction<double[]> f, double[] x, double[] analytic, Settings settings) {
        Plan plan = plan(x, settings);
        double[] values = new double[plan.points().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsDouble(plan.points().get(i));
        }
        return plan.estimate(values).compare(analytic);
    }

    /** A unit vector with entries of equal size and random signs (never orthogonal to an axis). */
    static double[] randomDirection(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[n];
        double size = 1 / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            u[i] = random.nextBoolean() ? size : -size;
        }
        return u;
    }

    /** The points to evaluate: {@code x} first, then for each direction {@code +h, -h, +h/2, -h/2}. */
    public record Plan(double[] x, boolean fast, double[][] directions, double[] steps, List<double[]> points,
            Settings settings) {
        public Plan {
            points = List.copyOf(points);
        }

        /** Numerical derivatives from the function's values at {@link #points()}, in order. */
        public Estimate estimate(double[] values) {
            if (values.length != points.size()) {
                throw new IllegalArgumentException("expected " + points.size() + " values, got " + values.length);
            }
            double f0 = values[0];
            double[] numeric = new double[directions.length];
            double[] uncertainty = new double[directions.length];
            Check.Status[] skip = new Check.Status[directions.length];
            for (int d = 0; d < directions.length; d++) {
                double h = steps[d];
                double plus = values[1 + 4 * d];
                double minus = values[2 + 4 * d];
                double halfPlus = values[3 + 4 * d];
                double halfMinus = values[4 + 4 * d];
                double central = (plus - minus) / (2 * h);
                double halfCentral = (halfPlus - halfMinus) / h;
                numeric[d] = settings.richardson() ? (4 * halfCentral - central) / 3 : central;
                double change = Math.abs(central - halfCentral);
                uncertainty[d] = settings.richardson() ? change : 2 * change;
                double gap = (plus - f0) / h - (f0 - minus) / h;
                double halfGap = (halfPlus - f0) / (h / 2) - (f0 - halfMinus) / (h / 2);
                double scale = Math.max(Math.abs((plus - f0) / h), Math.abs((f0 - minus) / h));
                boolean defined = Double.isFinite(plus) && Double.isFinite(minus) && Double.isFinite(halfPlus)
                        && Double.isFinite(halfMinus);
                if (!defined && Double.isFinite(f0)) {
                    skip[d] = Check.Status.UNDEFINED_NEARBY;
                } else if (!settings.accepts(gap, 0, scale) && Math.abs(halfGap) >= 0.75 * Math.abs(gap)) {
                    skip[d] = Check.Status.KINK;
                }
            }
            return new Estimate(this, f0, numeric, uncertainty, skip);
        }
    }

    /**
     * Numerical derivatives along each planned direction; {@code value} is the function at the
     * point itself; {@code uncertainty[d]} how far {@code numeric[d]} may be off, judged by how it
     * moves when the step halves; {@code skip[d]} is null, or why direction {@code d} cannot be
     * checked numerically.
     */
    public record Estimate(Plan plan, double value, double[] numeric, double[] uncertainty, Check.Status[] skip) {
        /** Compares with an analytic gradient (one entry per input). */
        public List<Check> compare(double[] analytic) {
            List<Check> checks = new ArrayList<>();
            for (int d = 0; d < numeric.length; d++) {
                double[] u = plan.directions()[d];
                double projected = 0;
                double scale = 0;
                for (int i = 0; i < u.length; i++) {
                    if (u[i] != 0) {
                        projected += u[i] * analytic[i];
                        scale += Math.abs(u[i] * analytic[i]);
                    }
                }
                int input = plan.fast() ? -1 : d;
                double bound = plan.settings().atol() + plan.settings().rtol() * Math.max(Math.abs(numeric[d]), scale)
                        + uncertainty[d];
                Check.Status status = skip[d] != null ? skip[d]
                        : Math.abs(projected - numeric[d]) <= bound ? Check.Status.PASS : Check.Status.FAIL;
                checks.add(new Check(input, projected, numeric[d], bound, plan.steps()[d], status));
            }
            return checks;
        }
    }

    /**
     * One comparison.
     *
     * @param input the input's index, or -1 for the random direction of fast mode
     * @param analytic the analytic derivative (along the direction in fast mode)
     * @param numeric the numerical one
     * @param bound the largest accepted difference, the estimate's own uncertainty included
     * @param step the finite-difference step
     * @param status pass, fail, or why the input was skipped
     */
    public record Check(int input, double analytic, double numeric, double bound, double step, Status status) {
        public enum Status {
            PASS,
            FAIL,
            /** Not differentiable there (relu at 0): the one-sided derivatives differ. Skipped. */
            KINK,
            /** The function is finite here but not at a nearby point (log just above 0). Skipped. */
            UNDEFINED_NEARBY
        }

        public boolean failed() {
            return status == Status.FAIL;
        }

        public boolean skipped() {
            return status == Status.KINK || status == Status.UNDEFINED_NEARBY;
        }
    }
}
