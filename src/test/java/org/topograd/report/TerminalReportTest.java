package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topograd.grading.Check;
import org.topograd.grading.CheckResult;
import org.topograd.grading.Outcome;
import org.topograd.grading.SubmissionResult;
import org.topograd.sandbox.SandboxLevel;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;

class TerminalReportTest {
    private static final Spec SPEC = ((SpecResult.Valid) SpecLoader.load(Path.of("specs", "square.yaml"))).spec();

    private static String render(List<CheckResult> rows, String explainFor) {
        SubmissionResult result = new SubmissionResult("me", SubmissionResult.Status.OK, rows, List.of(), "",
                new SubmissionResult.Timings(0, 0, 0, 1), SandboxLevel.PLAIN);
        return new TerminalReport(false, explainFor).render(result, List.of(SPEC), 0);
    }

    @Test
    void theFirstWrongNumberIsPointedToItsPictureOnce() {
        List<CheckResult> rows = List.of(
                new CheckResult("square", "main", Check.GRADIENT, new Outcome.Error("threw"), 100),
                new CheckResult("square", "case-1", Check.GRADIENT, new Outcome.Fail("x.grad is 3, expected 6"), 100),
                new CheckResult("square", "case-1", Check.END_TO_END, new Outcome.Fail("x.grad is 3, expected 6"), 100),
                new CheckResult("square", "random-1", Check.FORWARD, new Outcome.Fail("y is 1, expected 2"), 100));
        String text = render(rows, "my-work");
        String hint = "    see it drawn: topograd explain " + Path.of("specs", "square.yaml") + " --submission my-work --case ";
        assertTrue(text.contains(hint + "case-1\n"), "the first case with numbers to draw: " + text);
        assertEquals(text.indexOf(hint), text.lastIndexOf(hint), "once per spec: " + text);
        assertFalse(render(rows, null).contains("topograd explain"), "the student kit has no explain");
    }

    @Test
    void aDiagnosedBugIsExplainedOnceWithWhereElseItShows() {
        List<CheckResult> rows = List.of(
                new CheckResult("square", "main", Check.GRADIENT, new Outcome.Fail("x.grad is 3, expected 6. Likely"
                        + " bug: = instead of +="), 100, "assign-instead-of-accumulate"),
                new CheckResult("square", "main", Check.END_TO_END, new Outcome.Fail("x.grad is 3, expected 6. Likely"
                        + " bug: = instead of +="), 100, "assign-instead-of-accumulate"),
                new CheckResult("square", "case-1", Check.NUMERICAL, new Outcome.Fail("x: 1 vs 2. Likely bug: = instead"
                        + " of +="), 100, "assign-instead-of-accumulate"));
        String text = render(rows, ".");
        assertEquals(1, text.split("Likely bug", -1).length - 1, text);
        assertTrue(text.contains("    the same likely bug (assign-instead-of-accumulate) at main end_to_end,"
                + " case-1 numerical\n"), text);
    }

    @Test
    void failuresWithoutADiagnosisAreShownUpToALimitThenCounted() {
        List<CheckResult> rows = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rows.add(new CheckResult("square", "random-" + i, Check.FORWARD, new Outcome.Fail("y is off " + i), 100));
        }
        String text = render(rows, ".");
        assertTrue(text.contains("random-4 forward  FAIL: y is off 4\n"), text);
        assertFalse(text.contains("y is off 5"), text);
        assertTrue(text.contains("    ... and 2 more failing checks (topograd check --json lists them all)\n"), text);
    }

    @Test
    void whatTheCodePrintedIsSummarisedBeforeTheVerdictsAndTheTotalComesLast() {
        StringBuilder printed = new StringBuilder();
        for (int i = 1; i <= 2650; i++) {
            printed.append("forward ").append(i).append('\n');
        }
        List<CheckResult> rows = List.of(
                new CheckResult("square", "random-1", Check.FORWARD, new Outcome.Fail("y is 1, expected 2"), 100));
        SubmissionResult result = new SubmissionResult("me", SubmissionResult.Status.OK, rows, List.of(),
                printed.toString(), new SubmissionResult.Timings(0, 0, 0, 1), SandboxLevel.PLAIN);
        String text = new TerminalReport(false, null, "java -jar topograd-student.jar").render(result, List.of(SPEC), 0);
        int summary = text.indexOf("Your code printed 2,650 lines; the first 3 and the last 3"
                + " (java -jar topograd-student.jar check --json has all that was kept):\n"
                + "  | forward 1\n  | forward 2\n  | forward 3\n  | ... 2,644 lines ...\n"
                + "  | forward 2648\n  | forward 2649\n  | forward 2650\n");
        assertTrue(summary > 0, text);
        assertTrue(summary < text.indexOf("✗ square"), "before the verdicts: " + text);
        assertTrue(text.strip().endsWith("Total: 0 / 1 (0%)"), "the total comes last: " + text);
        assertFalse(text.contains("forward 1000"), text);
    }

    @Test
    void everyFailureSaysItsInputPoint() {
        Spec spec = SPEC;
        String random = spec.cases().stream().filter(c -> c.name().equals("random-1")).findFirst().orElseThrow()
                .inputs()[0] + "";
        String text = render(List.of(new CheckResult("square", "random-1", Check.GRADIENT,
                new Outcome.Fail("x.grad is 3, expected 6"), 100)), null);
        assertTrue(text.contains("    random-1 gradient (x = " + org.topograd.spec.NumberText.format(Double.parseDouble(
                random)) + ")  FAIL: x.grad is 3, expected 6\n"), text);
    }

    @Test
    void textsNameTheCommandTheStudentHas() {
        List<CheckResult> rows = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rows.add(new CheckResult("square", "random-" + i, Check.FORWARD, new Outcome.Fail("y is off " + i), 100));
        }
        SubmissionResult result = new SubmissionResult("me", SubmissionResult.Status.OK, rows, List.of(), "",
                new SubmissionResult.Timings(0, 0, 0, 1), SandboxLevel.PLAIN);
        String text = new TerminalReport(false, null, "java -jar topograd-student.jar").render(result, List.of(SPEC), 0);
        assertTrue(text.contains("(java -jar topograd-student.jar check --json lists them all)"), text);
        assertFalse(text.contains("topograd check --json"), text);
    }
}
