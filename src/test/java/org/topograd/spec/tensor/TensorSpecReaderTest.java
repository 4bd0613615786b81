package org.topograd.spec.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topograd.spec.tensor.TensorSpecs.AFFINE;
import static org.topograd.spec.tensor.TensorSpecs.valid;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topograd.spec.Case;

/** What a valid tensor spec reads to: shapes, values, points and expectations. */
class TensorSpecReaderTest {
    private static Shape shapeOf(TensorSpec spec, String name) {
        return spec.graph().shape(spec.graph().node(name).orElseThrow());
    }

    @Test
    void theIssuesExampleHasTheShapesOfAnAffineLayer() {
        TensorSpec spec = valid(AFFINE);
        assertEquals(Shape.of(2, 3), shapeOf(spec, "X"));
        assertEquals(Shape.of(3, 5), shapeOf(spec, "W"));
        assertEquals(Shape.of(5), shapeOf(spec, "b"));
        assertEquals(Shape.of(2), shapeOf(spec, "y"));
        assertEquals(Shape.of(2, 5), shapeOf(spec, "z"));
        assertEquals(Shape.SCALAR, shapeOf(spec, "loss"));
        TensorGraph graph = spec.graph();
        assertEquals(List.of("X", "W", "b"), graph.inputNames());
        assertEquals(List.of("y"), spec.constants());
        assertEquals(TensorOp.CROSS_ENTROPY, graph.op(graph.output()));
        assertArrayEquals(new double[] {0, 4}, graph.constant(graph.node("y").orElseThrow()));
        int z = graph.node("z").orElseThrow();
        assertEquals(TensorOp.ADD, graph.op(z));
        assertEquals(TensorOp.MATMUL, graph.op(graph.first(z)));
        assertEquals("X @ W", graph.label(graph.first(z)));

        TensorCase main = spec.cases().get(0);
        assertEquals("main", main.name());
        assertArrayEquals(new double[] {-1.17, 1.48, 1.27, 1.1, 0.48, -0.58}, main.input(0).elements());
        assertEquals(Shape.of(3, 5), main.input(1).shape());
        assertEquals(2.73, main.expected().orElseThrow().value().orElseThrow().value().element(0));
        assertEquals("specs/t.yaml:13:10", main.expected().orElseThrow().value().orElseThrow().at().toString());
        assertEquals("specs/t.yaml:9:3", spec.place("z").toString());
        assertEquals("specs/t.yaml:7:3", spec.place("y").toString());
    }

    @Test
    void randomValuesAreDrawnRowMajorBySplittableRandomFromTheSeed() {
        TensorValue w = valid(AFFINE).cases().get(0).input(1);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 15; i++) {
            assertEquals(-1 + 2 * random.nextDouble(), w.element(i), "element " + i);
        }
        assertEquals(w, valid(AFFINE).cases().get(0).input(1), "the same text draws the same values");
        TensorValue other = valid(AFFINE.replace("seed: 4", "seed: 5")).cases().get(0).input(1);
        assertNotEquals(w, other, "another seed draws other values");
    }

    @Test
    void aRandomPointRedrawsEveryInputTensorInInputOrder() {
        TensorSpec spec = valid(AFFINE + "random: {count: 2, seed: 9, low: -3, high: 3}\n");
        assertEquals(3, spec.cases().size());
        TensorCase first = spec.cases().get(1);
        assertEquals("random-1", first.name());
        assertEquals(Case.Kind.RANDOM, first.kind());
        SplittableRandom random = new SplittableRandom(9);
        for (int point = 1; point <= 2; point++) {
            for (TensorValue input : spec.cases().get(point).inputs()) {
                for (int i = 0; i < input.size(); i++) {
                    assertEquals(-3 + 6 * random.nextDouble(), input.element(i));
                }
            }
        }
        assertEquals(List.of(Shape.of(2, 3), Shape.of(3, 5), Shape.of(5)),
                first.inputs().stream().map(TensorValue::shape).toList());
        assertEquals(spec.cases(), valid(AFFINE + "random: {count: 2, seed: 9, low: -3, high: 3}\n").cases());
    }

    @Test
    void aListedCaseReplacesTheInputsItNamesAndKeepsTheOthers() {
        TensorSpec spec = valid(AFFINE + """
                cases:
                  - inputs: {b: [1, 2, 3, 4, 5]}
                    expect: {value: 1.5, grad: {b: [0.1, 0.2, 0.3, 0.4, 0.5]}}
                """);
        TensorCase listed = spec.cases().get(1);
        assertEquals("case-1", listed.name());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, listed.input(2).elements());
        assertEquals(spec.cases().get(0).input(0), listed.input(0));
        TensorClaim grad = listed.expected().orElseThrow().grad("b").orElseThrow();
        assertEquals(Shape.of(5), grad.value().shape());
        assertEquals("specs/t.yaml:16:36", grad.at().toString());
    }

    @Test
    void expectedGradientsHaveTheNestingOfTheirInputs() {
        TensorSpec spec = valid("""
                title: t
                inputs:
                  A: [[1, 2], [3, 4]]
                  v: [1, -1]
                  s: 2
                graph:
                  y: sum(A @ v * s)
                expect:
                  value: 0
                  grad: {A: [[2, -2], [2, -2]], v: [8, 12], s: -2}
                """);
        var expected = spec.cases().get(0).expected().orElseThrow();
        assertEquals(Shape.of(2, 2), expected.grad("A").orElseThrow().value().shape());
        assertEquals(Shape.of(2), expected.grad("v").orElseThrow().value().shape());
        assertEquals(Shape.SCALAR, expected.grad("s").orElseThrow().value().shape());
        assertEquals("[[2, -2], [2, -2]]", expected.grad("A").orElseThrow().value().toText());
    }

    /** numpy's broadcasting, and matmul's rules for 1-D and 2-D operands. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2, 3]             | [[1, 2, 3], [4, 5, 6]] | a + b     | [2, 3]",
        "[[1], [2]]            | [[1, 2, 3], [4, 5, 6]] | a * b     | [2, 3]",
        "[[1, 2, 3], [4, 5, 6]]| [[1], [2]]             | a - b     | [2, 3]",
        "[[1], [2]]            | [1, 2, 3]              | a / b     | [2, 3]",
        "2                     | [[1, 2, 3], [4, 5, 6]] | a * b     | [2, 3]",
        "[1, 2]                | [[1, 2, 3], [4, 5, 6]] | a @ b     | [3]",
        "[[1, 2, 3], [4, 5, 6]]| [1, 2, 3]              | a @ b     | [2]",
        "[1, 2, 3]             | [4, 5, 6]              | a @ b     | []",
        "[[1, 2, 3], [4, 5, 6]]| [[1], [2], [3]]        | a @ b     | [2, 1]",
        "[[1, 2, 3], [4, 5, 6]]| [[1, 2, 3], [4, 5, 6]] | a @ transpose(b) | [2, 2]",
        "[[1, 2, 3], [4, 5, 6]]| 1                      | sum(a, 0) * b | [3]",
        "[[1, 2, 3], [4, 5, 6]]| 1                      | mean(a, -1) + b | [2]",
        "[[1, 2, 3], [4, 5, 6]]| 1                      | log_softmax(a) ^ 2 - b | [2, 3]",
        "[[1, 2, 3], [4, 5, 6]]| [1, 1, 1]              | relu(-a) + sigmoid(b) | [2, 3]",
    })
    void shapesAreInferred(String a, String b, String expression, String shape) {
        TensorSpec spec = valid("title: t\ninputs:\n  a: " + a + "\n  b: " + b + "\ngraph:\n  z: " + expression
                + "\n  loss: sum(z)\n");
        assertEquals(shape, shapeOf(spec, "z").toString());
    }

    @Test
    void atBindsLikeTimesAndLeftToRight() {
        TensorGraph graph = valid("""
                title: t
                inputs: {A: [[1, 2], [3, 4]], B: [[1, 0], [0, 1]], c: [1, 2]}
                graph:
                  y: sum(A @ B * 2 + c)
                """).graph();
        List<String> labels = new java.util.ArrayList<>();
        for (int node = 0; node < graph.size(); node++) {
            labels.add(graph.label(node));
        }
        assertEquals(List.of("A", "B", "c", "A @ B", "2", "A @ B * 2", "A @ B * 2 + c", "y"), labels);
    }

    @Test
    void aScalarSpecIsNotATensorSpec() {
        assertFalse(TensorSpecLoader.isTensorSpec("title: t\ninputs: {a: 1, b: 2}\ngraph:\n  y: a * b\n"));
        assertFalse(TensorSpecLoader.isTensorSpec("title: t\ninputs: {a: 1\n"));
        assertFalse(TensorSpecLoader.isTensorSpec("- just a list\n"));
        assertTrue(TensorSpecLoader.isTensorSpec(AFFINE));
        assertTrue(TensorSpecLoader.isTensorSpec("title: t\ninputs: {a: 1}\nconstants: {k: 2}\n"));
        assertTrue(TensorSpecLoader.isTensorSpec("title: t\ninputs: {a: [1, 2]}\n"));
        assertTrue(TensorSpecLoader.isTensorSpec("title: t\ninputs: {a: {shape: [2]}}\n"));
    }

    /** The scalar specs topograd bundles stay scalar specs: the tensor language takes none of them. */
    @Test
    void noBundledScalarSpecIsATensorSpec() throws java.io.IOException {
        List<java.nio.file.Path> files = org.topograd.spec.SpecLoader.list(java.nio.file.Path.of("specs"));
        assertFalse(files.isEmpty());
        for (java.nio.file.Path file : files) {
            assertFalse(TensorSpecLoader.isTensorSpec(file), file::toString);
        }
    }

    @Test
    void aScalarInputIsAZeroDimensionalTensor() {
        TensorSpec spec = valid("title: t\ninputs: {x: 3, v: [1, 2]}\ngraph:\n  y: sum(exp(v * x))\n");
        assertEquals(TensorValue.scalar(3), spec.cases().get(0).input(0));
        assertEquals(Shape.SCALAR, shapeOf(spec, "y"));
    }
}
