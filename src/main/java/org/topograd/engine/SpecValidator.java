package org.topograd.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;

/**
 * Checks a spec file completely: first that it reads (syntax, keys, names, numbers), then, for a
 * spec that does, that it holds ({@link Solver}: every expectation right, every value finite,
 * finite differences agreeing). One file's trouble never stops another's check.
 *
 * <p>{@code grade} refuses a spec for exactly the problems found here, with the same messages
 * ({@link #problems}); the warnings ({@link #warnings}) never refuse one.
 */
public final class SpecValidator {
    private SpecValidator() {}

    /**
     * The outcome for one file.
     *
     * @param file the file
     * @param problems everything wrong, reading problems first; empty when the spec is valid
     * @param warnings what may not be meant, though the spec is valid: an input or entry the output
     *     does not reach, a relu evaluated on its kink
     * @param solution the solution, when the spec could be read
     */
    public record Validated(Path file, List<Problem> problems, List<Problem> warnings, Optional<Solution> solution) {
        public Validated {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Validated validate(Path file) {
        return validate(file, NumericalGradient.Settings.DEFAULT);
    }

    /** Validates a file; {@code numerical} are the course's settings of the numerical check, as grading uses them. */
    public static Validated validate(Path file, NumericalGradient.Settings numerical) {
        SpecResult result = SpecLoader.load(file);
        if (result instanceof SpecResult.Invalid invalid) {
            return new Validated(file, invalid.problems(), List.of(), Optional.empty());
        }
        Solution solution = Solver.solve(((SpecResult.Valid) result).spec(), numerical);
        return new Validated(file, new ArrayList<>(solution.problems()), warnings(solution), Optional.of(solution));
    }

    /** Why a spec that reads cannot be graded with: a wrong expectation, an ill-posed or unreliably graded point. */
    public static List<Problem> problems(Spec spec, NumericalGradient.Settings numerical) {
        return Solver.solve(spec, numerical).problems();
    }

    /**
     * What a valid spec may not mean: inputs and graph entries the output does not reach (their
     * gradient is 0 everywhere, and students are graded on that 0), and relus evaluated exactly on
     * their kink (where topograd, as PyTorch, takes relu'(0) = 0, and a student who takes 1 is not wrong).
     */
    public static List<Problem> warnings(Solution solution) {
        Spec spec = solution.spec();
        Graph graph = spec.graph();
        List<Problem> warnings = new ArrayList<>();
        int[] order = solution.cases().isEmpty() ? new int[0] : solution.cases().get(0).evaluation().order();
        boolean[] reached = new boolean[graph.size()];
        for (int node : order) {
            reached[node] = true;
        }
        String output = graph.label(graph.output());
        for (int node = 0; node < graph.size(); node++) {
            if (reached[node] || !graph.isNamed(node)) {
                continue;
            }
            String name = graph.label(node);
            warnings.add(new Problem(spec.place(name), graph.op(node) == Op.INPUT
                    ? "input '" + name + "' does not reach the output " + output + ", so its gradient is 0 at every"
                            + " point, and students are graded on that 0 like any other gradient; remove it from inputs"
                            + " if it is left over"
                    : "graph entry '" + name + "' does not reach the output " + output + ": it is never computed in"
                            + " grading, and its gradient is 0; use it in the output, or remove it if it is left"
                            + " over"));
        }
        for (CaseSolution c : solution.cases()) {
            textbook(spec, c).ifPresent(warnings::add);
            for (int node : order) {
                if (graph.op(node) == Op.RELU && c.evaluation().values()[graph.first(node)] == 0) {
                    Case point = c.point();
                    warnings.add(new Problem(point.at(), "at " + Solver.describe(graph, point) + " the input of "
                            + describe(graph, node) + " is exactly 0, relu's kink, where it has no derivative: topograd"
                            + " takes relu'(0) = 0 (as PyTorch does), so a student who takes 1 loses points here"
                            + " without being wrong; move the point off the kink"));
                    break; // one warning per point is enough to move it
                }
            }
        }
        return warnings;
    }

    /**
     * Where the textbook derivative forms ({@link Derivatives#TEXTBOOK}) give a gradient outside the
     * spec's tolerance: a correct student who writes {@code -a / (b * b)} would lose points there.
     */
    private static Optional<Problem> textbook(Spec spec, CaseSolution c) {
        Graph graph = spec.graph();
        ReferenceEngine.Evaluation e = c.evaluation();
        if (!Double.isFinite(e.output(graph))) {
            return Optional.empty(); // reported as not finite already
        }
        double[] plain = ReferenceEngine.backward(graph, e.order(), e.values(), 1, Derivatives.TEXTBOOK);
        for (int i = e.order().length - 1; i >= 0; i--) {
            int node = e.order()[i];
            if (graph.op(node) != Op.CONSTANT && Double.isFinite(e.grads()[node])
                    && !spec.tolerance().accepts(plain[node], e.grads()[node])) {
                return Optional.of(new Problem(c.point().at(), "at " + Solver.describe(graph, c.point())
                        + " the textbook derivative forms (-a / (b * b), 1 - t * t, s * (1 - s), n * x^(n - 1)) lose"
                        + " precision: they give the gradient of " + graph.label(node) + " as "
                        + org.topograd.spec.NumberText.format(plain[node]) + " where it is "
                        + org.topograd.spec.NumberText.format(e.grads()[node]) + ", outside the tolerance, so a"
                        + " correct student who uses them loses points here; move the point to less extreme numbers"
                        + " or loosen the spec's tolerance"));
            }
        }
        return Optional.empty();
    }

    private static String describe(Graph graph, int node) {
        String label = graph.label(node);
        return graph.isNamed(node) ? "relu node '" + label + "'" : label.startsWith("relu(") ? label
                : "relu(" + graph.label(graph.first(node)) + ")";
    }
}
