package org.topograd.engine.tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topograd.api.tensor.NDArray;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Problem;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;

/**
 * Checks a tensor spec file completely, as {@link org.topograd.engine.SpecValidator} does a scalar
 * one: that it reads (syntax, names, shapes), then that it holds ({@link TensorSolver}).
 */
public final class TensorSpecValidator {
    private TensorSpecValidator() {}

    /**
     * The outcome for one file.
     *
     * @param file the file
     * @param problems everything wrong, reading problems first; empty when the spec is valid
     * @param warnings what may not be meant, though the spec is valid
     * @param solution the solution, when the spec could be read
     */
    public record Validated(Path file, List<Problem> problems, List<Problem> warnings,
            Optional<TensorSolution> solution) {
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

    /** Validates a file; {@code numerical} are the course's settings of the numerical check. */
    public static Validated validate(Path file, NumericalGradient.Settings numerical) {
        TensorSpecResult result = TensorSpecLoader.load(file);
        if (result instanceof TensorSpecResult.Invalid invalid) {
            return new Validated(file, invalid.problems(), List.of(), Optional.empty());
        }
        TensorSolution solution = TensorSolver.solve(((TensorSpecResult.Valid) result).spec(), numerical);
        return new Validated(file, solution.problems(), warnings(solution), Optional.of(solution));
    }

    /**
     * What a valid tensor spec may not mean: inputs and graph entries the output does not reach
     * (their gradient is zeros, and students are graded on those zeros), and a relu with an input
     * element exactly on its kink (topograd takes relu'(0) = 0, as PyTorch does; a student who
     * takes 1 is not wrong).
     */
    public static List<Problem> warnings(TensorSolution solution) {
        TensorSpec spec = solution.spec();
        TensorGraph graph = spec.graph();
        List<Problem> warnings = new ArrayList<>();
        if (solution.cases().isEmpty()) {
            return warnings;
        }
        boolean[] reached = solution.cases().get(0).reached(graph);
        String output = graph.label(graph.output());
        for (int node = 0; node < graph.size(); node++) {
            if (reached[node] || !graph.isNamed(node) || graph.op(node) == TensorOp.CONSTANT) {
                continue;
            }
            String name = graph.label(node);
            warnings.add(new Problem(spec.place(name), graph.op(node) == TensorOp.INPUT
                    ? "input '" + name + "' does not reach the output " + output + ", so its gradient is zeros at"
                            + " every point, and students are graded on those zeros; remove it from inputs if it is"
                            + " left over"
                    : "graph entry '" + name + "' does not reach the output " + output + ": it is never computed in"
                            + " grading; use it in the output, or remove it if it is left over"));
        }
        for (TensorCaseSolution c : solution.cases()) {
            for (int node : c.evaluation().order()) {
                if (graph.op(node) != TensorOp.RELU) {
                    continue;
                }
                NDArray x = c.evaluation().values()[graph.first(node)];
                for (int i = 0; i < x.size(); i++) {
                    if (x.at(i) == 0) {
                        warnings.add(new Problem(c.point().at(), "at " + c.point().name() + " element "
                                + TensorValues.index(graph.shape(node), i) + " of relu's input "
                                + graph.label(graph.first(node)) + " is exactly 0, relu's kink: topograd takes"
                                + " relu'(0) = 0 (as PyTorch does), so a student who takes 1 loses points here"
                                + " without being wrong; move the point off the kink"));
                        break;
                    }
                }
            }
        }
        return warnings;
    }
}
