package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topograd.engine.Finding;
import org.topograd.engine.Solution;
import org.topograd.engine.Solver;
import org.topograd.engine.SpecValidator;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.ExpectWriter;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.spec.tensor.TensorSpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code topograd solve}: the reference answers of a spec, checked numerically, and optionally written into it. */
@Command(
        name = "solve",
        mixinStandardHelpOptions = true,
        description = "Prints, for each case of a spec, every named node's value and gradient (a node the output "
                + "does not reach is marked, with gradient 0), and each input's gradient next to its numerical "
                + "estimate. With --json, every node's value and gradient at every point as JSON. With --write, fills "
                + "in (or corrects) expect: for the top-level inputs and every listed case, keeping the file's "
                + "comments and layout. For a tensor spec, each named node's shape, and its numbers when it is small.",
        footer = ExitCodes.HELP_FOOTER)
final class SolveCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SPEC", description = "The spec file.")
    Path file;

    @Option(names = "--write", description = "Write the computed value and gradients into the spec's expect: blocks.")
    boolean write;

    @Option(names = "--richardson", description = "Refine the numerical gradients by Richardson extrapolation.")
    boolean richardson;

    @Option(names = "--json", description = "Print every node's value and gradient at every point, the numerical"
            + " checks, the problems and the warnings as JSON (for scripts) instead of tables.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "solve: no such spec file: " + file);
        }
        if (json && write) {
            throw new CommandLine.ParameterException(spec.commandLine(), "solve: --json and --write do not go together:"
                    + " run solve --write first, then solve --json");
        }
        if (TensorSpecLoader.isTensorSpec(file)) {
            return TensorSolve.run(out, file, write, json, richardson);
        }
        SpecResult result = SpecLoader.load(file);
        if (result instanceof SpecResult.Invalid invalid) {
            if (json) {
                out.print(SolutionJson.invalid(file, invalid.problems()));
                return ExitCodes.FINDINGS;
            }
            invalid.problems().forEach(out::println);
            out.println("solve: " + file + " is not a valid spec; fix the problems above");
            return ExitCodes.FINDINGS;
        }
        Spec s = ((SpecResult.Valid) result).spec();
        Solution solution = Solver.solve(s, NumericalGradient.Settings.DEFAULT.withRichardson(richardson));
        if (json) {
            out.print(SolutionJson.render(solution, SpecValidator.warnings(solution)));
            return solution.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
        out.print(SolutionTable.render(solution));
        if (write) {
            return write(out, solution);
        }
        solution.problems().forEach(out::println);
        return solution.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private int write(PrintWriter out, Solution solution) throws IOException {
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
        boolean changed = ExpectWriter.rewrite(file, solution.spec().graph().inputNames(), solution.answers());
        out.println(changed
                ? "solve: wrote expect to " + file
                        + (wrong == 0 ? "" : " (" + wrong + " wrong number" + (wrong == 1 ? "" : "s")
                        + " corrected)")
                : "solve: " + file + " already expects these numbers; unchanged");
        return ExitCodes.OK;
    }
}
