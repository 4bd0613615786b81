package org.topograd.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.topograd.grading.Check;
import org.topograd.grading.CheckResult;
import org.topograd.grading.Outcome;
import org.topograd.grading.SubmissionResult;
import org.topograd.sandbox.SandboxLevel;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;

/** Specs and results made up in memory, for report tests that need no grading run. */
public final class Fixtures {
    private Fixtures() {}

    /** A valid spec parsed from YAML text, as if read from {@code specs/<id>.yaml}. */
    public static Spec spec(String id, String yaml) {
        SpecResult result = SpecLoader.parse(Path.of("specs", id + ".yaml"), yaml);
        if (!(result instanceof SpecResult.Valid valid)) {
            throw new AssertionError(((SpecResult.Invalid) result).problems().toString());
        }
        return valid.spec();
    }

    /** {@code y = x * x}, 2 points, one input point. */
    public static Spec square(String id, boolean hidden) {
        return spec(id, "title: Square " + id + "\npoints: 2\n" + (hidden ? "visibility: hidden\n" : "")
                + "inputs: {x: 3}\ngraph:\n  y: x * x\n");
    }

    /** Every check of every spec at its main point passes, except those with a failure message given. */
    public static SubmissionResult result(String student, List<Spec> specs, java.util.Map<String, String> failures,
            List<SubmissionResult.Note> notes) {
        List<CheckResult> rows = new ArrayList<>();
        for (Spec spec : specs) {
            for (Check check : Check.values()) {
                String key = spec.id() + "/" + check.reportName();
                Outcome outcome = failures.containsKey(key) ? new Outcome.Fail(failures.get(key))
                        : new Outcome.Pass("");
                rows.add(new CheckResult(spec.id(), "main", check, outcome, 40));
            }
        }
        return new SubmissionResult(student, SubmissionResult.Status.OK, rows, notes, "printed by the student\n",
                new SubmissionResult.Timings(1, 2, 3, 1), SandboxLevel.PLAIN);
    }
}
