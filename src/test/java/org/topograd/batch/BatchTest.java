package org.topograd.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.grading.Assignment;
import org.topograd.grading.AssignmentReader;
import org.topograd.grading.SubmissionResult;
import org.topograd.report.ReportFolder;
import org.topograd.sandbox.Launcher;
import org.topograd.sandbox.SandboxLevel;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.submission.Submission;

/** Grading a class into a reports folder without picocli: what a plan says, and a run and a rerun. */
class BatchTest {
    private static final Submission ADA = new Submission("ada", Path.of("submissions/ada"));

    @Test
    void aPlanSaysHowManyItSkips() {
        Batch.Plan plan = new Batch.Plan(List.of(ADA), Map.of("ada", "k"), 3, false);
        assertEquals(List.of("3 unchanged since their scorecards were written; skipped (grade --force regrades them)"),
                plan.notices());
    }

    @Test
    void aPlanInThePlainSandboxSaysWhyItSkipsNone() {
        Batch.Plan plan = new Batch.Plan(List.of(ADA), Map.of("ada", "k"), 0, true);
        assertEquals(List.of("plain sandbox: every submission is graded again, since student code could have written"
                + " the reports that skipping one would trust"), plan.notices());
        assertEquals(List.of(), new Batch.Plan(List.of(), Map.of(), 0, true).notices(), "nothing to grade: no notice");
        assertEquals(List.of(), new Batch.Plan(List.of(ADA), Map.of("ada", "k"), 0, false).notices());
    }

    /** The listener hears the plan, then each result; a second run skips what is unchanged (bar the plain sandbox). */
    @Test
    void aRunGradesRecordsAndSummarisesAndARerunSkipsTheUnchanged(@TempDir Path reports) throws IOException {
        Path specsDir = Path.of("specs");
        Spec square = ((SpecResult.Valid) SpecLoader.load(specsDir.resolve("square.yaml"))).spec();
        Assignment assignment = ((AssignmentReader.Result.Valid) AssignmentReader.load(specsDir)).assignment();
        Launcher launcher = Launcher.detect();
        Batch batch = new Batch(new ReportFolder(reports), specsDir, List.of(square), assignment, launcher);
        List<Submission> chosen = List.of(new Submission("compile-error", Path.of("submissions/compile-error")),
                new Submission("correct", Path.of("submissions/correct")));
        List<String> everyone = List.of("compile-error", "correct");

        List<String> heard = new ArrayList<>();
        Batch.Graded graded = batch.run(chosen, everyone, false, 1, listener(heard));
        assertEquals("plan 2", heard.get(0));
        assertEquals(List.of("compile-error", "correct"), heard.subList(1, heard.size()).stream().sorted().toList());
        assertEquals(2, graded.results().size());
        assertEquals(2, graded.summarised());
        assertEquals(List.of(), graded.unreadable());
        assertTrue(Files.readString(reports.resolve("summary.csv")).contains("\ncorrect,"));
        assertTrue(Files.isRegularFile(reports.resolve("scorecards/compile-error.csv")));

        List<String> again = new ArrayList<>();
        Batch.Graded rerun = batch.run(chosen, everyone, false, 1, listener(again));
        boolean plain = launcher.level() == SandboxLevel.PLAIN;
        assertEquals(plain ? "plan 2" : "plan 0", again.get(0));
        assertEquals(plain ? 2 : 0, rerun.results().size());
        assertEquals(2, rerun.summarised(), "the summary still has everyone");
    }

    private static Batch.Listener listener(List<String> heard) {
        return new Batch.Listener() {
            @Override
            public void planned(Batch.Plan plan) {
                heard.add("plan " + plan.toGrade().size());
            }

            @Override
            public void graded(SubmissionResult result) {
                heard.add(result.student());
            }
        };
    }
}
