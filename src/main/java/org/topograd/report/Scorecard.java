package org.topograd.report;

import java.util.ArrayList;
import java.util.List;
import org.topograd.grading.CheckResult;
import org.topograd.grading.Points;
import org.topograd.grading.SubmissionResult;

/**
 * A student's scorecard: first a row for each note about the submission as a whole (worth no
 * points), then one row per check, spec and input point.
 */
public final class Scorecard {
    public static final List<String> HEADER = List.of("spec", "case", "check", "score", "max_score", "status",
            "message");

    private Scorecard() {}

    public static byte[] render(SubmissionResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (SubmissionResult.Note note : result.notes()) {
            rows.add(List.of("", "", note.topic(), "0", "0", note.error() ? "error" : "note", note.message()));
        }
        for (CheckResult r : result.rows()) {
            rows.add(List.of(r.spec(), r.caseName(), r.check().reportName(), Points.format(r.score()),
                    Points.format(r.max()), r.outcome().status(), r.outcome().message()));
        }
        return Csv.render(HEADER, rows);
    }
}
