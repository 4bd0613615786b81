package org.topograd.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.topograd.grading.Check;
import org.topograd.grading.Points;

/**
 * What {@link IndexPage} shows of a class, counted from the summary's rows and the scorecards: the
 * score distribution, the pass rates per spec and per check, and the diagnosed bugs by how many
 * students have them. Numbers only; the page decides how they look.
 *
 * @param students the summary's rows, by student
 * @param bins how many students scored in each tenth of the range (0-9%, ..., 90-100%)
 * @param specs one per spec, in the summary's column order
 * @param checks one per check, in {@link Check}'s order
 * @param bugs the diagnosed bugs, the most common first (then by name)
 */
record IndexStatistics(List<Summary.Row> students, List<Integer> bins, List<SpecRate> specs, List<PassRate> checks,
        List<Bug> bugs) {
    static final int BINS = 10;

    /** How many of a spec's or check's rows passed, over every scorecard. */
    record PassRate(String name, long passed, long total) {
        String percent() {
            return Points.percent(passed, total);
        }
    }

    /**
     * A spec's pass rate and its scores.
     *
     * @param worth what the spec is worth (the most any scorecard gives it), in hundredths
     * @param mean the students' mean score on it, in hundredths (0 without students)
     * @param full how many students have all of {@code worth}
     */
    record SpecRate(PassRate rate, long worth, long mean, long full) {}

    /** A diagnosed bug and the students who have it, by name. */
    record Bug(String name, List<String> students) {}

    /** Passed and total rows of one spec or check while counting; for a spec, what it is worth. */
    private static final class Tally {
        long passed;
        long total;
        long worth;
    }

    /** @param scorecard where each student's scorecard is */
    static IndexStatistics of(List<String> specIds, List<Summary.Row> rows, Function<String, Path> scorecard)
            throws IOException {
        List<Summary.Row> sorted = rows.stream().sorted(Comparator.comparing(Summary.Row::student)).toList();
        Map<String, Tally> bySpec = new LinkedHashMap<>();
        specIds.forEach(id -> bySpec.put(id, new Tally()));
        Map<String, Tally> byCheck = new LinkedHashMap<>();
        for (Check check : Check.values()) {
            byCheck.put(check.reportName(), new Tally());
        }
        for (Summary.Row row : sorted) {
            Map<String, Long> worth = tally(scorecard.apply(row.student()), bySpec, byCheck);
            worth.forEach((spec, max) -> bySpec.get(spec).worth = Math.max(bySpec.get(spec).worth, max));
        }
        List<SpecRate> specs = new ArrayList<>();
        int column = 0;
        for (Map.Entry<String, Tally> e : bySpec.entrySet()) {
            int k = column++;
            Tally t = e.getValue();
            long sum = sorted.stream().mapToLong(r -> score(r, k)).sum();
            long full = sorted.stream().filter(r -> t.worth > 0 && score(r, k) == t.worth).count();
            specs.add(new SpecRate(new PassRate(e.getKey(), t.passed, t.total), t.worth,
                    sorted.isEmpty() ? 0 : sum / sorted.size(), full));
        }
        List<PassRate> checks = new ArrayList<>();
        byCheck.forEach((check, t) -> checks.add(new PassRate(check, t.passed, t.total)));
        return new IndexStatistics(sorted, bins(sorted), specs, checks, bugs(sorted));
    }

    /** Counts a scorecard's rows into the tallies; what each spec is worth on it. */
    private static Map<String, Long> tally(Path file, Map<String, Tally> bySpec, Map<String, Tally> byCheck)
            throws IOException {
        Map<String, Long> worth = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return worth;
        }
        for (Scorecard.Row r : Scorecard.read(file)) {
            if (r.note()) {
                continue; // a note about the whole submission, worth nothing
            }
            if (bySpec.containsKey(r.spec())) {
                worth.merge(r.spec(), r.maxHundredths(), Long::sum);
            }
            for (Tally t : new Tally[] {bySpec.get(r.spec()), byCheck.get(r.check())}) {
                if (t != null) {
                    t.total++;
                    t.passed += r.passed() ? 1 : 0;
                }
            }
        }
        return worth;
    }

    private static long score(Summary.Row r, int k) {
        return k < r.specScores().size() ? r.specScores().get(k) : 0;
    }

    private static List<Integer> bins(List<Summary.Row> rows) {
        int[] counts = new int[BINS];
        for (Summary.Row r : rows) {
            double percent = r.max() == 0 ? 0 : 100.0 * r.score() / r.max();
            counts[Math.min(BINS - 1, (int) Math.floor(percent / (100.0 / BINS)))]++;
        }
        return Arrays.stream(counts).boxed().toList();
    }

    private static List<Bug> bugs(List<Summary.Row> rows) {
        Map<String, List<String>> students = new TreeMap<>();
        for (Summary.Row r : rows) {
            for (String bug : r.bugs().split(";")) {
                if (!bug.isBlank()) {
                    students.computeIfAbsent(bug, b -> new ArrayList<>()).add(r.student());
                }
            }
        }
        List<Bug> common = new ArrayList<>();
        students.forEach((bug, who) -> common.add(new Bug(bug, List.copyOf(who))));
        common.sort(Comparator.<Bug>comparingInt(b -> -b.students().size()).thenComparing(Bug::name));
        return List.copyOf(common);
    }
}
