package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;

/** The grade and check commands' exit codes and what they print, on small classes. */
class GradeAndCheckCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path specs(String... files) throws IOException {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        for (String file : files) {
            Files.copy(Path.of("specs", file), specs.resolve(file));
        }
        return specs;
    }

    @Test
    void aMissingSubmissionsFolderIsAUsageError() {
        Run run = run("grade", "--submissions", dir.resolve("nowhere").toString());
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("no submissions folder at " + dir.resolve("nowhere")), run.err());
    }

    @Test
    void anUnknownStudentIsAUsageError() {
        Run run = run("grade", "--only", "nobody", "--reports", dir.toString());
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("--only nobody: no such folder in submissions"), run.err());
    }

    @Test
    void anInvalidSpecIsReportedAndTheOthersAreStillGraded() throws IOException {
        Path specs = specs("sum-product.yaml");
        Files.writeString(specs.resolve("broken.yaml"), "title: broken\ninputs: {x: 1}\ngraph:\n  y: x +\n");
        Path reports = dir.resolve("reports");
        Run run = run("grade", "--specs", specs.toString(), "--reports", reports.toString(), "--only", "correct");
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.err().contains("broken.yaml:4:"), run.err());
        List<String> summary = Files.readAllLines(reports.resolve("summary.csv"));
        assertEquals("student,score,max_score,percent,status,bugs,sum-product,sandbox", summary.get(0));
        assertTrue(summary.get(1).startsWith("correct,5,5,100,ok,,5,"), summary.get(1));
    }

    @Test
    void anInvalidAssignmentFileStopsGradingBeforeAnythingIsScored() throws IOException {
        Path specs = specs("sum-product.yaml");
        Files.writeString(specs.resolve("assignment.yaml"), "weights: {forwards: 1}\n");
        Path reports = dir.resolve("reports");
        Run run = run("grade", "--specs", specs.toString(), "--reports", reports.toString());
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.err().contains("assignment.yaml:1:11: unknown key 'forwards' in weights (did you mean"
                + " 'forward'?)"), run.err());
        assertFalse(Files.exists(reports.resolve("summary.csv")));
    }

    @Test
    void weightsFromTheAssignmentFileShareThePoints() throws IOException {
        Path specs = specs("sum-product.yaml");
        Files.writeString(specs.resolve("assignment.yaml"), "weights: {traversal: 0, end_to_end: 0, numerical: 0}\n");
        Path reports = dir.resolve("reports");
        Run run = run("grade", "--specs", specs.toString(), "--reports", reports.toString(), "--only",
                "order-not-reversed");
        assertEquals(ExitCodes.OK, run.status(), run.err());
        // The traversal is this submission's only bug, and the course does not grade it.
        List<String> card = Files.readAllLines(reports.resolve("scorecards/order-not-reversed.csv"));
        assertEquals(List.of("spec,case,check,score,max_score,status,message",
                "sum-product,main,forward,1,1,pass,", "sum-product,main,gradient,1.5,1.5,pass,",
                "sum-product,case-1,forward,1,1,pass,", "sum-product,case-1,gradient,1.5,1.5,pass,"), card);
    }

    @Test
    void unchangedSubmissionsAreSkippedUntilSomethingChangesOrForceIsGiven() throws IOException {
        Path specs = specs("sum-product.yaml");
        Path submissions = dir.resolve("submissions");
        Folders.copyTree(Path.of("submissions/correct"), submissions.resolve("ada"));
        Path reports = dir.resolve("reports");
        String[] grade = {"grade", "--specs", specs.toString(), "--submissions", submissions.toString(), "--reports",
            reports.toString()};
        Run first = run(grade);
        assertEquals(ExitCodes.OK, first.status(), first.err());
        assertTrue(first.out().contains("ada "), first.out());
        String card = Files.readString(reports.resolve("scorecards/ada.csv"));

        Run again = run(grade);
        assertTrue(again.out().startsWith("1 unchanged since their scorecards were written; skipped"), again.out());
        assertFalse(again.out().contains("ada "), again.out());
        assertEquals(card, Files.readString(reports.resolve("scorecards/ada.csv")));
        assertTrue(Files.readString(reports.resolve("summary.csv")).contains("\nada,5,5,100,ok"));

        Path source = submissions.resolve("ada/src/backprop/ops/Arithmetic.java");
        Files.writeString(source, Files.readString(source).replace("inputs().get(1).grad -= grad;",
                "inputs().get(1).grad += grad;"));
        Run changed = run(grade);
        assertTrue(changed.out().contains("ada "), "a changed source is regraded: " + changed.out());
        assertTrue(Files.readString(reports.resolve("summary.csv")).contains("\nada,5,5,100,ok"),
                "sum-product has no subtraction, so the sign error costs nothing");

        Files.writeString(specs.resolve("assignment.yaml"), "weights: {numerical: 2}\n");
        assertTrue(run(grade).out().contains("ada "), "changed settings regrade everyone");
        Run forced = run(grade[0], grade[1], grade[2], grade[3], grade[4], grade[5], grade[6], "--force");
        assertTrue(forced.out().contains("ada "), forced.out());
    }

    @Test
    void checkPassesACorrectSubmissionAndNeverNamesAHiddenSpec() {
        Run run = run("check", "submissions/correct", "--no-color");
        assertEquals(ExitCodes.OK, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("7 hidden specs are graded after you submit"), run.out());
        assertTrue(run.out().contains("Total: 65 / 65 (100%)  all checks pass"), run.out());
        for (String hidden : List.of("deep-chain", "logistic-loss", "normalize", "neuron-relu", "Deep chain")) {
            assertFalse(run.out().contains(hidden), hidden);
        }
    }

    @Test
    void checkShowsWhatWasExpectedAndWhatCameOut() {
        Run run = run("check", "submissions/sub-sign-error", "--no-color");
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.out().contains("✗ topological-order"), run.out());
        assertTrue(run.out().contains("main gradient (x = 2)  FAIL: u2.grad is 1, expected -1"), run.out());
        assertFalse(run.out().contains("normalize"), "a hidden spec that the bug also breaks is not mentioned");
    }

    @Test
    void checkReportsACompileErrorWithTheFileAndLine() {
        Run run = run("check", "submissions/compile-error", "--no-color");
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.out().contains("✗ compile: src/backprop/ops/Arithmetic.java:38:86: error: ';' expected"),
                run.out());
    }
}
