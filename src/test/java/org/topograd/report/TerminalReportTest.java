package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
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
    @Test
    void eachFailingCaseIsPointedToItsPicture() {
        Spec spec = ((SpecResult.Valid) SpecLoader.load(Path.of("specs", "square.yaml"))).spec();
        List<CheckResult> rows = List.of(
                new CheckResult("square", "main", Check.GRADIENT, new Outcome.Fail("x.grad is 3, expected 6"), 100),
                new CheckResult("square", "main", Check.END_TO_END, new Outcome.Fail("x.grad is 3, expected 6"), 100),
                new CheckResult("square", "case-1", Check.FORWARD, new Outcome.Pass(""), 100),
                new CheckResult("square", "random-1", Check.GRADIENT, new Outcome.Error("threw"), 100));
        SubmissionResult result = new SubmissionResult("me", SubmissionResult.Status.OK, rows, List.of(), "",
                new SubmissionResult.Timings(0, 0, 0, 1), SandboxLevel.PLAIN);
        String text = new TerminalReport(false).render(result, List.of(spec), 0);
        String hint = "    see it drawn: topograd explain " + Path.of("specs", "square.yaml") + " --submission . --case ";
        assertTrue(text.contains(hint + "main\n"), text);
        assertFalse(text.contains(hint + "case-1"), text);
        assertFalse(text.contains(hint + "random-1"), "an exception has no numbers to draw: " + text);
        assertTrue(text.indexOf(hint + "main") == text.lastIndexOf(hint + "main"), "once per case: " + text);
    }
}
