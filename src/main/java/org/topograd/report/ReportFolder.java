package org.topograd.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.topograd.grading.SubmissionResult;

/**
 * The reports folder: {@code summary.csv}, {@code index.html}, {@code scorecards/<student>.csv}
 * and its page {@code scorecards/<student>.html}, {@code logs/<student>.log}, and
 * {@code .state/<student>.properties} (what the summary needs beyond the scorecard, and the key
 * that tells whether a scorecard is still current).
 *
 * <p>The summary and the pages are rebuilt from the scorecards, logs and state files, so grading a
 * few students ({@code --only}) updates their rows and keeps everyone else's.
 */
public final class ReportFolder {
    private final Path root;

    public ReportFolder(Path root) {
        this.root = root;
    }

    public Path summary() {
        return root.resolve("summary.csv");
    }

    public Path scorecard(String student) {
        return root.resolve("scorecards").resolve(student + ".csv");
    }

    /** The instructor's overview of the class. */
    public Path index() {
        return root.resolve("index.html");
    }

    /** A student's scorecard as a page to read in a browser, beside the CSV. */
    public Path page(String student) {
        return root.resolve("scorecards").resolve(student + ".html");
    }

    public Path log(String student) {
        return root.resolve("logs").resolve(student + ".log");
    }

    /** A student's state file: what the summary needs beyond the scorecard (merge copies it). */
    public Path state(String student) {
        return root.resolve(".state").resolve(student + ".properties");
    }

    /**
     * Writes one student's scorecard, log and state (in that order, so the state is last to change).
     * The key says the scorecard is final for those inputs; a result that is not ({@code grader_error})
     * is written without one, so that the next {@code grade} grades the student again.
     */
    public synchronized void write(SubmissionResult result, String key) throws IOException {
        AtomicFiles.write(scorecard(result.student()), Scorecard.render(result));
        AtomicFiles.write(log(result.student()), Log.render(result).getBytes(StandardCharsets.UTF_8));
        Properties state = new Properties();
        state.setProperty("status", result.status().reportName());
        state.setProperty("sandbox", result.sandbox().reportName());
        state.setProperty("key", result.status() == SubmissionResult.Status.GRADER_ERROR ? "" : key);
        state.setProperty("bugs", bugs(result));
        StringBuilder text = new StringBuilder();
        for (String name : new TreeSet<>(state.stringPropertyNames())) {
            text.append(name).append('=').append(state.getProperty(name)).append('\n');
        }
        AtomicFiles.write(state(result.student()), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a student's reports exist and were written for exactly this key. */
    public boolean current(String student, String key) throws IOException {
        return Files.isRegularFile(scorecard(student))
                && readState(student).map(p -> key.equals(p.getProperty("key"))).orElse(false);
    }

    /**
     * Rebuilds {@code summary.csv}, {@code index.html} and the students' pages for {@code students}
     * from their scorecards, and deletes the reports of students no longer among them.
     *
     * @return how many students the summary has (those of {@code students} with a scorecard)
     */
    public int writeSummary(List<String> specIds, Collection<String> students) throws IOException {
        return writeSummary(specIds, students, Map.of());
    }

    /**
     * Rebuilds {@code summary.csv}, {@code index.html} and the students' pages for {@code students}:
     * the summary's rows from the results given (this run's, held in memory) and for everyone else
     * from their scorecards; deletes the reports of students no longer among them. A scorecard that
     * cannot be read leaves its student out (see {@link #unreadable()}).
     *
     * @return how many students the summary has
     */
    public synchronized int writeSummary(List<String> specIds, Collection<String> students,
            Map<String, SubmissionResult> fresh) throws IOException {
        unreadable.clear();
        List<Summary.Row> rows = new ArrayList<>();
        for (String student : new TreeSet<>(students)) {
            if (fresh.containsKey(student)) {
                rows.add(row(fresh.get(student), specIds));
                continue;
            }
            Optional<Properties> state = readState(student);
            if (state.isEmpty() || !Files.isRegularFile(scorecard(student))) {
                continue;
            }
            try {
                rows.add(row(student, specIds, state.get()));
            } catch (IOException | RuntimeException e) {
                unreadable.add(student);
            }
        }
        AtomicFiles.write(summary(), Summary.render(specIds, rows));
        for (Summary.Row row : rows) {
            try {
                AtomicFiles.write(page(row.student()),
                        StudentPage.render(row, specIds, scorecard(row.student()), log(row.student())));
            } catch (IOException | RuntimeException e) {
                unreadable.add(row.student()); // its page cannot be made; its summary row stands
            }
        }
        AtomicFiles.write(index(), IndexPage.render(specIds, rows, this::scorecard));
        removeOthers(students);
        return rows.size();
    }

    /** Students left out of the last summary because their scorecard could not be read. */
    private final List<String> unreadable = new ArrayList<>();

    public synchronized List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    private static Summary.Row row(SubmissionResult result, List<String> specIds) {
        return new Summary.Row(result.student(), result.score(), result.max(), result.status().reportName(),
                bugs(result), specIds.stream().map(id -> SpecTotals.of(id, result.rows()).score()).toList(),
                result.sandbox().reportName());
    }

    /** The likely bugs of a result's failed checks, sorted, {@code ;}-separated. */
    private static String bugs(SubmissionResult result) {
        return String.join(";", result.rows().stream().map(r -> r.bug()).filter(b -> !b.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private Summary.Row row(String student, List<String> specIds, Properties state) throws IOException {
        Map<String, Long> bySpec = new HashMap<>();
        long score = 0;
        long max = 0;
        for (Scorecard.Row r : Scorecard.read(scorecard(student))) {
            score += r.scoreHundredths();
            max += r.maxHundredths();
            if (!r.note()) {
                bySpec.merge(r.spec(), r.scoreHundredths(), Long::sum);
            }
        }
        List<Long> specScores = specIds.stream().map(id -> bySpec.getOrDefault(id, 0L)).toList();
        return new Summary.Row(student, score, max, state.getProperty("status", ""), state.getProperty("bugs", ""),
                specScores, state.getProperty("sandbox", ""));
    }

    private Optional<Properties> readState(String student) throws IOException {
        Path file = state(student);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return Optional.of(p);
    }

    private void removeOthers(Collection<String> students) throws IOException {
        for (String dir : List.of("scorecards", "logs", ".state")) {
            Path folder = root.resolve(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    if (dot > 0 && !students.contains(name.substring(0, dot))) {
                        Files.delete(file);
                    }
                }
            }
        }
    }
}
