package org.topograd.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.topograd.grading.Points;

/** {@code summary.csv}: one row per student, sorted by student, one column per spec. */
public final class Summary {
    private Summary() {}

    /**
     * One student's row.
     *
     * @param specScores hundredths earned per spec, in the column order
     */
    public record Row(String student, long score, long max, String status, String bugs, List<Long> specScores,
            String sandbox) {}

    /**
     * {@code bugs}: the likely bugs diagnosed in the student's failed checks, {@code ;}-separated.
     * {@code sandbox}: how the student's code was isolated ({@code bwrap} or {@code plain}).
     */
    public static List<String> header(List<String> specIds) {
        List<String> header = new ArrayList<>(List.of("student", "score", "max_score", "percent", "status", "bugs"));
        header.addAll(specIds);
        header.add("sandbox");
        return header;
    }

    public static byte[] render(List<String> specIds, List<Row> rows) {
        List<List<String>> lines = new ArrayList<>();
        rows.stream().sorted(Comparator.comparing(Row::student)).forEach(r -> {
            List<String> line = new ArrayList<>(List.of(r.student(), Points.format(r.score()), Points.format(r.max()),
                    Points.percent(r.score(), r.max()), r.status(), r.bugs()));
            r.specScores().forEach(s -> line.add(Points.format(s)));
            line.add(r.sandbox());
            lines.add(line);
        });
        return Csv.render(header(specIds), lines);
    }
}
