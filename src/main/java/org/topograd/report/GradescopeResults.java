package org.topograd.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.topograd.grading.Check;
import org.topograd.grading.CheckResult;
import org.topograd.grading.GradescopeSettings;
import org.topograd.grading.Points;
import org.topograd.grading.SubmissionResult;
import org.topograd.spec.SpecHeading;
import org.topograd.spec.tensor.TensorSpec;

/**
 * Gradescope's {@code results.json} for one submission.
 *
 * <p>One Gradescope test per spec and check ("power-node: gradient"), worth what that check earns
 * at all of the spec's input points; its output lists each input point's outcome. A test passes
 * only when the check passed at every point. Tests of visible specs are {@code visible}; tests of
 * hidden specs get {@link GradescopeSettings#hiddenVisibility()} and, whatever their visibility,
 * show only each point's status (pass, fail, error, ...), never the message, because messages
 * hold the expected numbers.
 *
 * <p>The top-level {@code output}, which students always see, holds the notes about the
 * submission as a whole (compiler messages, missing classes) and the visible specs' score; never
 * a hidden spec's numbers, and never what the student's code printed (it could print the hidden
 * graphs' values). The top-level {@code score} is the total, hidden specs included.
 */
public final class GradescopeResults {
    private GradescopeResults() {}

    /**
     * @param executionSeconds the grading's wall time, Gradescope's {@code execution_time}; the one
     *     number that differs between runs, so it is given, not measured here
     */
    public static String render(SubmissionResult result, List<? extends SpecHeading> specs, GradescopeSettings settings,
            long executionSeconds) {
        JsonObject root = new JsonObject();
        root.add("score", Json.points(result.score()));
        root.addProperty("execution_time", executionSeconds);
        root.addProperty("output", output(result, specs, settings));
        root.addProperty("output_format", "text");
        // run_autograder's stdout is for instructors: it may name hidden specs and show what the code printed.
        root.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        for (int s = 0; s < specs.size(); s++) {
            SpecHeading spec = specs.get(s);
            SpecTotals totals = SpecTotals.of(spec.id(), result.rows());
            int number = 0;
            for (Check check : Check.values()) {
                SpecTotals ofCheck = totals.only(check);
                if (ofCheck.rows().isEmpty()) {
                    continue; // a check with weight 0 is not made
                }
                number++;
                tests.add(test(spec, check, ofCheck, (s + 1) + "." + number, settings));
            }
        }
        root.add("tests", tests);
        return Json.render(root);
    }

    private static JsonObject test(SpecHeading spec, Check check, SpecTotals rows, String number,
            GradescopeSettings settings) {
        JsonObject test = new JsonObject();
        test.addProperty("name", spec.id() + ": " + check.reportName() + " (" + spec.title() + ")");
        test.addProperty("number", number);
        test.add("score", Json.points(rows.score()));
        test.add("max_score", Json.points(rows.max()));
        test.addProperty("status", rows.passed() ? "passed" : "failed");
        test.addProperty("output", testOutput(spec, check, rows.rows()));
        test.addProperty("output_format", "text");
        JsonArray tags = new JsonArray();
        tags.add(spec.id());
        tags.add(check.reportName());
        tags.add(spec.visibility().specName());
        test.add("tags", tags);
        test.addProperty("visibility", spec.hidden() ? settings.hiddenVisibility() : "visible");
        return test;
    }

    private static String testOutput(SpecHeading spec, Check check, List<CheckResult> rows) {
        StringBuilder out = new StringBuilder();
        out.append("What is checked: ").append(check.description()).append(".\n");
        for (CheckResult r : rows) {
            out.append(r.caseName()).append(": ");
            if (spec.hidden()) {
                out.append(r.outcome().status()).append('\n');
            } else if (r.outcome().passed()) {
                out.append("pass").append(r.outcome().message().isEmpty() ? "" : " (" + r.outcome().message() + ")")
                        .append('\n');
            } else {
                out.append(r.outcome().status().toUpperCase(Locale.ROOT)).append(": ").append(r.outcome().message())
                        .append('\n');
            }
        }
        if (spec.hidden()) {
            out.append("This spec is hidden: its expected values are not shown.\n");
        }
        return out.toString();
    }

    private static String output(SubmissionResult result, List<? extends SpecHeading> specs, GradescopeSettings settings) {
        StringBuilder out = new StringBuilder();
        out.append(switch (result.status()) {
            case OK -> "Your submission compiled and was checked against every spec.";
            case COMPILE_ERROR -> "Your submission did not compile, so no check could run. The compiler said:";
            case NO_SOURCES -> "No .java file (and no jar) was found in your submission, so nothing could run.";
            case NO_CLASSES -> "No class in your submission has @Op or implements "
                    + (specs.stream().anyMatch(s -> s instanceof TensorSpec) ? "TensorBackprop" : "Backprop")
                    + ", so nothing could run.";
            case WORKER_FAILED -> "Your code could not be started; this is usually not your fault: resubmit, and"
                    + " tell your instructor if it happens again.";
            case GRADER_ERROR -> "The autograder itself failed while grading your submission; this is not your"
                    + " code's fault: resubmit, and tell your instructor if it happens again.";
        }).append('\n');
        for (SubmissionResult.Note note : result.notes()) {
            out.append(note.error() ? "error" : "note").append(" (").append(note.topic()).append("): ")
                    .append(note.message().replace("\n", "\n    ")).append('\n');
        }
        List<String> visible = new ArrayList<>();
        long score = 0;
        long max = 0;
        int hidden = 0;
        for (SpecHeading spec : specs) {
            if (spec.hidden()) {
                hidden++;
                continue;
            }
            visible.add(spec.id());
            SpecTotals totals = SpecTotals.of(spec.id(), result.rows());
            score += totals.score();
            max += totals.max();
        }
        out.append('\n').append("Visible specs (").append(visible.size()).append("): ").append(Points.format(score))
                .append(" / ").append(Points.format(max)).append(" points.\n");
        if (hidden > 0) {
            out.append("Hidden specs (").append(hidden).append("): ").append(when(settings.hiddenVisibility()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String when(String visibility) {
        switch (visibility) {
            case "visible":
                return "their results are among the tests below, without expected values.";
            case "after_due_date":
                return "their results appear after the due date.";
            case "after_published":
                return "their results appear when your instructor publishes the grades.";
            default:
                return "graded, but their results are not shown.";
        }
    }
}
