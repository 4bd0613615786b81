package org.topograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;

class SolverTest {
    private static final Path FILE = Path.of("specs", "power.yaml");

    private static Spec spec(String text) {
        SpecResult result = SpecLoader.parse(FILE, text);
        assertTrue(result instanceof SpecResult.Valid, () -> result.toString());
        return ((SpecResult.Valid) result).spec();
    }

    private static String at(int line, int column) {
        return FILE + ":" + line + ":" + column + ": ";
    }

    @Test
    void wrongExpectationShowsBothNumbersAndTheClaimsLocation() {
        Solution solution = Solver.solve(spec("""
                title: PowerNode (a + b^3) * c
                inputs: {a: 7, b: 3, c: 2}
                graph:
                  p: b ^ 3
                  s: a + p
                  y: s * c
                expect:
                  value: 68
                  grad: {a: 2, b: 45, c: 34}
                cases:
                  - inputs: {a: -1.5, b: 0.5, c: 4}
                    expect: {value: -5, grad: {c: -1.375}}
                """));
        List<Finding> findings = solution.findings();
        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.stream().allMatch(f -> f.kind() == Finding.Kind.WRONG_EXPECTATION));
        String grad = findings.get(0).toString();
        assertTrue(grad.startsWith(at(9, 19) + "expect grad b is 45, but the reference engine computes 54 (numerically 54.0"),
                grad);
        assertTrue(grad.contains("solve --write"), grad);
        assertEquals(at(12, 21) + "expect value of case-1 is -5, but the reference engine computes -5.5; correct the number,"
                + " or let topograd solve --write fill it in", findings.get(1).toString());
        assertTrue(!solution.ok());

        CaseSolution main = solution.cases().get(0);
        assertEquals(4, main.verdicts().size(), "value and three grads");
        assertEquals(List.of(true, true, false, true), main.verdicts().stream().map(Verdict::passed).toList());
        assertEquals(54, main.verdicts().get(2).computed());
    }

    @Test
    void toleranceDecidesWhatIsWrong() {
        String text = """
                title: t
                inputs: {x: 3}
                graph:
                  y: x * x
                expect: {value: 9.001, grad: {x: 6}}
                tolerance: {abs: TOL}
                """;
        assertEquals(1, Solver.solve(spec(text.replace("TOL", "1e-4"))).findings().size());
        assertTrue(Solver.solve(spec(text.replace("TOL", "1e-2"))).ok());
    }

    @Test
    void rightExpectationsPassAndEveryValueIsComputed() {
        Solution solution = Solver.solve(spec("""
                title: t
                inputs: {a: 7, b: 3, c: 2}
                graph:
                  s: a + b
                  y: s * c
                expect: {value: 20, grad: {a: 2, b: 2, c: 10}}
                random: {count: 3, seed: 1}
                """));
        assertTrue(solution.ok(), solution.findings()::toString);
        assertEquals(4, solution.cases().size());
        CaseSolution main = solution.cases().get(0);
        assertEquals(20, main.value(solution.spec().graph()));
        assertEquals(List.of(2.0, 2.0, 10.0),
                java.util.Arrays.stream(main.inputGrads(solution.spec().graph())).boxed().toList());
        assertEquals(3, main.numeric().size());
        assertTrue(main.numeric().stream().allMatch(c -> c.status() == NumericalGradient.Check.Status.PASS));
        assertEquals(List.of("main"), List.copyOf(solution.answers().keySet()), "random points get no expect");
    }

    @Test
    void kinkIsSkippedNeverFailed() {
        Solution solution = Solver.solve(spec("""
                title: t
                inputs: {x: 0, w: 2}
                graph:
                  y: relu(x) * w
                expect: {value: 0, grad: {x: 0, w: 0}}
                """));
        assertTrue(solution.ok(), solution.findings()::toString);
        CaseSolution main = solution.cases().get(0);
        assertEquals(NumericalGradient.Check.Status.KINK, main.numericFor(0).orElseThrow().status());
        assertEquals(NumericalGradient.Check.Status.PASS, main.numericFor(1).orElseThrow().status());
    }

    @Test
    void wrongClaimAtAKinkSaysTheNumericalGradientIsUndefined() {
        Solution solution = Solver.solve(spec("title: t\ninputs: {x: 0}\ngraph:\n  y: relu(x)\nexpect: {grad: {x: 1}}\n"));
        assertEquals(List.of(at(5, 20) + "expect grad x is 1, but the reference engine computes 0 (numerically undefined:"
                + " kink); correct the number, or let topograd solve --write fill it in"),
                solution.problems().stream().map(Object::toString).toList());
    }

    @Test
    void nonFiniteValueNamesTheNodeAndTheCase() {
        Solution solution = Solver.solve(spec("""
                title: t
                inputs: {x: 2}
                graph:
                  l: log(x)
                  y: l * x
                cases:
                  - inputs: {x: -1}
                """));
        assertEquals(1, solution.findings().size(), solution.findings()::toString);
        Finding f = solution.findings().get(0);
        assertEquals(Finding.Kind.NOT_FINITE, f.kind());
        assertEquals(at(7, 5) + "the value of node 'l' is nan at case-1 (x = -1): the spec is ill-posed there; choose"
                + " inputs where every node is finite", f.toString());
        assertTrue(solution.cases().get(1).numeric().isEmpty(), "no numerical check at an ill-posed point");
    }

    @Test
    void infiniteGradientIsReported() {
        Solution solution = Solver.solve(spec("title: t\ninputs: {x: 0}\ngraph:\n  y: sqrt(x)\n"));
        Finding f = solution.findings().get(0);
        assertEquals(Finding.Kind.NOT_FINITE, f.kind());
        assertTrue(f.toString().startsWith(at(2, 1) + "the gradient of node 'x' is inf at main (x = 0)"), f.toString());
    }

    @Test
    void numericalMismatchSaysFiniteDifferencesCannotFollowTheOutput() {
        // At 1e22 the step is 6e16, ten million million periods of cos: no finite difference can follow it,
        // though the reference's value and gradient are right (PyTorch and big-math agree with them).
        Solution solution = Solver.solve(spec("title: t\ninputs: {x: 1e22}\ngraph:\n  y: cos(x)\n"));
        assertEquals(1, solution.findings().size(), solution.findings()::toString);
        Finding f = solution.findings().get(0);
        assertEquals(Finding.Kind.NUMERICAL_MISMATCH, f.kind());
        assertTrue(f.toString().startsWith(at(2, 1) + "the gradient of x at main (x = 1e22) is 0.8522008497671888 by the"
                + " reference engine, but finite differences with a step of 6.1e+16 give "), f.toString());
        assertTrue(f.toString().endsWith("finite differences cannot follow the output here (within that step it changes"
                + " too much, or too little to show in a double's 16 digits), so the numerical check would fail correct"
                + " submissions at this point; choose another point, with smaller inputs or where the graph is less"
                + " steep or less saturated"), f.toString());
        assertFalse(f.toString().contains("singularity"), f.toString());
        assertFalse(f.toString().contains("bug"), f.toString());
    }

    /** (relu(h)^2 + 1)^3.5 at h = 0: the first derivative exists (0), the second jumps from 0 to 7. */
    @Test
    void aKinkOfTheSecondDerivativeIsNoMismatchWithOrWithoutRichardson() {
        Spec spec = spec("title: t\ninputs: {h: 0}\ngraph:\n  y: (relu(h) ^ 2 + 1) ^ 3.5\n"
                + "expect: {value: 1, grad: {h: 0}}\ncases:\n  - inputs: {h: 0.25}\n  - inputs: {h: -0.25}\n");
        for (boolean richardson : new boolean[] {false, true}) {
            Solution solution = Solver.solve(spec, NumericalGradient.Settings.DEFAULT.withRichardson(richardson));
            assertTrue(solution.ok(), solution.findings()::toString);
            for (CaseSolution c : solution.cases()) {
                assertEquals(NumericalGradient.Check.Status.PASS, c.numericFor(0).orElseThrow().status(), c.toString());
            }
        }
    }

    /** sin at 10000: the step (0.06) is large on sin's scale, so a central difference is off by 6e-4 of it. */
    @Test
    void aSteepSmoothSpecIsNoMismatchWithoutRichardson() {
        Solution solution = Solver.solve(spec("title: t\ninputs: {x: 10000}\ngraph:\n  y: sin(x)\n"));
        assertTrue(solution.ok(), solution.findings()::toString);
    }

    @Test
    void fastModeAbove64Inputs() {
        StringBuilder inputs = new StringBuilder();
        for (int k = 0; k < 70; k++) {
            inputs.append(k == 0 ? "" : ", ").append("x").append(k).append(": ").append(0.01 * k);
        }
        Solution solution = Solver.solve(spec("title: t\ninputs: {" + inputs + "}\n"
                + "generate: {shape: random, nodes: 200, ops: [add, mul, tanh], seed: 3, window: 80}\n"));
        assertTrue(solution.ok(), solution.findings()::toString);
        assertEquals(1, solution.cases().get(0).numeric().size());
        assertEquals(-1, solution.cases().get(0).numeric().get(0).input());
    }
}
