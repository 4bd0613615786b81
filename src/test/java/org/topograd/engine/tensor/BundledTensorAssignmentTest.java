package org.topograd.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.api.tensor.NDArray;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;

/**
 * The bundled tensor assignment (tensors/specs and tensors/submissions) against the reference
 * engine, without the grading pipeline: every spec holds, the correct submission compiles and
 * agrees with the engine on every point of every spec, and each broken submission, one classic
 * mistake each, compiles and disagrees somewhere.
 */
class BundledTensorAssignmentTest {
    static final Path SPECS = Path.of("tensors", "specs");
    static final Path SUBMISSIONS = Path.of("tensors", "submissions");
    /**
     * Each broken submission, and the spec whose main point shows its mistake as wrong numbers or a
     * wrong shape rather than an exception (square matrices hide a missing transpose from a shape check).
     */
    static final Map<String, String> BROKEN = new TreeMap<>(Map.of(
            "matmul-no-transpose", "square-matmul",
            "broadcast-not-summed", "broadcasting",
            "sum-axis-wrong-axis", "square-matmul",
            "softmax-missing-outer", "reductions",
            "cross-entropy-not-averaged", "affine-cross-entropy",
            "assign-instead-of-accumulate", "broadcasting"));

    @TempDir
    Path dir;

    static List<TensorSpec> specs() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SPECS)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<TensorSpec> specs = new ArrayList<>();
        for (Path file : files) {
            assertTrue(TensorSpecLoader.isTensorSpec(file), file + " is not read as a tensor spec");
            TensorSpecResult result = TensorSpecLoader.load(file);
            assertTrue(result instanceof TensorSpecResult.Valid, () -> file + ": " + result);
            specs.add(((TensorSpecResult.Valid) result).spec());
        }
        return specs;
    }

    @Test
    void everyBundledSpecHoldsWithoutWarningsAndExpectsAtItsMainPoint() throws IOException {
        List<TensorSpec> specs = specs();
        assertEquals(7, specs.size());
        for (TensorSpec spec : specs) {
            TensorSpecValidator.Validated v = TensorSpecValidator.validate(spec.file());
            assertEquals(List.of(), v.problems(), spec.file().toString());
            assertEquals(List.of(), v.warnings(), spec.file().toString());
            assertTrue(spec.cases().get(0).expected().isPresent(), spec.file() + " has no expect");
        }
    }

    /** Every op of the language is used by some bundled spec, so that every student class is exercised. */
    @Test
    void theSpecsUseEveryOp() throws IOException {
        java.util.Set<org.topograd.spec.tensor.TensorOp> used = java.util.EnumSet.noneOf(
                org.topograd.spec.tensor.TensorOp.class);
        for (TensorSpec spec : specs()) {
            for (int node = 0; node < spec.graph().size(); node++) {
                used.add(spec.graph().op(node));
            }
        }
        assertTrue(used.containsAll(org.topograd.spec.tensor.TensorOp.operations()),
                () -> "unused: " + org.topograd.spec.tensor.TensorOp.operations().stream()
                        .filter(op -> !used.contains(op)).toList());
    }

    @Test
    void theCorrectSubmissionAgreesWithTheEngineEverywhere() throws Exception {
        StudentTensors student = StudentTensors.compile(SUBMISSIONS.resolve("correct"), dir);
        assertTrue(student.complete(), "the correct submission implements every op");
        for (TensorSpec spec : specs()) {
            for (TensorCase point : spec.cases()) {
                assertEquals(Optional.empty(), disagreement(student, spec, point));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenSubmissionCompilesAndDisagreesSomewhere() {
        return BROKEN.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path submission = SUBMISSIONS.resolve(name);
            assertTrue(Files.isDirectory(submission), submission + " is missing");
            StudentTensors student = StudentTensors.compile(submission, Files.createDirectories(dir.resolve(name)));
            assertTrue(student.complete(), name + " implements every op");
            List<String> found = new ArrayList<>();
            for (TensorSpec spec : specs()) {
                for (TensorCase point : spec.cases()) {
                    disagreement(student, spec, point).ifPresent(found::add);
                }
            }
            String shown = BROKEN.get(name) + " at main: ";
            assertTrue(found.stream().anyMatch(f -> f.startsWith(shown) && !f.contains(" threw ")),
                    () -> name + " should give wrong numbers or shapes in " + shown + "but found " + found);
        }));
    }

    /** Where the student's values or input gradients differ from the engine's, beyond the spec's tolerance. */
    static Optional<String> disagreement(StudentTensors student, TensorSpec spec, TensorCase point) {
        TensorGraph graph = spec.graph();
        List<NDArray> inputs = point.inputs().stream().map(TensorValues::toArray).toList();
        TensorEngine.Evaluation e = TensorEngine.evaluate(graph, inputs);
        String where = spec.id() + " at " + point.name() + ": ";
        StudentTensors.Run run;
        try {
            run = student.run(graph, inputs);
        } catch (ReflectiveOperationException | RuntimeException ex) {
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            return Optional.of(where + "threw " + cause);
        }
        for (int node : e.order()) {
            Optional<String> d = differ(spec.tolerance(), e.values()[node], run.values()[node]);
            if (d.isPresent()) {
                return Optional.of(where + "value of " + graph.label(node) + " " + d.get());
            }
        }
        for (int k = 0; k < graph.inputCount(); k++) {
            Optional<String> d = differ(spec.tolerance(), e.inputGrad(graph, k), run.grads()[graph.inputNode(k)]);
            if (d.isPresent()) {
                return Optional.of(where + graph.inputNames().get(k) + ".grad " + d.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> differ(Tolerance tolerance, NDArray want, NDArray got) {
        if (got == null || !got.hasShape(want.shape())) {
            return Optional.of("has shape " + (got == null ? "null" : java.util.Arrays.toString(got.shape()))
                    + ", expected " + java.util.Arrays.toString(want.shape()));
        }
        for (int i = 0; i < want.size(); i++) {
            if (!tolerance.accepts(got.at(i), want.at(i))) {
                return Optional.of("element " + i + " is " + got.at(i) + ", expected " + want.at(i));
            }
        }
        return Optional.empty();
    }
}
