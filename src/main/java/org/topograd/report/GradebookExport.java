package org.topograd.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code summary.csv} into the CSV an LMS gradebook imports: one row per student, the score
 * in points in one assignment column.
 *
 * <ul>
 *   <li><b>canvas</b>: {@code Student, ID, SIS User ID, SIS Login ID, Section, <assignment>}, then
 *       a {@code Points Possible} row under the header, as Canvas's own gradebook export has it.
 *       Canvas matches a row to a student by {@code ID}, {@code SIS User ID} or
 *       {@code SIS Login ID}. Without a roster the submission id goes into {@code SIS Login ID};
 *       with one, each column comes from the roster's {@code name}, {@code canvas_id},
 *       {@code sis_user_id}, {@code sis_login_id} and {@code section} (and {@code SIS Login ID}
 *       stays the submission id if the roster has no {@code sis_login_id}).
 *   <li><b>moodle</b>: {@code Username, Email address, ID number, Full name, <assignment>}, the
 *       first three being the identifiers Moodle's "Import grades from CSV" can map a column to.
 *       {@code Username} is the submission id unless the roster has {@code username}; the others
 *       come from the roster's {@code email}, {@code idnumber} and {@code name} and are empty
 *       without it.
 *   <li><b>plain</b>: {@code submission}, then every roster column in the roster's order, then
 *       {@code score, max_score, percent, status}.
 * </ul>
 */
public final class GradebookExport {
    /** The gradebooks an export can be for. */
    public enum Lms {
        CANVAS,
        MOODLE,
        PLAIN;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One student's line of {@code summary.csv}. */
    public record Grade(String student, String score, String maxScore, String percent, String status) {}

    private GradebookExport() {}

    /** The students of a {@code summary.csv}, in its order. */
    public static List<Grade> readSummary(Path summary) throws IOException {
        return Summary.read(summary).stream()
                .map(l -> new Grade(l.student(), l.score(), l.maxScore(), l.percent(), l.status())).toList();
    }

    /**
     * The import file.
     *
     * @param roster who each submission is, or null to use the submission ids alone
     * @param assignment the gradebook column's title (for Canvas, "Name (id)" to update an
     *     existing assignment, a new name to create one)
     */
    public static byte[] render(Lms lms, List<Grade> grades, Roster roster, String assignment) {
        switch (lms) {
            case CANVAS:
                return canvas(grades, roster, assignment);
            case MOODLE:
                return moodle(grades, roster, assignment);
            default:
                return plain(grades, roster);
        }
    }

    private static byte[] canvas(List<Grade> grades, Roster roster, String assignment) {
        List<List<String>> rows = new ArrayList<>();
        String possible = grades.isEmpty() ? "" : grades.get(0).maxScore();
        rows.add(List.of("Points Possible", "", "", "", "", possible));
        for (Grade g : grades) {
            rows.add(List.of(
                    value(roster, g, "name", ""),
                    value(roster, g, "canvas_id", ""),
                    value(roster, g, "sis_user_id", ""),
                    value(roster, g, "sis_login_id", g.student()),
                    value(roster, g, "section", ""),
                    g.score()));
        }
        return Csv.render(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment), rows);
    }

    private static byte[] moodle(List<Grade> grades, Roster roster, String assignment) {
        List<List<String>> rows = new ArrayList<>();
        for (Grade g : grades) {
            rows.add(List.of(
                    value(roster, g, "username", g.student()),
                    value(roster, g, "email", ""),
                    value(roster, g, "idnumber", ""),
                    value(roster, g, "name", ""),
                    g.score()));
        }
        return Csv.render(List.of("Username", "Email address", "ID number", "Full name", assignment), rows);
    }

    private static byte[] plain(List<Grade> grades, Roster roster) {
        List<String> header = new ArrayList<>(List.of(Roster.SUBMISSION));
        List<String> extra = roster == null ? List.of() : roster.columns();
        header.addAll(extra);
        header.addAll(List.of("score", "max_score", "percent", "status"));
        List<List<String>> rows = new ArrayList<>();
        for (Grade g : grades) {
            List<String> row = new ArrayList<>(List.of(g.student()));
            for (String column : extra) {
                row.add(roster.get(g.student(), column).orElse(""));
            }
            row.addAll(List.of(g.score(), g.maxScore(), g.percent(), g.status()));
            rows.add(row);
        }
        return Csv.render(header, rows);
    }

    /** The roster's value when it has the column, else {@code fallback}. */
    private static String value(Roster roster, Grade g, String column, String fallback) {
        if (roster == null || !roster.has(column)) {
            return fallback;
        }
        return roster.get(g.student(), column).orElse(fallback);
    }
}
