package org.topograd.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.Check;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.Judge;
import org.topograd.grading.Outcome;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;

/**
 * Every mutant is named on a small graph made for it, from the numbers of a student who makes
 * the mistake for real ({@link Student}), for every check that fails.
 */
class MutantDiagnosisTest {
    private static final MutantDiagnostician DIAGNOSTICIAN = new MutantDiagnostician();

    /** A mistake, the graph that shows it, and the bug it must be named as. */
    record Made(Student.Bug mistake, String bug, String inputs, String graph) {}

    static final List<Made> MADE = List.of(
            // The lecture's graph: w has two parents, u1 and u2.
            new Made(Student.Bug.RECURSION, "recursion-without-topological-order", "{x: 2}",
                    "{w: x ^ 2, u1: 3 * w, u2: log(w), y: u1 - u2}"),
            new Made(Student.Bug.RECURSION_LAST_INPUT_FIRST, "recursion-without-topological-order", "{x: 2}",
                    "{w: x ^ 2, u1: 3 * w, u2: log(w), y: u1 - u2}"),
            new Made(Student.Bug.VISITED_SET, "recursion-with-visited-set", "{x: 2}",
                    "{w: x ^ 2, u1: 3 * w, u2: log(w), y: u1 - u2}"),
            new Made(Student.Bug.NOT_REVERSED, "order-not-reversed", "{a: 7, b: 3, c: 2}", "{s: a + b, y: s * c}"),
            new Made(Student.Bug.RESET_AFTER_SEED, "grad-reset-after-seed", "{a: 7, b: 3, c: 2}", "{s: a + b, y: s * c}"),
            new Made(Student.Bug.ASSIGN, "assign-instead-of-accumulate", "{x: 0.5}",
                    "{u1: sin(x), u2: cos(x), y: u1 * u2}"),
            new Made(Student.Bug.UPSTREAM, "upstream-not-multiplied", "{a: 7, b: 3, c: 2}", "{s: a + b, y: s * c}"),
            new Made(Student.Bug.RESET_AFTER_BACKWARD, "grad-reset-after-backward", "{a: 7, b: 3, c: 2}",
                    "{s: a + b, y: s * c}"),
            new Made(Student.Bug.POW_N_X_N, "power-rule-n-x-to-the-n", "{a: 7, b: 3, c: 2}",
                    "{p: b ^ 3, s: a + p, y: s * c}"),
            new Made(Student.Bug.POW_MISSING_N, "power-rule-missing-n", "{a: 7, b: 3, c: 2}",
                    "{p: b ^ 3, s: a + p, y: s * c}"),
            new Made(Student.Bug.SUB_SIGN, "sub-sign-error", "{a: 3, b: 4}", "{d: a - b, y: d * d}"),
            new Made(Student.Bug.DIV_SIGN, "div-sign-error", "{a: 3, b: 4}", "{y: a / b}"),
            new Made(Student.Bug.DIV_NOT_SQUARED, "div-denominator-not-squared", "{a: 3, b: 4}", "{y: a / b}"),
            new Made(Student.Bug.MUL_OWN, "mul-own-value", "{a: 3, b: 4}", "{y: a * b}"),
            new Made(Student.Bug.COS_SIGN, "cos-derivative-sign", "{x: 0.5, c: 2}", "{f: cos(x), y: f * c}"),
            new Made(Student.Bug.EXP_AT_OUTPUT, "exp-derivative-at-output", "{x: 0.5, c: 2}", "{f: exp(x), y: f * c}"),
            new Made(Student.Bug.LOG_AT_OUTPUT, "log-derivative-at-output", "{x: 3, c: 2}", "{f: log(x), y: f * c}"),
            new Made(Student.Bug.SQRT_AT_OUTPUT, "sqrt-derivative-at-output", "{x: 3, c: 2}", "{f: sqrt(x), y: f * c}"),
            new Made(Student.Bug.SIN_AT_OUTPUT, "sin-derivative-at-output", "{x: 0.5, c: 2}", "{f: sin(x), y: f * c}"),
            new Made(Student.Bug.COS_AT_OUTPUT, "cos-derivative-at-output", "{x: 0.5, c: 2}", "{f: cos(x), y: f * c}"),
            new Made(Student.Bug.TANH_AT_OUTPUT, "tanh-derivative-at-output", "{x: 0.5, c: 2}", "{f: tanh(x), y: f * c}"),
            new Made(Student.Bug.SIGMOID_AT_OUTPUT, "sigmoid-derivative-at-output", "{x: 0.5, c: 2}",
                    "{f: sigmoid(x), y: f * c}"),
            new Made(Student.Bug.TANH_1_MINUS_X2, "tanh-derivative-1-minus-x-squared", "{x: 0.5, c: 2}",
                    "{f: tanh(x), y: f * c}"),
            new Made(Student.Bug.SIGMOID_X_1_MINUS_X, "sigmoid-derivative-x-times-1-minus-x", "{x: 0.5, c: 2}",
                    "{f: sigmoid(x), y: f * c}"),
            new Made(Student.Bug.SQRT_1_OVER_2X, "sqrt-derivative-1-over-2x", "{x: 3, c: 2}", "{f: sqrt(x), y: f * c}"),
            // Two functions, so that no single function's mistake explains the numbers.
            new Made(Student.Bug.UNARY_AT_OUTPUT, "unary-derivative-at-output", "{x: 0.5}",
                    "{e: exp(x), s: sin(x), y: e * s}"));

    static Stream<Arguments> made() {
        return MADE.stream().map(m -> Arguments.of(m.mistake(), m));
    }

    static SpecAnswers spec(String id, String inputs, String graph) {
        String text = "title: " + id + "\ninputs: " + inputs + "\ngraph: " + graph + "\n";
        SpecResult result = SpecLoader.parse(Path.of(id + ".yaml"), text);
        if (!(result instanceof SpecResult.Valid valid)) {
            throw new AssertionError("test spec " + id + " is invalid: " + ((SpecResult.Invalid) result).problems());
        }
        return ReferenceAnswers.of(0, valid.spec(), NumericalGradient.Settings.DEFAULT);
    }

    /** What every check makes of the student at the spec's main point, with the diagnosis of each failure. */
    static Map<Check, Optional<Diagnostician.Diagnosis>> grade(Student student, SpecAnswers s,
            Map<Op, String> classes) {
        Spec spec = s.spec();
        Graph g = spec.graph();
        CaseAnswers a = s.cases().get(0);
        double[] inputs = spec.cases().get(0).inputs();
        double[] one = student.gradsTask(g, inputs, a.order(), 1);
        double[] zero = student.gradsTask(g, inputs, a.order(), 0);
        double[] two = student.gradsTask(g, inputs, a.order(), 2);
        double[] probes = student.traversalTask(g, inputs, a.probePartials());
        double[] e2e = student.endToEndTask(g, inputs, a.order());
        NumericalGradient.Estimate estimate = Forecasts.referenceEstimate(g, a.order(), a.plan());
        Map<Check, Optional<Diagnostician.Diagnosis>> out = new LinkedHashMap<>();
        Outcome gradient = Judge.gradient(g, a, one, zero, two, spec.tolerance());
        if (!gradient.passed()) {
            out.put(Check.GRADIENT, DIAGNOSTICIAN.diagnose(new Diagnostician.Evidence(Check.GRADIENT, s, 0, a.values(),
                    one, zero, two, null, null, classes)));
        }
        if (!Judge.traversal(g, a, a.order(), null, probes, spec.tolerance()).passed()) {
            out.put(Check.TRAVERSAL, DIAGNOSTICIAN.diagnose(new Diagnostician.Evidence(Check.TRAVERSAL, s, 0, null,
                    probes, null, null, a.order(), null, classes)));
        }
        if (!Judge.endToEnd(g, a, e2e, spec.tolerance()).passed()) {
            out.put(Check.END_TO_END, DIAGNOSTICIAN.diagnose(new Diagnostician.Evidence(Check.END_TO_END, s, 0,
                    a.values(), e2e, null, null, null, null, classes)));
        }
        if (!Judge.numerical(g, estimate, Forecasts.inputGrads(g, one)).passed()) {
            out.put(Check.NUMERICAL, DIAGNOSTICIAN.diagnose(new Diagnostician.Evidence(Check.NUMERICAL, s, 0,
                    a.values(), one, null, null, null, null, classes)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("made")
    void everyFailingCheckNamesTheMistake(Student.Bug mistake, Made made) {
        SpecAnswers s = spec(made.bug(), made.inputs(), made.graph());
        Map<Check, Optional<Diagnostician.Diagnosis>> checks = grade(new Student(mistake), s, Map.of());
        assertFalse(checks.isEmpty(), "the graph made for " + made.bug() + " does not show it");
        checks.forEach((check, diagnosis) -> {
            assertTrue(diagnosis.isPresent(), check + " failed but was not diagnosed");
            assertEquals(made.bug(), diagnosis.get().bug(), check + ": " + diagnosis.get().explanation());
            assertTrue(diagnosis.get().explanation().startsWith("Likely bug: your numbers match "),
                    diagnosis.get().explanation());
        });
    }

    @Test
    void everyBugInTheCatalogueHasAGraphMadeForIt() {
        Set<String> covered = new TreeSet<>(MADE.stream().map(Made::bug).toList());
        assertEquals(new TreeSet<>(Mutants.bugs()), covered);
        Set<Student.Bug> mistakes = EnumSet.noneOf(Student.Bug.class);
        MADE.forEach(m -> mistakes.add(m.mistake()));
        assertEquals(EnumSet.complementOf(EnumSet.of(Student.Bug.CORRECT)), mistakes);
    }

    @Test
    void aCorrectStudentFailsNothing() {
        for (Made made : MADE) {
            SpecAnswers s = spec(made.bug(), made.inputs(), made.graph());
            assertEquals(Map.of(), grade(new Student(Student.Bug.CORRECT), s, Map.of()), made.bug());
        }
    }

    @Test
    void numbersThatMatchNoMutantAreNotDiagnosed() {
        SpecAnswers s = spec("power", "{a: 7, b: 3, c: 2}", "{p: b ^ 3, s: a + p, y: s * c}");
        CaseAnswers a = s.cases().get(0);
        double[] grads = a.grads().clone();
        int b = s.spec().graph().node("b").orElseThrow();
        grads[b] = 55; // right is 54; no classic mistake gives 55
        assertEquals(Optional.empty(), DIAGNOSTICIAN.diagnose(new Diagnostician.Evidence(Check.END_TO_END, s, 0,
                a.values(), grads, null, null, null, null)));
        assertEquals(Optional.empty(), DIAGNOSTICIAN.diagnose(new Diagnostician.Evidence(Check.FORWARD, s, 0,
                a.values(), null, null, null, null, null)));
    }

    @Test
    void thePowerRuleIsExplainedWithItsNumbersAndTheClassAtFault() {
        SpecAnswers s = spec("power", "{a: 7, b: 3, c: 2}", "{p: b ^ 3, s: a + p, y: s * c}");
        Map<Check, Optional<Diagnostician.Diagnosis>> checks = grade(new Student(Student.Bug.POW_N_X_N), s,
                Map.of(Op.POW, "backprop.ops.Arithmetic$Power"));
        String explanation = checks.get(Check.GRADIENT).orElseThrow().explanation();
        assertEquals("Likely bug: your numbers match the power rule written n * x^n instead of n * x^(n-1): at p = b ^ 3"
                + " with b = 3, dp/db comes out 81 instead of 27. The first wrong gradient is b.grad (162 instead of 54),"
                + " which flows out of Power.backward() at node p. d(x^n)/dx = n * x^(n-1): the exponent drops by one.",
                explanation);
    }

    @Test
    void recursionIsExplainedByTheSharedNodeAndItsPaths() {
        SpecAnswers s = spec("lecture", "{x: 2}", "{w: x ^ 2, u1: 3 * w, u2: log(w), y: u1 - u2}");
        Map<Check, Optional<Diagnostician.Diagnosis>> checks = grade(new Student(Student.Bug.RECURSION), s, Map.of());
        String explanation = checks.get(Check.END_TO_END).orElseThrow().explanation();
        // The lecture's numbers: x.grad is 23 instead of 11 at x = 2.
        assertTrue(explanation.contains("runs w.backward() twice, once per path to it"), explanation);
        assertTrue(explanation.contains("x.grad comes out 23 instead of 11"), explanation);
        assertTrue(explanation.endsWith("in reverse order (the lecture's topo_order), so that a node passes its"
                + " gradient on only after every node that uses it has added its share."), explanation);
    }

    @Test
    void recursionOnAHugeDagIsNotPredictedButStillGivesAnAnswerElsewhere() {
        // 60 layers of x_{i+1} = x_i * x_i + x_i: 2^60 paths. The budget stops the recursion mutants.
        SpecAnswers s = spec("huge", "{x: 0.5}", layers(60, "%1$s * 0.5 + %1$s * 0.25", "%s * 1"));
        Forecasts forecasts = new Forecasts(Mutants.all(), 10_000);
        List<String> unpredicted = new ArrayList<>();
        for (org.topograd.naming.Forecast f : forecasts.at(s, 0).forecasts()) {
            if (!f.predicted()) {
                unpredicted.add(f.mistake().bug());
                assertTrue(f.notPredicted().contains("more than 10,000 backward() calls"), f.notPredicted());
            }
        }
        assertEquals(List.of("recursion-without-topological-order", "recursion-without-topological-order"),
                unpredicted);
        assertTrue(forecasts.at(s, 0) == forecasts.at(s, 0), "forecasts are cached per spec and case");
    }

    /**
     * The calls a recursion mutant would make, counted path by path without making them, are
     * exactly the calls it makes: it gives up (null) with a budget of one less, and not with that
     * many. On random DAGs of every shape, a few hundred to tens of thousands of calls.
     */
    @Test
    void theRecursionsCallsAreCountedExactlyBeforeTheyAreMade() {
        List<Op> ops = List.of(Op.ADD, Op.MUL, Op.SIN, Op.SUB);
        for (long seed = 0; seed < 60; seed++) {
            org.topograd.spec.Graph dag = org.topograd.spec.GraphGenerator.randomDag(List.of("a", "b", "c"),
                    8 + (int) (seed % 12), ops, seed, 2 + (int) (seed % 4));
            int[] order = org.topograd.engine.ReferenceEngine.topologicalOrder(dag);
            long calls = TraversalMutant.recursionCalls(dag, order, Long.MAX_VALUE);
            assertTrue(calls >= dag.size() && calls < 5_000_000, "seed " + seed + ": " + calls + " calls");
            org.topograd.engine.ReferenceEngine.LocalDerivatives local = (node, k) -> 1;
            for (boolean firstInputFirst : new boolean[] {true, false}) {
                assertTrue(TraversalMutant.recursion(dag, local, firstInputFirst, false, calls) != null,
                        "seed " + seed);
                assertTrue(TraversalMutant.recursion(dag, local, firstInputFirst, false, calls - 1) == null,
                        "seed " + seed);
            }
            assertEquals(Math.min(calls, 101), TraversalMutant.recursionCalls(dag, order, 100),
                    "counting stops past the cap");
        }
    }

    @Test
    void theCountOfPathsDoesNotOverflow() {
        // 200 layers of x_{i+1} = x_i * x_i: 2^200 paths to x.
        SpecAnswers s = spec("squares", "{x: 0.5}", layers(200, "%1$s * %1$s", "sin(%s)"));
        org.topograd.spec.Graph g = s.spec().graph();
        int[] order = s.cases().get(0).order();
        assertEquals(Long.MAX_VALUE, TraversalMutant.recursionCalls(g, order, Long.MAX_VALUE));
        assertEquals(1_000_001, TraversalMutant.recursionCalls(g, order, 1_000_000));
    }

    /**
     * A graph of {@code n} layers from x, each {@code layer} of the one before (a format, the layer
     * before as its argument), and y the {@code output} of the last.
     */
    private static String layers(int n, String layer, String output) {
        StringBuilder graph = new StringBuilder("{");
        String prev = "x";
        for (int i = 1; i <= n; i++) {
            graph.append("h").append(i).append(": ").append(String.format(layer, prev)).append(", ");
            prev = "h" + i;
        }
        return graph.append("y: ").append(String.format(output, prev)).append("}").toString();
    }

    @Test
    void aDeepChainNeedsNoDeepStack() {
        // A recursion mutant on 100,000 nested sin: an explicit stack, not the JVM's.
        org.topograd.spec.Graph chain = org.topograd.spec.GraphGenerator.chain("x", Op.SIN, 100_000);
        int[] order = org.topograd.engine.ReferenceEngine.topologicalOrder(chain);
        double[] grads = TraversalMutant.recursion(chain, (node, k) -> 1, true, false, Long.MAX_VALUE);
        assertEquals(1, grads[chain.inputNode(0)]);
        assertEquals(order.length, chain.size());
    }
}
