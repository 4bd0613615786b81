package org.topograd.spec.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.topograd.spec.Problem;

/** Reading tensor specs in tests: valid ones, and the problems of broken ones at their places. */
final class TensorSpecs {
    static final Path FILE = Path.of("specs", "t.yaml");

    /** The example, with its expected value and without the placeholder gradients. */
    static final String AFFINE = """
            title: Affine layer with softmax cross-entropy
            inputs:
              X: [[-1.17, 1.48, 1.27], [1.1, 0.48, -0.58]]        # nested lists: a 2x3 matrix; [1, 2] a vector
              W: {shape: [3, 5], random: {seed: 4, low: -1, high: 1}}
              b: [-0.97, 0.92, -0.44, 0.19, 0.93]
            constants:                                             # not differentiated; integer labels for the loss
              y: [0, 4]
            graph:
              z: X @ W + b                                         # @ is matmul (numpy rules for 1-D and 2-D)
              loss: cross_entropy(z, y)                            # mean over rows of -log_softmax(z)[i, y[i]]
            output: loss                                           # a scalar
            expect:
              value: 2.73
            """;

    private TensorSpecs() {}

    static TensorSpec valid(String text) {
        TensorSpecResult result = TensorSpecLoader.parse(FILE, text);
        if (result instanceof TensorSpecResult.Invalid invalid) {
            fail("expected a valid spec, got " + invalid.problems() + " for\n" + text);
        }
        return ((TensorSpecResult.Valid) result).spec();
    }

    static List<Problem> problems(String text) {
        TensorSpecResult result = TensorSpecLoader.parse(FILE, text);
        if (result instanceof TensorSpecResult.Valid) {
            fail("expected problems, but the spec is valid:\n" + text);
        }
        return ((TensorSpecResult.Invalid) result).problems();
    }

    /** Exactly one problem, at {@code line:column}, with exactly this message. */
    static void assertOnly(String text, int line, int column, String message) {
        List<Problem> problems = problems(text);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertProblem(problems.get(0), line, column, message);
    }

    static void assertProblem(Problem problem, int line, int column, String message) {
        String at = FILE + ":" + line + ":" + column;
        assertEquals(at + ": " + message, problem.toString());
    }

    static void assertContains(Problem problem, int line, int column, String... words) {
        assertEquals(FILE + ":" + line + ":" + column, problem.at().toString(), problem::toString);
        for (String word : words) {
            assertTrue(problem.message().contains(word), () -> "'" + word + "' missing from: " + problem.message());
        }
    }
}
