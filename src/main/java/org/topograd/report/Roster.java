package org.topograd.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.topograd.spec.Suggest;

/**
 * A class list that says who each submission belongs to in the LMS: a CSV with a header, a
 * {@code submission} column (the submission folder's name) and any of {@link #COLUMNS}.
 *
 * <pre>
 * submission,name,sis_login_id,email
 * ada,"Lovelace, Ada",alovelace,ada@example.edu
 * </pre>
 */
public final class Roster {
    /** The column every roster has. */
    public static final String SUBMISSION = "submission";

    /**
     * The columns a roster may have besides {@code submission}: the student's name, Canvas's own
     * user id, SIS user id, SIS login id and section, Moodle's username, email address and ID number.
     */
    public static final List<String> COLUMNS = List.of("name", "canvas_id", "sis_user_id", "sis_login_id", "section",
            "username", "email", "idnumber");

    private final List<String> columns;
    private final Map<String, Map<String, String>> bySubmission;

    private Roster(List<String> columns, Map<String, Map<String, String>> bySubmission) {
        this.columns = List.copyOf(columns);
        this.bySubmission = bySubmission;
    }

    /** The outcome of reading a roster: the roster, or every problem in the file. */
    public sealed interface Result {
        record Valid(Roster roster) implements Result {}

        record Invalid(List<String> problems) implements Result {}
    }

    /** The columns the file has besides {@code submission}, in the file's order. */
    public List<String> columns() {
        return columns;
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** The submission ids in the file's order. */
    public List<String> submissions() {
        return List.copyOf(bySubmission.keySet());
    }

    /** A student's value in a column; empty when the student or the column is not in the roster. */
    public Optional<String> get(String submission, String column) {
        Map<String, String> row = bySubmission.get(submission);
        return row == null ? Optional.empty() : Optional.ofNullable(row.get(column));
    }

    public boolean contains(String submission) {
        return bySubmission.containsKey(submission);
    }

    public static Result read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return invalid(file + ": the file is not UTF-8 text: save it as CSV UTF-8");
        } catch (IOException e) {
            return invalid(file + ": cannot read the file (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the byte order mark spreadsheets put in front of "CSV UTF-8"
        }
        List<String> problems = new ArrayList<>();
        List<String> header;
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(Csv.FORMAT.builder().setIgnoreSurroundingSpaces(true).get()).get()) {
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            return invalid(file + ": not a readable CSV file (" + e.getMessage() + ")");
        }
        if (records.isEmpty()) {
            return invalid(file + ": the file is empty: its first line must be a header such as "
                    + "submission,name,sis_login_id");
        }
        header = records.get(0).toList().stream().map(String::trim).toList();
        int idColumn = header.indexOf(SUBMISSION);
        List<String> known = new ArrayList<>(COLUMNS);
        known.add(SUBMISSION);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (!known.contains(h)) {
                problems.add(file + ":1: unknown column '" + h + "'" + Suggest.nearest(h, known)
                        .map(s -> " (did you mean '" + s + "'?)").orElse("") + "; the columns are " + SUBMISSION
                        + " and " + String.join(", ", COLUMNS));
            } else if (header.indexOf(h) != i) {
                problems.add(file + ":1: column '" + h + "' appears twice: keep one");
            }
        }
        if (idColumn < 0) {
            problems.add(file + ":1: no '" + SUBMISSION + "' column: add one with each student's submission folder"
                    + " name");
            return new Result.Invalid(problems);
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            long line = record.getRecordNumber();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() != header.size()) {
                problems.add(file + ":" + line + ": " + record.size() + " fields, but the header has " + header.size()
                        + ": quote a value that holds a comma (\"Lovelace, Ada\")");
                continue;
            }
            String id = record.get(idColumn).trim();
            if (id.isEmpty()) {
                problems.add(file + ":" + line + ": the submission is empty: give the submission folder's name");
                continue;
            }
            Long first = firstLine.putIfAbsent(id, line);
            if (first != null) {
                problems.add(file + ":" + line + ": submission '" + id + "' is listed twice (first on line " + first
                        + "): keep one row per submission");
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != idColumn) {
                    row.put(header.get(c), record.get(c).trim());
                }
            }
            rows.put(id, row);
        }
        if (!problems.isEmpty()) {
            return new Result.Invalid(problems);
        }
        List<String> columns = header.stream().filter(h -> !h.equals(SUBMISSION)).toList();
        return new Result.Valid(new Roster(columns, rows));
    }

    private static Result invalid(String problem) {
        return new Result.Invalid(List.of(problem));
    }
}
