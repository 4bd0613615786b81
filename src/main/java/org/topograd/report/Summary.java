package org.topograd.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
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
     * One student's line as {@code summary.csv} has it, the points as written.
     *
     * @param specScores the points per spec, by spec id, in the column order
     */
    public record Line(String student, String score, String maxScore, String percent, String status, String bugs,
            Map<String, String> specScores, String sandbox) {
        public Line {
            specScores = Collections.unmodifiableMap(new LinkedHashMap<>(specScores));
        }
    }

    /** The columns every {@code summary.csv} has; the spec columns and the rest may vary. */
    private static final List<String> REQUIRED = List.of("student", "score", "max_score", "percent", "status");

    /** The columns before the spec columns, and after them. */
    private static final List<String> BEFORE = List.of("student", "score", "max_score", "percent", "status", "bugs");
    private static final String AFTER = "sandbox";

    /**
     * {@code bugs}: the likely bugs diagnosed in the student's failed checks, {@code ;}-separated.
     * {@code sandbox}: how the student's code was isolated ({@code bwrap} or {@code plain}).
     */
    public static List<String> header(List<String> specIds) {
        List<String> header = new ArrayList<>(BEFORE);
        header.addAll(specIds);
        header.add(AFTER);
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

    /**
     * The lines of a {@code summary.csv}, in its order; an error when a column every summary has is
     * missing. {@code bugs}, {@code sandbox} and a spec's points are empty where a line has none.
     */
    public static List<Line> read(Path summary) throws IOException {
        Csv.Table table = Csv.read(summary).require(REQUIRED, "topograd's summary.csv");
        List<String> specs = table.header().stream().filter(c -> !BEFORE.contains(c) && !c.equals(AFTER)).toList();
        List<Line> lines = new ArrayList<>();
        for (CSVRecord r : table.records()) {
            Map<String, String> specScores = new LinkedHashMap<>();
            specs.forEach(spec -> specScores.put(spec, r.isSet(spec) ? r.get(spec) : ""));
            lines.add(new Line(r.get("student"), r.get("score"), r.get("max_score"), r.get("percent"), r.get("status"),
                    r.isSet("bugs") ? r.get("bugs") : "", specScores, r.isSet(AFTER) ? r.get(AFTER) : ""));
        }
        return lines;
    }
}
