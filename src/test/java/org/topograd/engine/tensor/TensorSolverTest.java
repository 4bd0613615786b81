package org.topograd.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topograd.engine.Finding;
import org.topograd.spec.Problem;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;

/** The tensor solver's findings, each kind with its message, and the validator's warnings. */
class TensorSolverTest {
    private static final Path FILE = Path.of("t.yaml");

    private static TensorSpec spec(String text) {
        TensorSpecResult result = TensorSpecLoader.parse(FILE, text);
        assertTrue(result instanceof TensorSpecResult.Valid, () -> result.toString());
        return ((TensorSpecResult.Valid) result).spec();
    }

    @Test
    void everyWrongElementIsCountedAndTheFirstIsNamed() {
        // d sum(x * x) / dx = 2x = [[2, 4, 6], [8, 10, 12]]; three elements written wrong.
        TensorSpec spec = spec("""
                title: t
                inputs:
                  x: [[1, 2, 3], [4, 5, 6]]
                graph:
                  y: sum(x * x)
                output: y
                expect:
                  value: 91
                  grad: {x: [[2, 4, 6], [8.5, 10, 11]]}
                cases:
                  - inputs: {x: [[1, 1, 1], [1, 1, 1]]}
                    expect: {value: 7, grad: {x: [[2, 2, 2], [2, 2, 0]]}}
                """);
        TensorSolution solution = TensorSolver.solve(spec);
        assertEquals(List.of(
                "t.yaml:9:13: expect grad x: x.grad[1, 0] is written 8.5, the reference gives 8 (numerically N)"
                        + " (2 of its 6 elements are wrong); correct the numbers, or let topograd solve --write fill"
                        + " them in",
                "t.yaml:12:21: expect value of case-1 is 7, but the reference engine computes 6; correct the number,"
                        + " or let topograd solve --write fill it in",
                "t.yaml:12:34: expect grad x of case-1: x.grad[1, 2] is written 0, the reference gives 2 (numerically"
                        + " N); correct the number, or let topograd solve --write fill it in"),
                // Finite differences are not exact: their digits are the numerical check's, tested elsewhere.
                solution.problems().stream().map(p -> p.toString().replaceAll("numerically [0-9.]+", "numerically N"))
                        .toList());
        assertTrue(solution.findings().stream().allMatch(f -> f.kind() == Finding.Kind.WRONG_EXPECTATION));
        assertEquals(org.topograd.api.tensor.NDArray.matrix(new double[][] {{2, 4, 6}, {8, 10, 12}}),
                solution.cases().get(0).verdicts().get(1).computed());
    }

    @Test
    void aNonFiniteElementIsNamedAndNothingIsCheckedNumericallyThere() {
        TensorSolution solution = TensorSolver.solve(spec("""
                title: t
                inputs:
                  x: [1, -2, 3]
                graph:
                  y: sum(log(x))
                output: y
                """));
        assertEquals(1, solution.findings().size());
        Finding f = solution.findings().get(0);
        assertEquals(Finding.Kind.NOT_FINITE, f.kind());
        assertTrue(f.problem().message().startsWith("the value of node 'log(x)[1]' is nan at main"), f.toString());
        assertEquals(List.of(), solution.cases().get(0).numeric());
    }

    @Test
    void finiteDifferencesThatCannotFollowTheOutputAreReportedAtTheirElement() {
        TensorSolution solution = TensorSolver.solve(spec("""
                title: t
                inputs:
                  x: [0.5, 1e22]
                graph:
                  y: sum(cos(x))
                output: y
                """));
        Finding f = solution.findings().get(0);
        assertEquals(Finding.Kind.NUMERICAL_MISMATCH, f.kind());
        assertTrue(f.problem().message().startsWith("the gradient of x[1] at main is "), f.toString());
    }

    @Test
    void largeInputsAreCheckedInFastModeAndSmallOnesElementByElement() {
        String text = """
                title: t
                inputs:
                  X: {shape: [SHAPE], random: {seed: 1, low: -1, high: 1}}
                graph:
                  y: sum(tanh(X @ transpose(X)))
                output: y
                """;
        TensorSolution large = TensorSolver.solve(spec(text.replace("SHAPE", "9, 8")));
        assertTrue(large.ok(), large.problems().toString());
        assertEquals(1, large.cases().get(0).numeric().size());
        assertEquals(-1, large.cases().get(0).numeric().get(0).input());
        TensorSolution small = TensorSolver.solve(spec(text.replace("SHAPE", "2, 3")));
        assertEquals(6, small.cases().get(0).numeric().size());
    }

    @Test
    void warningsNameAnUnreachedInputAndAReluOnItsKink() {
        TensorSpec spec = spec("""
                title: t
                inputs:
                  x: [1, 0, -1]
                  unused: [1, 2]
                graph:
                  y: sum(relu(x))
                output: y
                """);
        List<String> warnings = TensorSpecValidator.warnings(TensorSolver.solve(spec)).stream()
                .map(Problem::message).toList();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("input 'unused' does not reach the output y"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("at main element [1] of relu's input x is exactly 0"), warnings.get(1));
    }
}
