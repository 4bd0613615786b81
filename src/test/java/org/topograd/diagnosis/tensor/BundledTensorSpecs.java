package org.topograd.diagnosis.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.topograd.grading.TensorAnswers;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;

/** The bundled tensor specs ({@code tensors/specs}) with their reference answers, read once for the tests. */
public final class BundledTensorSpecs {
    public static final Path FOLDER = Path.of("tensors/specs");

    private static List<TensorSpecAnswers> answers;

    private BundledTensorSpecs() {}

    /** Every bundled spec's answers, in file order, as {@code grade} prepares them. */
    public static synchronized List<TensorSpecAnswers> answers() {
        if (answers == null) {
            List<TensorSpec> specs = new ArrayList<>();
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    specs.add(((TensorSpecResult.Valid) TensorSpecLoader.load(file)).spec());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            answers = TensorAnswers.of(specs, NumericalGradient.Settings.DEFAULT);
        }
        return answers;
    }

    /** One bundled spec's answers, by id ({@code square-matmul}). */
    public static TensorSpecAnswers spec(String id) {
        return answers().stream().filter(s -> s.spec().id().equals(id)).findFirst().orElseThrow();
    }
}
