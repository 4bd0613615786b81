package org.topograd.spec.tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.topograd.spec.ExpectWriter;

/**
 * Fills in or updates the {@code expect} blocks of a tensor spec's text, as {@code solve --write}
 * needs: the output's value as a number and every input's gradient in the input's own nesting
 * ({@code [[0.1, 0.2], [0.3, 0.4]]}). Everything else stays byte for byte; the text edits are
 * {@link ExpectWriter}'s, which tensors share with scalars.
 */
public final class TensorExpectWriter {
    private TensorExpectWriter() {}

    /**
     * What {@code expect} should say at one point.
     *
     * @param value the output's value, a scalar
     * @param grads the gradient of every input, in input order, each of its input's shape
     */
    public record Answer(TensorValue value, List<TensorValue> grads) {
        public Answer {
            grads = List.copyOf(grads);
        }
    }

    /**
     * The spec text with {@code expect} filled in at the top level and in every listed case.
     *
     * @param answers by case name: {@code main}, {@code case-1}, ...; others (random points) are ignored
     * @throws IllegalArgumentException if the text is not a spec's mapping, an answer is missing, the
     *     value is not a scalar, or an element is not finite (a spec cannot expect NaN)
     */
    public static String write(String text, List<String> inputNames, Map<String, Answer> answers) {
        // Written when asked for: the answers of points without expect (random ones) may be NaN.
        return ExpectWriter.writeText(text, inputNames, name -> {
            Answer answer = answers.get(name);
            if (answer == null) {
                return null;
            }
            if (!answer.value().shape().isScalar()) {
                throw new IllegalArgumentException("the value of " + name + " has shape " + answer.value().shape()
                        + "; a spec's output is a scalar");
            }
            List<String> grads = new ArrayList<>();
            answer.grads().forEach(g -> grads.add(finite(g, name)));
            return new ExpectWriter.Written(finite(answer.value(), name), grads);
        });
    }

    /**
     * Rewrites a tensor spec file in place, atomically; the new text must still read as a valid
     * tensor spec, or nothing is written.
     *
     * @return whether the file changed
     */
    public static boolean rewrite(Path file, List<String> inputNames, Map<String, Answer> answers) throws IOException {
        return ExpectWriter.rewrite(file, old -> write(old, inputNames, answers), text ->
                TensorSpecLoader.parse(file, text) instanceof TensorSpecResult.Invalid invalid
                        ? invalid.problems() : List.of());
    }

    private static String finite(TensorValue value, String name) {
        for (int i = 0; i < value.size(); i++) {
            if (!Double.isFinite(value.element(i))) {
                throw new IllegalArgumentException("cannot expect " + value.toText() + " at " + name
                        + ": the spec is ill-posed there");
            }
        }
        return value.toText();
    }
}
