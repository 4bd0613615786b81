package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.topograd.engine.Finding;
import org.topograd.engine.tensor.TensorSolution;
import org.topograd.engine.tensor.TensorSolver;
import org.topograd.engine.tensor.TensorSpecValidator;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.tensor.TensorExpectWriter;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;

/**
 * {@code topograd solve} on a tensor spec: the same steps, messages and exit statuses as on a
 * scalar spec ({@link SolveCommand}), with the tensor reader, solver, tables and writer.
 */
final class TensorSolve {
    private TensorSolve() {}

    static int run(PrintWriter out, Path file, boolean write, boolean json, boolean richardson) throws IOException {
        TensorSpecResult result = TensorSpecLoader.load(file);
        if (result instanceof TensorSpecResult.Invalid invalid) {
            if (json) {
                out.print(SolutionJson.invalid(file, invalid.problems()));
                return ExitCodes.FINDINGS;
            }
            invalid.problems().forEach(out::println);
            out.println("solve: " + file + " is not a valid spec; fix the problems above");
            return ExitCodes.FINDINGS;
        }
        TensorSolution solution = TensorSolver.solve(((TensorSpecResult.Valid) result).spec(),
                NumericalGradient.Settings.DEFAULT.withRichardson(richardson));
        if (json) {
            out.print(TensorSolutionJson.render(solution, TensorSpecValidator.warnings(solution)));
            return solution.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
        out.print(TensorSolutionTable.render(solution));
        if (write) {
            return write(out, file, solution);
        }
        solution.problems().forEach(out::println);
        return solution.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static int write(PrintWriter out, Path file, TensorSolution solution) throws IOException {
        boolean blocked = false;
        for (Finding f : solution.findings()) {
            if (f.kind() != Finding.Kind.WRONG_EXPECTATION) {
                out.println(f.problem());
                blocked = true;
            }
        }
        if (blocked) {
            out.println("solve: not written: the reference answers of " + file + " cannot be trusted at every case"
                    + " (see above); fix the spec first");
            return ExitCodes.FINDINGS;
        }
        int wrong = solution.findings().size();
        boolean changed = TensorExpectWriter.rewrite(file, solution.spec().graph().inputNames(), solution.answers());
        out.println(changed
                ? "solve: wrote expect to " + file
                        + (wrong == 0 ? "" : " (" + wrong + " wrong tensor" + (wrong == 1 ? "" : "s") + " corrected)")
                : "solve: " + file + " already expects these numbers; unchanged");
        return ExitCodes.OK;
    }
}
