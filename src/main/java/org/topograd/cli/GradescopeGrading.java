package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.topograd.grading.Assignment;
import org.topograd.diagnosis.MutantDiagnostician;
import org.topograd.grading.Grading;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SubmissionResult;
import org.topograd.grading.TensorAnswers;
import org.topograd.report.AtomicFiles;
import org.topograd.report.GradescopeResults;
import org.topograd.report.Progress;
import org.topograd.sandbox.Launcher;
import org.topograd.spec.SpecHeading;
import org.topograd.submission.Submission;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code grade --format gradescope}: one submission against every spec, into Gradescope's
 * {@code results.json}. What goes to standard output and error lands in Gradescope's
 * "Autograder Output", which only instructors see: the score line, the sandbox, and what the
 * student's code printed.
 */
final class GradescopeGrading {
    private GradescopeGrading() {}

    static int run(CommandLine cli, Path specs, Path submissionDir, Path results) throws IOException {
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        long start = System.nanoTime();
        if (!Files.isDirectory(submissionDir)) {
            throw new ParameterException(cli, "no submission folder at " + submissionDir + ": give one with"
                    + " --submission");
        }
        SpecFiles.Loaded loaded = SpecFiles.loadEither(cli, specs, err, ReferenceAnswers.SOURCE);
        if (!loaded.gradable(specs, err)) {
            return ExitCodes.FINDINGS;
        }
        Launcher launcher = Sandboxes.detect(err);
        Submission submission = Submission.ofFolder(submissionDir);
        Assignment assignment = loaded.assignment();
        SubmissionResult result;
        // A scalar assignment or a tensor one (one of the two lists is empty): the same results either way.
        try (Grading grading = loaded.tensorSpecs().isEmpty()
                ? Grading.prepare(ReferenceAnswers.of(loaded.specs(), assignment.numerical()), assignment, launcher,
                        new MutantDiagnostician())
                : Grading.prepareTensor(TensorAnswers.of(loaded.tensorSpecs(), assignment.numerical()), assignment,
                        launcher, new MutantDiagnostician(), 1)) {
            result = grading.grade(List.of(submission), 1, r -> { }).get(0);
        }
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        List<SpecHeading> graded = new ArrayList<>(loaded.specs());
        graded.addAll(loaded.tensorSpecs());
        String json = GradescopeResults.render(result, graded, assignment.gradescope(), seconds);
        AtomicFiles.write(results, json.getBytes(StandardCharsets.UTF_8));
        out.println(Progress.line(result, result.student().length()));
        out.println("sandbox:    " + result.sandbox().reportName());
        out.println("results:    " + results);
        if (!result.output().isEmpty()) {
            out.println("--- output of the submission's code ---");
            out.print(result.output());
            if (!result.output().endsWith("\n")) {
                out.println();
            }
        }
        return loaded.invalid() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
