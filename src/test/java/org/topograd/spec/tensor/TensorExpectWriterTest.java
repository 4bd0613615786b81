package org.topograd.spec.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorExpectWriterTest {
    private static final List<String> INPUTS = List.of("A", "v", "s");

    private static final String SPEC = """
            # a tensor spec
            title: t
            inputs:
              A: [[1, 2], [3, 4]]   # a matrix
              v: [1, -1]
              s: 2
            graph:
              y: sum(A @ v * s)
            output: y   # the output
            # cases follow
            cases:
              - inputs: {v: [0.5, 0.25]}
              - inputs: {s: 3}
                expect: {value: 9, grad: {A: [1, 2]}}
            random: {count: 2}
            """;

    private static TensorValue matrix(double a, double b, double c, double d) {
        return new TensorValue(Shape.of(2, 2), new double[] {a, b, c, d});
    }

    private static TensorValue vector(double a, double b) {
        return new TensorValue(Shape.of(2), new double[] {a, b});
    }

    private static Map<String, TensorExpectWriter.Answer> answers() {
        Map<String, TensorExpectWriter.Answer> answers = new LinkedHashMap<>();
        answers.put("main", new TensorExpectWriter.Answer(TensorValue.scalar(-4),
                List.of(matrix(2, -2, 2, -2), vector(8, 12), TensorValue.scalar(-2))));
        answers.put("case-1", new TensorExpectWriter.Answer(TensorValue.scalar(5.5),
                List.of(matrix(1, 0.5, 1, 0.5), vector(8, 12), TensorValue.scalar(2.75))));
        answers.put("case-2", new TensorExpectWriter.Answer(TensorValue.scalar(-6),
                List.of(matrix(3, -3, 3, -3), vector(12, 18), TensorValue.scalar(-2))));
        answers.put("random-1", new TensorExpectWriter.Answer(TensorValue.scalar(Double.NaN), List.of()));
        return answers;
    }

    @Test
    void writesNestedListsInTheInputsNestingAndKeepsTheRestByteForByte() {
        String written = TensorExpectWriter.write(SPEC, INPUTS, answers());
        assertEquals("""
                # a tensor spec
                title: t
                inputs:
                  A: [[1, 2], [3, 4]]   # a matrix
                  v: [1, -1]
                  s: 2
                graph:
                  y: sum(A @ v * s)
                output: y   # the output
                expect:
                  value: -4
                  grad: {A: [[2, -2], [2, -2]], v: [8, 12], s: -2}
                # cases follow
                cases:
                  - inputs: {v: [0.5, 0.25]}
                    expect: {value: 5.5, grad: {A: [[1, 0.5], [1, 0.5]], v: [8, 12], s: 2.75}}
                  - inputs: {s: 3}
                    expect: {value: -6, grad: {A: [[3, -3], [3, -3]], v: [12, 18], s: -2}}
                random: {count: 2}
                """, written);
        assertEquals(written, TensorExpectWriter.write(written, INPUTS, answers()), "writing twice changes nothing");
    }

    @Test
    void whatItWritesReadsBackToTheAnswers() {
        TensorSpec spec = TensorSpecs.valid(TensorExpectWriter.write(SPEC, INPUTS, answers()));
        for (TensorCase c : spec.cases().subList(0, 3)) {
            TensorExpectWriter.Answer want = answers().get(c.name());
            TensorExpected expected = c.expected().orElseThrow();
            assertEquals(want.value(), expected.value().orElseThrow().value(), c.name());
            for (int k = 0; k < INPUTS.size(); k++) {
                assertEquals(want.grads().get(k), expected.grad(INPUTS.get(k)).orElseThrow().value(), c.name());
            }
        }
    }

    @Test
    void replacesABlockListWhereItStands() {
        String text = "title: t\ninputs:\n  A: [[1, 2], [3, 4]]\n  v: [1, -1]\n  s: 2\ngraph:\n  y: sum(A @ v * s)\n"
                + "expect:\n  value: 0\n  grad:\n    A:\n      - [0, 0]\n      - [0, 0]   # rows\n    v: [0, 0]\n";
        String written = TensorExpectWriter.write(text, INPUTS, Map.of("main", answers().get("main")));
        assertEquals("title: t\ninputs:\n  A: [[1, 2], [3, 4]]\n  v: [1, -1]\n  s: 2\ngraph:\n  y: sum(A @ v * s)\n"
                + "expect:\n  value: -4\n  grad:\n    A:\n      [[2, -2], [2, -2]]   # rows\n    v: [8, 12]\n"
                + "    s: -2\n",
                written);
        TensorSpecs.valid(written);
    }

    @Test
    void refusesWhatASpecCannotExpect() {
        Map<String, TensorExpectWriter.Answer> nan = new LinkedHashMap<>(answers());
        nan.put("main", new TensorExpectWriter.Answer(TensorValue.scalar(1),
                List.of(matrix(1, Double.NaN, 1, 1), vector(1, 1), TensorValue.scalar(1))));
        assertThrows(IllegalArgumentException.class, () -> TensorExpectWriter.write(SPEC, INPUTS, nan));
        Map<String, TensorExpectWriter.Answer> notScalar = new LinkedHashMap<>(answers());
        notScalar.put("main", new TensorExpectWriter.Answer(vector(1, 2), answers().get("main").grads()));
        assertThrows(IllegalArgumentException.class, () -> TensorExpectWriter.write(SPEC, INPUTS, notScalar));
    }

    @Test
    void rewritesTheFileOnlyWhenSomethingChanges(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, SPEC);
        assertTrue(TensorExpectWriter.rewrite(file, INPUTS, answers()));
        assertEquals(TensorExpectWriter.write(SPEC, INPUTS, answers()), Files.readString(file));
        assertFalse(TensorExpectWriter.rewrite(file, INPUTS, answers()));
        assertTrue(TensorSpecLoader.load(file) instanceof TensorSpecResult.Valid);
    }
}
