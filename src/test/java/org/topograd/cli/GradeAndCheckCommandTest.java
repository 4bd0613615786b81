package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.topograd.Folders;
import org.topograd.sandbox.Launcher;
import org.topograd.sandbox.SandboxLevel;

/** The grade and check commands' exit codes and what they print, on small classes. */
// Each test grades its own small class in its own folder; together they overlap their workers' waits.
@Execution(ExecutionMode.CONCURRENT)
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
        // Specs that once ended the whole run: every entry refused, a NUL, a byte that is not UTF-8.
        Files.writeString(specs.resolve("refused.yaml"), "title: t\ninputs: {a: 1}\ngraph:\n  2x: a\n  a: a * 2\n");
        Files.write(specs.resolve("nul.yaml"), "title: t\u0000\ninputs: {a: 1}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(specs.resolve("latin1.yaml"), "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path reports = dir.resolve("reports");
        Run run = run("grade", "--specs", specs.toString(), "--reports", reports.toString(), "--only", "correct");
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.err().contains("broken.yaml:4:"), run.err());
        assertTrue(run.err().contains("refused.yaml:4:3: '2x' cannot name a graph node"), run.err());
        assertTrue(run.err().contains("nul.yaml:1:9: a NUL character"), run.err());
        assertTrue(run.err().contains("latin1.yaml:1:11: byte 0xE9"), run.err());
        assertTrue(run.err().contains("4 spec(s) are invalid and were left out"), run.err());
        List<String> summary = Files.readAllLines(reports.resolve("summary.csv"));
        assertEquals("student,score,max_score,percent,status,bugs,sum-product,sandbox", summary.get(0));
        assertTrue(summary.get(1).startsWith("correct,5,5,100,ok,,5,"), summary.get(1));
    }

    /**
     * Specs that once cost a correct submission points. An input and a graph entry that the output
     * does not use: their gradients are 0, which a correct submission gives and the numerical check
     * confirms. A kink of the second derivative, (relu(h)^2 + 1)^3.5 at h = 0, and a steep smooth
     * function, sin at 10000: the numerical check's own error is allowed for.
     */
    @Test
    void aCorrectSubmissionGetsFullMarksOnSpecsTheChecksOnceGotWrong() throws IOException {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(specs.resolve("unused.yaml"), """
                title: An input the output does not use
                inputs: {a: 1.5, c: 2}
                graph:
                  k: 2.5
                  u: c * 3
                  y: a * a
                output: y
                cases:
                  - inputs: {a: -0.5, c: 7}
                """);
        Files.writeString(specs.resolve("second-kink.yaml"), "title: t\ninputs: {h: 0}\ngraph:\n"
                + "  y: (relu(h) ^ 2 + 1) ^ 3.5\ncases:\n  - inputs: {h: 0.25}\n");
        Files.writeString(specs.resolve("steep.yaml"), "title: t\ninputs: {x: 10000}\ngraph:\n  y: sin(x)\n");
        Path reports = dir.resolve("reports");
        Run run = run("grade", "--specs", specs.toString(), "--reports", reports.toString(), "--only", "correct");
        assertEquals(ExitCodes.OK, run.status(), run.err());
        List<String> summary = Files.readAllLines(reports.resolve("summary.csv"));
        assertTrue(summary.get(1).startsWith("correct,3,3,100,ok,,1,1,1,"), summary.get(1));
        String card = Files.readString(reports.resolve("scorecards/correct.csv"));
        assertFalse(card.contains("nan"), card);
        assertTrue(card.contains("unused,main,numerical,0.05,0.05,pass,"), card);
    }

    /**
     * A spec whose expect disagrees with the reference engine is refused by grade, with validate's
     * message, and the others are graded; so is one whose point the numerical check cannot judge.
     */
    @Test
    void aSpecWhoseExpectIsWrongIsRefusedWithValidatesMessageAndTheRestGraded() throws IOException {
        Path specs = specs("sum-product.yaml");
        Files.writeString(specs.resolve("wrong.yaml"), "title: Wrong expectation\ninputs: {x: 3}\ngraph:\n  y: x * x\n"
                + "expect: {value: 9, grad: {x: 5}}\n");
        Files.writeString(specs.resolve("unreliable.yaml"), "title: cos far out\ninputs: {x: 1e22}\ngraph:\n"
                + "  y: cos(x)\n");
        Path reports = dir.resolve("reports");
        Run run = run("grade", "--specs", specs.toString(), "--reports", reports.toString(), "--only", "correct");
        assertEquals(ExitCodes.FINDINGS, run.status(), run.err());
        Run validate = run("validate", specs.toString());
        for (String file : List.of("wrong.yaml", "unreliable.yaml")) {
            String message = validate.out().lines().filter(l -> l.startsWith(specs.resolve(file).toString()))
                    .findFirst().orElseThrow();
            assertTrue(run.err().contains(message + "\n"), "grade says what validate says:\n" + message + "\n" + run.err());
        }
        assertTrue(run.err().contains("2 spec(s) are invalid and were left out"), run.err());
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

    /** With bubblewrap; the plain sandbox grades everyone again, and says why. */
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
        if (Launcher.detect().level() == SandboxLevel.PLAIN) {
            // Student code could have written the reports that a skip would trust.
            assertTrue(again.out().startsWith("plain sandbox: every submission is graded again"), again.out());
            assertTrue(again.out().contains("ada "), again.out());
        } else {
            assertTrue(again.out().startsWith("1 unchanged since their scorecards were written; skipped"),
                    again.out());
            assertFalse(again.out().contains("ada "), again.out());
        }
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
