package org.topograd.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of spec mistake is reported at its exact file:line:column with the words that say
 * what is wrong and what to do. Lines in the texts below are numbered in the comments on the right.
 */
class SpecErrorsTest {
    private static final Path FILE = Path.of("specs", "t.yaml");

    private static List<Problem> problems(String text) {
        SpecResult result = SpecLoader.parse(FILE, text);
        if (result instanceof SpecResult.Valid) {
            fail("expected problems, but the spec is valid:\n" + text);
        }
        return ((SpecResult.Invalid) result).problems();
    }

    /** Exactly one problem, at {@code line:column}, whose message contains every one of {@code words}. */
    private static void assertOnly(String text, int line, int column, String... words) {
        List<Problem> problems = problems(text);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertProblem(problems.get(0), line, column, words);
    }

    private static void assertProblem(Problem problem, int line, int column, String... words) {
        String at = "specs/t.yaml:" + line + ":" + column + ": ";
        assertTrue(problem.toString().startsWith(at.replace('/', java.io.File.separatorChar)),
                () -> "expected at " + at + " but got " + problem);
        for (String word : words) {
            assertTrue(problem.message().contains(word), () -> "'" + word + "' missing from: " + problem.message());
        }
    }

    @Test
    void yamlSyntaxErrorNamesTheUnclosedBrace() {
        assertOnly("""
                title: t
                inputs: {a: 1
                graph:
                  y: a * 2
                """, 3, 6, "YAML syntax error", "flow mapping that starts at line 2, column 9");
    }

    @Test
    void yamlIndentationError() {
        assertOnly("""
                title: t
                inputs:
                  a: 1
                   b: 2
                graph:
                  y: a * b
                """, 4, 5, "YAML syntax error", "mapping values are not allowed", "indentation");
    }

    @Test
    void tabIndentation() {
        assertOnly("title: t\ninputs: {a: 1}\ngraph:\n\ty: a * 2\n", 4, 1, "YAML syntax error", "TAB");
    }

    @Test
    void misspelledKeySuggestsTheNearest() {
        List<Problem> problems = problems("""
                title: t
                visiblity: hidden
                inputs: {a: 1}
                graph:
                  y: a * 2
                foo: 3
                """);
        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), 2, 1, "unknown key 'visiblity'", "did you mean 'visibility'?", "the keys are title,");
        assertProblem(problems.get(1), 6, 1, "unknown key 'foo'", "the keys are");
        assertTrue(!problems.get(1).message().contains("did you mean"), "nothing is near 'foo'");
    }

    @Test
    void misspelledGraphAlsoReportsTheMissingGraph() {
        List<Problem> problems = problems("""
                title: t
                inputs: {a: 1}
                grahp:
                  y: a * 2
                """);
        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), 1, 1, "missing key 'graph'");
        assertProblem(problems.get(1), 3, 1, "unknown key 'grahp'", "did you mean 'graph'?");
    }

    @Test
    void duplicateKeysAreErrorsWherever() {
        List<Problem> problems = problems("""
                title: t
                inputs: {a: 1, a: 2}
                graph:
                  y: a * 2
                title: u
                """);
        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), 2, 16, "duplicate key 'a' in inputs", "first on line 2", "keep one");
        assertProblem(problems.get(1), 5, 1, "duplicate key 'title'", "first on line 1", "never silently picks the last");
    }

    @Test
    void missingTitleInputsAndGraph() {
        List<Problem> problems = problems("points: 3\n");
        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), 1, 1, "missing key 'title'", "title:");
        assertProblem(problems.get(1), 1, 1, "missing key 'inputs'", "inputs: {a: 7, b: 3, c: 2}");
        assertProblem(problems.get(2), 1, 1, "missing key 'graph'", "generate:");
    }

    @Test
    void nonFiniteNumbers() {
        List<Problem> problems = problems("""
                title: t
                inputs: {a: .inf, b: nan, c: 1e999}
                graph:
                  y: a * b * c
                """);
        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), 2, 13, "input a", "'.inf'", "finite");
        assertProblem(problems.get(1), 2, 22, "input b", "'nan'", "finite");
        assertProblem(problems.get(2), 2, 30, "input c", "1e999", "too large");
    }

    @Test
    void nonFiniteExpectation() {
        assertOnly("""
                title: t
                inputs: {a: 1}
                graph:
                  y: a * 2
                expect:
                  value: -.inf
                """, 6, 10, "expect value", "'-.inf'", "finite");
    }

    @Test
    void undefinedNamesWithSuggestion() {
        List<Problem> problems = problems("""
                title: t
                inputs: {alpha: 1}
                graph:
                  y: alpa * 2
                  z: y + beta
                """);
        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), 4, 6, "undefined name 'alpa'", "did you mean 'alpha'?", "define it under inputs:");
        assertProblem(problems.get(1), 5, 10, "undefined name 'beta'");
    }

    @Test
    void functionNameUsedAsAVariable() {
        assertOnly("title: t\ninputs: {a: 1}\ngraph:\n  y: a * exp\n", 4, 10, "undefined name 'exp'", "write exp(...)");
    }

    @Test
    void cycle() {
        assertOnly("""
                title: t
                inputs: {a: 1}
                graph:
                  p: q + a
                  q: p * 2
                """, 4, 3, "cycle: p -> q -> p", "acyclic");
    }

    @Test
    void selfReference() {
        assertOnly("title: t\ninputs: {a: 1}\ngraph:\n  y: y + a\n", 4, 3, "cycle: y -> y");
    }

    @Test
    void forwardReference() {
        assertOnly("""
                title: t
                inputs: {a: 1}
                graph:
                  p: a + q
                  q: a * 2
                """, 4, 10, "'q' is used before it is defined", "line 5", "move 'q' above 'p'");
    }

    @Test
    void aBrokenEntryIsReportedOnceNotAsAForwardReference() {
        assertOnly("title: t\ninputs: {a: 1}\ngraph:\n  p: a +\n  y: p * 2\n", 4, 9, "the expression ends");
    }

    @Test
    void unknownFunctionListsTheKnownOnes() {
        assertOnly("title: t\ninputs: {a: 1}\ngraph:\n  y: 2 * sinh(a)\n", 4, 10, "unknown function 'sinh'",
                "did you mean 'sin'?", "use one of the functions: exp, log, sqrt, sin, cos, tanh, sigmoid, relu");
    }

    @Test
    void exponentMustBeANumber() {
        assertOnly("title: t\ninputs: {a: 1, n: 2}\ngraph:\n  y: a ^ n\n", 4, 8, "exponent of ^ must be a number",
                "not 'n'", "exp(n * log(x))");
    }

    @Test
    void unbalancedParenthesesInAQuotedExpression() {
        // The column counts the opening quote: the '(' is the 7th character of the line.
        assertOnly("title: t\ninputs: {a: 1}\ngraph:\n  y: \"(a + 1 * 2\"\n", 4, 7, "unbalanced parentheses", "never closed");
    }

    @Test
    void extraClosingParenthesis() {
        assertOnly("title: t\ninputs: {a: 1}\ngraph:\n  y: a * 2)\n", 4, 11, "unbalanced parentheses", "no matching '('");
    }

    @Test
    void expectNamingANonInput() {
        assertOnly("""
                title: t
                inputs: {a: 1}
                graph:
                  y: a * 2
                expect: {value: 2, grad: {a: 2, y: 0}}
                """, 5, 33, "expect names 'y', which is not an input", "give expected gradients for inputs only (a)");
    }

    @Test
    void caseProblems() {
        List<Problem> problems = problems("""
                title: t
                inputs: {a: 1}
                graph:
                  y: a * 2
                cases:
                  - inputs: {b: 1}
                  - {inputs: {a: 2}, expect: {value: 4, grad: {c: 1}}}
                  - expect: {value: 1}
                """);
        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), 6, 14, "'b' is not an input", "use one of the inputs: a");
        assertProblem(problems.get(1), 7, 48, "expect names 'c'");
        assertProblem(problems.get(2), 8, 5, "case-3 has no inputs: add inputs:");
    }

    @Test
    void negativeTolerance() {
        assertOnly("title: t\ninputs: {a: 1}\ngraph:\n  y: a * 2\ntolerance: {abs: -1e-9}\n", 5, 18,
                "tolerance abs is negative (-1e-9)", "without the minus");
    }

    @Test
    void severalProblemsInOneFileAreAllReportedInFileOrder() {
        List<Problem> problems = problems("""
                titel: t
                inputs: {a: 1, b: x}
                graph:
                  y: a * c
                  z: y +
                tolerance: {rel: -1}
                """);
        assertEquals(6, problems.size(), problems::toString);
        assertProblem(problems.get(0), 1, 1, "unknown key 'titel'", "did you mean 'title'?");
        assertProblem(problems.get(1), 1, 1, "missing key 'title'");
        assertProblem(problems.get(2), 2, 19, "input b must be a finite number, not 'x'");
        assertProblem(problems.get(3), 4, 10, "undefined name 'c'");
        assertProblem(problems.get(4), 5, 9, "the expression ends");
        assertProblem(problems.get(5), 6, 18, "tolerance rel is negative");
    }

    @Test
    void emptyInputs() {
        assertOnly("title: t\ninputs: {}\ngraph:\n  y: 2\n", 2, 9, "inputs is empty");
    }

    @Test
    void emptyFileAndNotAMapping() {
        assertOnly("", 1, 1, "the file is empty");
        assertOnly("- a\n- b\n", 1, 1, "a spec is a mapping", "not a list");
    }

    @Test
    void generatedGraphProblems() {
        assertOnly("title: t\ninputs: {x: 1}\ngenerate: {shape: chain, op: add, length: 10}\n", 3, 30,
                "a chain needs a unary op, not 'add'", "use one of the unary ops:");
        assertOnly("title: t\ninputs: {x: 1}\ngenerate: {shape: random, nodes: 10, ops: [add, mull]}\n", 3, 49,
                "unknown op 'mull'", "did you mean 'mul'?");
        assertOnly("title: t\ninputs: {x: 1}\ngraph: {y: x}\ngenerate: {shape: chain, op: sin, length: 3}\n", 4, 1,
                "either graph: or generate:");
    }

    @Test
    void validSpecKeepsWhatWasWritten() {
        SpecResult result = SpecLoader.parse(FILE, """
                title: PowerNode (a + b^3) * c
                points: 10
                visibility: hidden
                inputs: {a: 7, b: 3, c: 2}
                graph:
                  p: b ^ 3
                  s: a + p
                  y: s * c
                expect: {value: 68, grad: {b: 54}}
                cases:
                  - inputs: {b: 0.5}
                random: {count: 2, seed: 11}
                tolerance: {abs: 1e-8}
                """);
        Spec spec = assertInstanceOf(SpecResult.Valid.class, result).spec();
        assertEquals("10", spec.points().toString(), "points print as written, not as 1E+1");
        assertEquals(new BigDecimal("10"), spec.points());
        assertTrue(spec.hidden());
        assertEquals(new Tolerance(1e-8, Tolerance.DEFAULT.rel()), spec.tolerance());
        assertEquals(List.of("main", "case-1", "random-1", "random-2"), spec.cases().stream().map(Case::name).toList());
        assertEquals("specs/t.yaml:4:1".replace('/', java.io.File.separatorChar), spec.cases().get(0).at().toString());
        assertEquals(List.of(7.0, 0.5, 2.0), java.util.Arrays.stream(spec.cases().get(1).inputs()).boxed().toList());
        Claim claim = spec.cases().get(0).expected().orElseThrow().grads().get(0);
        assertEquals(new Claim("b", 54, new Location(FILE, 9, 31)), claim);
    }
}
