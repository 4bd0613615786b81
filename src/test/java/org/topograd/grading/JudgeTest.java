package org.topograd.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.topograd.engine.ReferenceEngine;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Graph;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.spec.Tolerance;

/** Verdicts and messages from raw numbers, on the lecture's graph (a + b) * c at a=7, b=3, c=2. */
class JudgeTest {
    private static final Spec SPEC = spec("""
            title: sum then product
            inputs: {a: 7, b: 3, c: 2}
            graph:
              s: a + b
              y: s * c
            """);
    private static final Graph GRAPH = SPEC.graph();
    private static final CaseAnswers ANSWERS = ReferenceAnswers.of(0, SPEC, NumericalGradient.Settings.DEFAULT)
            .cases().get(0);
    private static final Tolerance TOLERANCE = Tolerance.DEFAULT;

    static Spec spec(String yaml) {
        SpecResult result = SpecLoader.parse(Path.of("t.yaml"), yaml);
        return ((SpecResult.Valid) result).spec();
    }

    private static int node(String name) {
        return GRAPH.node(name).orElseThrow();
    }

    @Test
    void rightValuesPass() {
        assertTrue(Judge.forward(GRAPH, ANSWERS, ANSWERS.values().clone(), TOLERANCE).passed());
    }

    @Test
    void aWrongValueNamesTheNodeTheNumbersAndTheTolerance() {
        double[] values = ANSWERS.values().clone();
        values[node("s")] = 11;
        values[node("y")] = 22;
        Outcome outcome = Judge.forward(GRAPH, ANSWERS, values, TOLERANCE);
        assertInstanceOf(Outcome.Fail.class, outcome);
        assertEquals("s is 11, expected 10 (tolerance ±1e-5); also wrong: y", outcome.message());
    }

    @Test
    void valuesWithinTheToleranceAreRight() {
        double[] values = ANSWERS.values().clone();
        values[node("y")] = 20 * (1 + 0.5e-6);
        assertTrue(Judge.forward(GRAPH, ANSWERS, values, TOLERANCE).passed());
        values[node("y")] = Double.NaN;
        assertEquals("y is nan, expected 20 (tolerance ±2e-5)", Judge.forward(GRAPH, ANSWERS, values, TOLERANCE)
                .message());
    }

    @Test
    void gradientsSeededWithZeroMustAllBeZero() {
        double[] one = ANSWERS.grads().clone();
        double[] zero = new double[GRAPH.size()];
        zero[node("a")] = 1; // a backward that ignores the upstream gradient
        double[] two = Arrays.stream(one).map(g -> 2 * g).toArray();
        Outcome outcome = Judge.gradient(GRAPH, ANSWERS, one, zero, two, TOLERANCE);
        assertEquals("with the output's gradient set to 0, a.grad is 1 but every gradient must be 0 (backward must"
                + " multiply by the node's own grad, the upstream gradient)", outcome.message());
    }

    @Test
    void gradientsSeededWithTwoMustDouble() {
        double[] one = ANSWERS.grads().clone();
        double[] two = Arrays.stream(one).map(g -> 2 * g).toArray();
        two[node("c")] = 11;
        Outcome outcome = Judge.gradient(GRAPH, ANSWERS, one, new double[GRAPH.size()], two, TOLERANCE);
        assertEquals("with the output's gradient set to 2, c.grad is 11, expected twice 10 = 20 (backward must scale"
                + " with the upstream gradient)", outcome.message());
        two[node("c")] = 20;
        assertTrue(Judge.gradient(GRAPH, ANSWERS, one, new double[GRAPH.size()], two, TOLERANCE).passed());
    }

    @Test
    void aWrongGradientNamesTheNode() {
        double[] grads = ANSWERS.grads().clone();
        grads[node("b")] = 4;
        assertEquals("b.grad is 4, expected 2 (tolerance ±2e-6)", Judge.endToEnd(GRAPH, ANSWERS, grads, TOLERANCE)
                .message());
    }

    @Test
    void theTraversalMustListEveryReachableNodeOnceAfterItsInputs() {
        int[] right = ANSWERS.order();
        assertTrue(Judge.traversal(GRAPH, ANSWERS, right, right, ANSWERS.probeGrads(), TOLERANCE).passed());

        assertEquals("topologicalOrder returned null instead of a list of nodes",
                Judge.traversal(GRAPH, ANSWERS, null, null, ANSWERS.probeGrads(), TOLERANCE).message());

        int[] twice = append(right, node("s"));
        assertTrue(Judge.traversal(GRAPH, ANSWERS, twice, null, ANSWERS.probeGrads(), TOLERANCE).message()
                .startsWith("topologicalOrder lists s more than once"));

        int[] foreign = append(right, -1);
        assertTrue(Judge.traversal(GRAPH, ANSWERS, foreign, null, ANSWERS.probeGrads(), TOLERANCE).message()
                .startsWith("topologicalOrder returned 1 node(s) that are not in the graph"));

        int[] missing = Arrays.stream(right).filter(n -> n != node("c")).toArray();
        assertTrue(Judge.traversal(GRAPH, ANSWERS, missing, null, ANSWERS.probeGrads(), TOLERANCE).message()
                .startsWith("topologicalOrder leaves out c"));

        int[] reversed = reverse(right);
        assertTrue(Judge.traversal(GRAPH, ANSWERS, reversed, null, ANSWERS.probeGrads(), TOLERANCE).message()
                .startsWith("topologicalOrder puts "));
    }

    @Test
    void wrongTraversalGradientsAreExplainedByTheOrderOfBackwardCalls() {
        double[] grads = ANSWERS.probeGrads().clone();
        grads[node("a")] *= 2;
        int[] calls = {node("y"), node("s"), node("s")};
        String message = Judge.traversal(GRAPH, ANSWERS, ANSWERS.order(), calls, grads, TOLERANCE).message();
        assertTrue(message.startsWith("backward: a.grad is "), message);
        assertTrue(message.contains("s.backward() ran 2 times"), message);

        int[] early = {node("s"), node("y")};
        message = Judge.traversal(GRAPH, ANSWERS, ANSWERS.order(), early, grads, TOLERANCE).message();
        assertTrue(message.contains("s.backward() ran before y.backward()"), message);
    }

    @Test
    void numericalDerivativesOfTheStudentsForwardMustMatchTheirBackward() {
        NumericalGradient.Plan plan = ANSWERS.plan();
        double[] f = plan.points().stream().mapToDouble(p -> (p[0] + p[1]) * p[2]).toArray();
        NumericalGradient.Estimate estimate = plan.estimate(f);
        assertTrue(Judge.numerical(GRAPH, estimate, new double[] {2, 2, 10}).passed());
        Outcome wrong = Judge.numerical(GRAPH, estimate, new double[] {2, 3, 10});
        assertTrue(wrong.message().startsWith("input b: your backward gives 3 but your forward's numerical derivative"
                + " is 2"), wrong.message());
    }

    @Test
    void kinksAreSkippedNotFailed() {
        Spec relu = spec("""
                title: relu at its kink
                inputs: {x: 0}
                graph:
                  y: relu(x)
                """);
        CaseAnswers answers = ReferenceAnswers.of(0, relu, NumericalGradient.Settings.DEFAULT).cases().get(0);
        double[] f = answers.plan().points().stream().mapToDouble(p -> Math.max(0, p[0])).toArray();
        Outcome outcome = Judge.numerical(relu.graph(), answers.plan().estimate(f), new double[] {0});
        assertTrue(outcome.passed());
        assertEquals("skipped x (not differentiable here)", outcome.message());
    }

    private static int[] append(int[] a, int x) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    private static int[] reverse(int[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[a.length - 1 - i];
        }
        return b;
    }

    @Test
    void referenceAnswersAreTheEnginesAndProbeGradientsUseTheProbeDerivatives() {
        double[] values = ReferenceEngine.forward(GRAPH, ANSWERS.order(), new double[] {7, 3, 2});
        assertEquals(20, values[GRAPH.output()]);
        assertEquals(2, ANSWERS.grads()[node("a")]);
        assertEquals(10, ANSWERS.grads()[node("c")]);
        double[] p = ANSWERS.probePartials();
        int y = node("y");
        int s = node("s");
        assertEquals(p[2 * y] * p[2 * s], ANSWERS.probeGrads()[node("a")], 1e-15);
        assertTrue(Arrays.stream(p).allMatch(d -> d == 0.8 || d == 1.25));
    }
}
