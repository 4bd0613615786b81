package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorEngine;
import org.topograd.engine.tensor.TensorValues;
import org.topograd.grading.Assignment;
import org.topograd.grading.Grading;
import org.topograd.grading.TensorAnswers;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.grading.TensorTracer;
import org.topograd.picture.tensor.TensorPicture;
import org.topograd.report.AtomicFiles;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;
import org.topograd.spec.tensor.TensorValue;
import org.topograd.submission.Submission;

/**
 * {@code topograd explain} on a tensor spec: the same steps, files, messages and exit statuses as on
 * a scalar spec ({@link ExplainCommand}), with the tensor reader, engine, tracer and picture. The
 * terminal also lists each named operation with its shape, since shapes are what a tensor graph adds.
 */
final class TensorExplain {
    private TensorExplain() {}

    static int run(ExplainCommand command, PrintWriter stdout, PrintWriter err) throws IOException {
        Path file = command.file;
        TensorSpecResult result = TensorSpecLoader.load(file);
        if (result instanceof TensorSpecResult.Invalid invalid) {
            invalid.problems().forEach(err::println);
            err.println("explain: " + file + " is not a valid spec; fix the problems above");
            return ExitCodes.FINDINGS;
        }
        TensorSpec spec = ((TensorSpecResult.Valid) result).spec();
        TensorGraph graph = spec.graph();
        int caseIndex = command.caseIndex(spec.cases().stream().map(TensorCase::name).toList());
        Assignment assignment = command.assignment(err);
        if (assignment == null) {
            return ExitCodes.FINDINGS;
        }
        TensorCase point = spec.cases().get(caseIndex);
        List<NDArray> inputs = point.inputs().stream().map(TensorValues::toArray).toList();
        TensorEngine.Evaluation reference = TensorEngine.evaluate(graph, inputs);

        TensorTracer.Trace trace = null;
        String who = "";
        if (command.submission != null) {
            Submission theirs = Submission.ofFolder(command.submission);
            who = theirs.id();
            TensorSpecAnswers answers = TensorAnswers.of(0, spec, assignment.numerical());
            try (Grading grading = Grading.prepareTensor(List.of(answers), assignment, Sandboxes.detect(err), 1)) {
                trace = TensorTracer.trace(grading, theirs, answers, caseIndex);
            }
        }
        String shapes = inputs(graph, point);
        String title = spec.title() + " — " + point.name() + " (" + shapes + ")"
                + (trace == null ? "" : "; " + who + ": wanted | got");
        TensorPicture.Student student = trace == null ? null
                : new TensorPicture.Student(trace.values(), trace.grads(), trace.endToEnd());
        TensorPicture.Scene scene = new TensorPicture.Scene(title, graph, reference.order(), reference.values(),
                reference.grads(), student, spec.tolerance());

        Path dotFile = command.dotFile(spec.id(), point.name());
        AtomicFiles.write(dotFile, TensorPicture.dot(scene).getBytes(StandardCharsets.UTF_8));
        stdout.println("explain: " + spec.id() + " at " + point.name() + " (" + shapes + ")");
        for (int node : reference.order()) {
            // The named operations and the output, as solve lists them: the subexpressions are in the picture.
            if (!graph.op(node).isLeaf() && (graph.isNamed(node) || node == graph.output())) {
                stdout.println("  " + TensorPicture.line(graph, node));
            }
        }
        List<String> wrong = TensorPicture.wrong(scene);
        boolean incomplete = trace != null && (trace.values() == null || trace.grads() == null);
        if (trace != null) {
            trace.problems().forEach(p -> stdout.println("  ! " + p));
            if (trace.values() == null && trace.grads() == null && trace.endToEnd() == null) {
                stdout.println("  nothing to compare: its code could not run (see above)");
            } else if (incomplete && wrong.isEmpty()) {
                stdout.println("  no wrong number among those it computed; the rest are missing (see above)");
            } else {
                ExplainCommand.list(stdout, wrong);
            }
        }
        ExplainCommand.render(stdout, dotFile);
        boolean findings = trace != null && (!wrong.isEmpty() || incomplete);
        return findings ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The inputs by their shapes: {@code X [2, 3], W [3, 5], b [5]} (their numbers are in the picture). */
    private static String inputs(TensorGraph graph, TensorCase point) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < graph.inputCount(); k++) {
            TensorValue v = point.input(k);
            parts.add(graph.inputNames().get(k) + " " + v.shape());
        }
        return String.join(", ", parts);
    }
}
