package org.topograd.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
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

    /**
     * One row as the scorecard has it: the points as written ({@link #scoreHundredths()} to count
     * with them).
     *
     * @param spec the spec's id; empty on a note about the submission as a whole
     * @param max the {@code max_score} column
     */
    public record Row(String spec, String caseName, String check, String score, String max, String status,
            String message) {
        /** A note about the submission as a whole (a compiler message, a missing class), worth nothing. */
        public boolean note() {
            return spec.isEmpty();
        }

        public boolean passed() {
            return status.equals("pass");
        }

        public long scoreHundredths() {
            return Points.hundredths(new BigDecimal(score));
        }

        public long maxHundredths() {
            return Points.hundredths(new BigDecimal(max));
        }
    }

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

    /**
     * The rows of a scorecard file, in its order. A file without rows reads as none, whatever its
     * header; one whose rows lack a column is an error.
     */
    public static List<Row> read(Path file) throws IOException {
        Csv.Table table = Csv.read(file);
        if (!table.records().isEmpty()) {
            table.require(HEADER, "a topograd scorecard");
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord r : table.records()) {
            rows.add(new Row(r.get("spec"), r.get("case"), r.get("check"), r.get("score"), r.get("max_score"),
                    r.get("status"), r.get("message")));
        }
        return rows;
    }
}
