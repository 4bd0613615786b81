package org.topograd.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.topograd.grading.CheckResult;
import org.topograd.grading.SubmissionResult;
import org.topograd.spec.SpecHeading;

/**
 * {@code topograd check --json}: what the terminal report says, for editors and scripts. Like the
 * terminal report it covers the visible specs only and counts the hidden ones without naming them.
 *
 * <pre>
 * {"student": "...", "status": "ok", "score": 56, "max_score": 65, "percent": 86.15, "all_passed": false,
 *  "hidden_specs": 7, "notes": [{"topic": "compile", "error": true, "message": "..."}],
 *  "specs": [{"id": "square", "title": "...", "score": 5, "max_score": 5, "passed": true,
 *             "checks": [{"case": "main", "check": "forward", "status": "pass", "score": 1, "max_score": 1,
 *                         "message": ""}]}],
 *  "output": "what the code printed"}
 * </pre>
 */
public final class CheckJson {
    private CheckJson() {}

    public static String render(SubmissionResult result, List<? extends SpecHeading> specs, int hiddenSpecs) {
        JsonObject root = new JsonObject();
        root.addProperty("student", result.student());
        root.addProperty("status", result.status().reportName());
        root.add("score", Json.points(result.score()));
        root.add("max_score", Json.points(result.max()));
        root.add("percent", Json.percent(result.score(), result.max()));
        root.addProperty("all_passed", result.allPassed());
        root.addProperty("hidden_specs", hiddenSpecs);
        JsonArray notes = new JsonArray();
        for (SubmissionResult.Note note : result.notes()) {
            JsonObject n = new JsonObject();
            n.addProperty("topic", note.topic());
            n.addProperty("error", note.error());
            n.addProperty("message", note.message());
            notes.add(n);
        }
        root.add("notes", notes);
        JsonArray specList = new JsonArray();
        for (SpecHeading spec : specs) {
            SpecTotals totals = SpecTotals.of(spec.id(), result.rows());
            JsonObject s = new JsonObject();
            s.addProperty("id", spec.id());
            s.addProperty("title", spec.title());
            s.add("score", Json.points(totals.score()));
            s.add("max_score", Json.points(totals.max()));
            s.addProperty("passed", totals.passed());
            JsonArray checks = new JsonArray();
            for (CheckResult r : totals.rows()) {
                JsonObject c = new JsonObject();
                c.addProperty("case", r.caseName());
                c.addProperty("check", r.check().reportName());
                c.addProperty("status", r.outcome().status());
                c.add("score", Json.points(r.score()));
                c.add("max_score", Json.points(r.max()));
                c.addProperty("message", r.outcome().message());
                checks.add(c);
            }
            s.add("checks", checks);
            specList.add(s);
        }
        root.add("specs", specList);
        root.addProperty("output", result.output());
        return Json.render(root);
    }
}
