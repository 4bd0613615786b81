package org.topograd.spec.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.topograd.spec.tensor.TensorSpecs.assertContains;
import static org.topograd.spec.tensor.TensorSpecs.assertOnly;
import static org.topograd.spec.tensor.TensorSpecs.assertProblem;
import static org.topograd.spec.tensor.TensorSpecs.problems;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topograd.spec.Problem;

/**
 * Every kind of tensor spec mistake is reported at its exact file:line:column, with both shapes and
 * what to do. Lines are numbered in the comments on the right.
 */
class TensorSpecErrorsTest {
    @Test
    void matmulWithDifferentInnerSizesNamesBothShapesAtTheAt() {
        assertOnly("""
                title: t
                inputs:
                  A: [[1, 2], [3, 4]]
                  B: [[1, 2, 3]]
                graph:
                  z: A @ B                # line 6, A at column 6
                  loss: sum(z)
                """, 6, 6, "A has shape [2, 2] and B has shape [1, 3]: the inner sizes of @ differ: [2, 2] @ [1, 3]"
                + " pairs 2 columns of the left operand with 1 row of the right; they must be equal (transpose an"
                + " operand if its axes are the wrong way round)");
    }

    @Test
    void theShapeErrorIsAtTheOperationThatFailsInsideALongerExpression() {
        assertOnly("""
                title: t
                inputs: {a: [1, 2, 3], W: [[1, 2], [3, 4]]}
                graph:
                  loss: sum(exp(a) @ W)   # line 4: exp(a) starts at column 13
                """, 4, 13, "exp(a) has shape [3] and W has shape [2, 2]: the inner sizes of @ differ: [3] @ [2, 2]"
                + " pairs 3 columns of the left operand with 2 rows of the right; they must be equal (transpose an"
                + " operand if its axes are the wrong way round)");
    }

    @Test
    void aRaggedListNamesTheRow() {
        assertOnly("""
                title: t
                inputs:
                  X: [[1, 2, 3],
                      [4, 5]]             # line 4: row 2 at column 7
                graph:
                  loss: sum(X)
                """, 4, 7, "row 2 of input X has 2 numbers, but row 1 has 3: every row of a matrix has the same"
                + " length; add or remove numbers in row 2");
    }

    @Test
    void aLabelOutOfRangeNamesTheClasses() {
        assertOnly("""
                title: t
                inputs:
                  z: [[1, 2, 3], [4, 5, 6]]
                constants:
                  y: [0, 3]
                graph:
                  loss: cross_entropy(z, y)
                """, 7, 9, "z has shape [2, 3] and y has shape [2]: label 3 is not a class: labels are whole numbers"
                + " from 0 to 2 for logits with 3 columns; correct the label under constants");
    }

    @Test
    void labelsMustBeAConstantOfOneLabelPerRow() {
        assertOnly("title: t\ninputs: {x: [1, 2], k: [[1, 2], [3, 4]]}\ngraph:\n  y: cross_entropy(k, x)\n", 4, 6,
                "k has shape [2, 2] and x has shape [2]: cross_entropy's labels must be a constant (declare them"
                        + " under constants), since integer labels are not differentiated");
        assertOnly("title: t\ninputs: {x: [1, 2]}\nconstants: {k: [0, 1]}\ngraph:\n  y: cross_entropy(x, k)\n", 5, 6,
                "x has shape [2] and k has shape [2]: cross_entropy takes logits [N, C] with labels [N] (one label"
                        + " per row), or logits [C] with one label: give it logits and labels of those shapes");
    }

    @Test
    void aNonScalarOutputIsReportedAtOutput() {
        String message = "the output z has shape [2, 2], and it must be a scalar (shape []) for its gradient to start"
                + " at 1: reduce it with sum(...) or mean(...)";
        assertOnly("title: t\ninputs:\n  X: [[1, 2], [3, 4]]\ngraph:\n  z: exp(X)\noutput: z\n", 6, 9, message);
        // without output:, the last entry is the output, and the problem is at its name
        assertOnly("title: t\ninputs:\n  X: [[1, 2], [3, 4]]\ngraph:\n  z: exp(X)\n", 5, 3, message);
    }

    @Test
    void anExpectedGradientOfAnotherShapeSaysWhatToWrite() {
        assertOnly("""
                title: t
                inputs:
                  W: [[1, 2, 3], [4, 5, 6]]
                graph:
                  loss: sum(W)
                expect:
                  value: 21
                  grad: {W: [[1, 1], [1, 1], [1, 1]]}    # line 8, column 13
                """, 8, 13, "the expected gradient of W has shape [3, 2], but W has shape [2, 3]: write 2 rows of 3"
                + " numbers, the same nesting as the input");
    }

    @Test
    void expectationsAndCasesAreCheckedAgainstTheShapesTogether() {
        List<Problem> problems = problems("""
                title: t
                inputs:
                  x: [1, 2]
                constants:
                  k: 2
                graph:
                  y: sum(x * k)
                expect:
                  value: [1, 2]
                  grad: {q: [1, 2], k: 1, x: 3}
                cases:
                  - inputs: {x: [1, 2, 3]}
                """);
        assertEquals(5, problems.size(), problems::toString);
        assertProblem(problems.get(0), 9, 10, "expect value has shape [2], but the output y is a scalar: write one"
                + " number");
        assertProblem(problems.get(1), 10, 10, "expect names 'q', which is not an input (did you mean 'x'?); give"
                + " expected gradients for inputs only (x)");
        assertProblem(problems.get(2), 10, 21, "'k' is a constant, and constants are not differentiated: remove it"
                + " from grad");
        assertProblem(problems.get(3), 10, 30, "the expected gradient of x has shape [], but x has shape [2]: write"
                + " a list of 2 numbers, the same nesting as the input");
        assertProblem(problems.get(4), 12, 17, "input x of case-1 has shape [3], but the input x has shape [2]: write"
                + " a list of 2 numbers, the same nesting as the input");
    }

    @Test
    void independentProblemsOfOneFileAreAllReported() {
        List<Problem> problems = problems("""
                title: t
                inputs:
                  a: [1, 2, 3]
                  b: [[1, 2], [3, 4]]
                graph:
                  c: a + b                # line 6: does not broadcast
                  d: sum(a) + e           # line 7: e is undefined
                  f: sum(c) * 2           # uses c, whose problem is upstream: not reported again
                  g: softmax(d)           # line 9: d is broken, so nothing is said
                  h: mean(b, 2)           # line 10: no axis 2
                  loss: sum(b) + later    # line 11
                  later: sum(a)
                """);
        assertEquals(4, problems.size(), problems::toString);
        assertProblem(problems.get(0), 6, 6, "a has shape [3] and b has shape [2, 2]: shapes [3] and [2, 2] do not"
                + " broadcast: counted from the right, axis 1 has sizes 3 and 2, and sizes must be equal or one of"
                + " them 1; transpose or reshape one operand");
        assertProblem(problems.get(1), 7, 15, "undefined name 'e' (did you mean 'a'?); define it under inputs:, under"
                + " constants: or as a graph entry above this one");
        assertProblem(problems.get(2), 10, 6, "b has shape [2, 2]: axis 2 is out of range for shape [2, 2], which has"
                + " axes 0 to 1: use one of those (or -1 for the last)");
        assertProblem(problems.get(3), 11, 18, "'later' is used before it is defined (it is on line 12): graph entries"
                + " are in order, each using only inputs, constants and entries above it; move 'later' above 'loss'");
    }

    @Test
    void malformedValuesSayWhatToWrite() {
        List<Problem> problems = problems("""
                title: t
                inputs:
                  x: [1, [2]]
                  v: []
                  w: [[1, [2]]]
                  u: [[]]
                  s: {shape: 3, random: {}}
                  t: {shape: [0], random: {}}
                  r: {shape: [2], random: {low: 1, high: 0}}
                  q: {size: 3}
                  c: {shape: [2, 3]}
                  d: {shape: [2, 2, 2], random: {}}
                  e: [1, zwei]
                graph:
                  y: sum(x)
                """);
        List<String> expected = List.of(
                "3:10: element 2 of input x is a list, but element 1 is a number: write a vector as a list of"
                        + " numbers, or a matrix as a list of rows",
                "4:6: input v is an empty list: a tensor has at least one element; write its numbers, such as [1, 2]",
                "5:11: input w is nested more than two lists deep here: a tensor has at most two axes; write a matrix"
                        + " as a list of rows, such as [[1, 2], [3, 4]]",
                "6:7: row 1 of input u is empty: a matrix has at least one column; write its numbers, such as"
                        + " [[1, 2], [3, 4]]",
                "7:14: the shape of input s is '3': write the size of each axis as a list, such as [3, 5] for 3 rows"
                        + " of 5, [5] for a vector or [] for a scalar",
                "8:15: a size in the shape of input t must be between 1 and 16777216, not 0: write a number in that"
                        + " range",
                "9:27: random of input r needs low < high: make low the smaller",
                "10:6: input q is a mapping without shape: write a number, nested lists such as [[1, 2], [3, 4]], or"
                        + " {shape: [3, 5], random: {seed: 4, low: -1, high: 1}}",
                "11:6: input c has a shape but no values: add random: {seed: 0, low: -1, high: 1} to draw them, or"
                        + " write them out as nested lists",
                "12:14: the shape of input d: a tensor has at most 2 axes, and this one would have 3 [2, 2, 2]: use"
                        + " matrices, vectors and scalars",
                "13:10: element 2 of input e must be a finite number, not 'zwei': write a plain number such as 7,"
                        + " -1.5 or 1e-3");
        assertEquals(expected, problems.stream().map(p -> p.at().line() + ":" + p.at().column() + ": "
                + p.message()).toList());
    }

    @Test
    void callsOfTheTensorFunctions() {
        List<Problem> problems = problems("""
                title: t
                inputs:
                  x: [[1, 2], [3, 4]]
                graph:
                  a: sum(x, k)
                  b: cross_entropy(x)
                  c: sum(x @ 2)
                  d: softmax(x, 1)
                  e: sum(x, 0.5)
                  f: softmax(3)
                  g: summ(x)
                """);
        List<String> expected = List.of(
                "5:13: the axis of sum(x, axis) must be a whole number written in place: write 0 for down the rows,"
                        + " 1 (or -1) for along each row",
                "6:6: cross_entropy takes two arguments: write cross_entropy(logits, labels), with the labels"
                        + " declared under constants",
                "7:10: x has shape [2, 2] and 2 has shape []: @ needs vectors or matrices, and the right operand is"
                        + " a scalar: multiply by a scalar with * instead",
                "8:15: softmax takes one argument: remove the others, or compute them in graph entries of their own",
                "9:13: the axis of sum(x, axis) must be a whole number written in place: write 0 for down the rows,"
                        + " 1 (or -1) for along each row",
                "10:6: softmax works along the last axis, and 3 is a scalar: give it a vector or a matrix",
                "11:6: unknown function 'summ' (did you mean 'sum'?); use one of the functions: exp, log, sqrt, sin,"
                        + " cos, tanh, sigmoid, relu, transpose, sum, mean, softmax, log_softmax, cross_entropy");
        assertEquals(expected, problems.stream().map(p -> p.at().line() + ":" + p.at().column() + ": "
                + p.message()).toList());
    }

    @Test
    void namesAreCheckedAcrossInputsConstantsAndEntries() {
        List<Problem> problems = problems("""
                title: t
                inputs: {x: [1, 2], sum: 3}
                constants: {x: 1, k: 2}
                graph:
                  k: x * 2
                  y: y + 1
                  z: k
                  w: sum(x)
                """);
        assertContains(problems.get(0), 2, 21, "'sum' is the name of a function");
        assertContains(problems.get(1), 3, 13, "'x' is an input already; give this constant another name");
        assertContains(problems.get(2), 5, 3, "'k' is a constant already; give this node another name");
        assertContains(problems.get(3), 6, 6, "'y' uses itself");
        assertContains(problems.get(4), 7, 3, "'z: k' only renames 'k'");
        assertEquals(5, problems.size(), problems::toString);
    }

    @Test
    void tooManyElementsInAllIsRefusedBeforeTheyAreDrawn() {
        assertOnly("title: t\ninputs:\n  x: {shape: [4096, 4096], random: {seed: 1}}\ngraph:\n  y: sum(x)\n", 3, 14,
                "the tensors of this spec have more than 10000000 elements in all (inputs, constants, expectations"
                        + " and every point's inputs): make them smaller or use fewer points");
        assertOnly("title: t\ninputs:\n  x: {shape: [1000, 1000], random: {}}\ngraph:\n  y: sum(x)\n"
                + "random: {count: 20}\n", 6, 9, "the tensors of this spec have more than 10000000 elements in all"
                + " (inputs, constants, expectations and every point's inputs): make them smaller or use fewer points");
    }

    @Test
    void aGraphTooCostlyToGradeIsRefusedEvenAtOnePoint() {
        assertOnly("title: t\ninputs:\n  X: {shape: [2000, 2000], random: {}}\ngraph:\n  y: sum(X @ X)\n", 5, 3,
                "1 point on this graph cost 8008000001 element operations (a matmul counts its multiplications),"
                        + " more than the 2000000000 topograd allows for every check of every submission: use fewer"
                        + " points (random: {count: ...}) or smaller tensors");
    }
}
