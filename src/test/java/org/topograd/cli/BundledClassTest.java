package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.BundledClass;

/**
 * The bundled class: every submission in {@code submissions/} graded against {@code specs/}, as
 * {@code ./topograd grade} does. Each broken submission must lose exactly the checks its bug breaks,
 * and the reports must match the reviewed copies under {@code src/test/resources/golden}
 * (regenerate with {@code -Dtopograd.golden.update=true}, then review the diff). The same run's HTML
 * report is checked by the tests it inherits, so that one grade in one JVM serves both.
 */
class BundledClassTest extends org.topograd.report.BundledClassReport {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path GRADESCOPE = GOLDEN.resolve("gradescope");
    static final Set<String> ALL_SPECS = Set.of("deep-chain", "generic-unary-exp", "generic-unary-sigmoid",
            "generic-unary-sin", "generic-unary-tanh", "interior-reuse", "logistic-loss", "multivariate-chain",
            "neuron-relu", "normalize", "power-node", "random-dag-small", "random-dag", "square", "sum-product",
            "topological-order");

    static Path reports;

    static int status;
    static String output;

    @BeforeAll
    static void gradeTheBundledClass() {
        BundledClass.Graded graded = BundledClass.graded();
        reports = graded.reports();
        status = graded.status();
        output = graded.output();
    }

    /** The (spec, check) pairs with at least one failing case, and the statuses seen. */
    static Map<String, Set<String>> failing(String student) throws IOException {
        Map<String, Set<String>> failing = new TreeMap<>();
        for (CSVRecord r : records(reports.resolve("scorecards/" + student + ".csv"))) {
            if (!r.get("spec").isEmpty() && !r.get("status").equals("pass")) {
                failing.computeIfAbsent(r.get("spec"), s -> new TreeSet<>()).add(r.get("check"));
            }
        }
        return failing;
    }

    static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv);
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .get())) {
            return parser.getRecords();
        }
    }

    static Map<String, Set<String>> each(Set<String> specs, String... checks) {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String spec : specs) {
            expected.put(spec, new TreeSet<>(List.of(checks)));
        }
        return expected;
    }

    static Set<String> without(Set<String> specs, String... removed) {
        Set<String> left = new TreeSet<>(specs);
        left.removeAll(List.of(removed));
        return left;
    }

    @Test
    void gradingCompletesAndListsEveryStudent() {
        assertEquals(ExitCodes.OK, status, output);
        for (String student : List.of("correct", "recursive-backprop", "compile-error", "missing-ops")) {
            assertTrue(output.contains(student), output);
        }
        assertTrue(output.contains("summary:"), output);
    }

    @Test
    void theCorrectSolutionGetsFullMarks() throws IOException {
        assertEquals(Map.of(), failing("correct"));
        CSVRecord row = summaryRow("correct");
        assertEquals("125", row.get("score"));
        assertEquals("125", row.get("max_score"));
        assertEquals("100", row.get("percent"));
        assertEquals("ok", row.get("status"));
    }

    @Test
    void recursionWithoutATopologicalOrderFailsWhereAnInteriorNodeIsShared() throws IOException {
        // On trees and where only inputs are shared, recursion gives the right answer.
        assertEquals(each(Set.of("interior-reuse", "topological-order", "random-dag-small", "random-dag"),
                "end_to_end", "traversal"), failing("recursive-backprop"));
    }

    @Test
    void assigningInsteadOfAccumulatingFailsWhereANodeHasTwoUses() throws IOException {
        assertEquals(each(Set.of("interior-reuse", "multivariate-chain", "normalize", "random-dag-small", "random-dag",
                "square", "topological-order"), "end_to_end", "gradient", "numerical"),
                failing("assign-instead-of-accumulate"));
    }

    @Test
    void aTraversalInForwardOrderFailsEverywhereButOneNodeDeep() throws IOException {
        assertEquals(each(without(ALL_SPECS, "square"), "end_to_end", "traversal"), failing("order-not-reversed"));
    }

    @Test
    void ignoringTheUpstreamGradientFailsTheGradientCheckEverywhere() throws IOException {
        Map<String, Set<String>> expected = each(without(ALL_SPECS, "square"), "end_to_end", "gradient", "numerical");
        expected.put("square", Set.of("gradient")); // y = x * x: the upstream gradient is 1, only seed 0 and 2 show it
        assertEquals(expected, failing("upstream-not-multiplied"));
    }

    @Test
    void aWrongPowerRuleFailsWhereThereIsAPower() throws IOException {
        assertEquals(each(Set.of("normalize", "power-node", "topological-order"), "end_to_end", "gradient",
                "numerical"), failing("power-rule-n-x-to-the-n"));
    }

    @Test
    void aSignErrorInSubFailsWhereThereIsASubtraction() throws IOException {
        assertEquals(each(Set.of("normalize", "topological-order"), "end_to_end", "gradient", "numerical"),
                failing("sub-sign-error"));
    }

    @Test
    void missingOpsCostOnlyTheSpecsThatUseThem() throws IOException {
        // It has add, mul and pow: specs made of those are graded in full; elsewhere only its traversal runs.
        assertEquals(each(without(ALL_SPECS, "interior-reuse", "power-node", "square", "sum-product"), "end_to_end",
                "forward", "gradient", "numerical"), failing("missing-ops"));
        List<CSVRecord> notes = records(reports.resolve("scorecards/missing-ops.csv")).stream()
                .filter(r -> r.get("spec").isEmpty()).toList();
        assertTrue(notes.stream().anyMatch(r -> r.get("message").equals("no class for op sub: write a class with"
                + " @Op(\"sub\") and a constructor public Name(Node a, Node b)")), notes.toString());
    }

    @Test
    void aCompileErrorIsAResultWithTheCompilersMessage() throws IOException {
        CSVRecord row = summaryRow("compile-error");
        assertEquals("compile_error", row.get("status"));
        assertEquals("0", row.get("score"));
        CSVRecord first = records(reports.resolve("scorecards/compile-error.csv")).get(0);
        assertEquals("compile", first.get("check"));
        assertTrue(first.get("message").startsWith("src/backprop/ops/Arithmetic.java:38:"), first.get("message"));
        assertTrue(first.get("message").contains("';' expected"), first.get("message"));
    }

    @Test
    void everyStudentHasTheSameMaximumAndScoresAddUp() throws IOException {
        for (CSVRecord row : records(reports.resolve("summary.csv"))) {
            assertEquals("125", row.get("max_score"), row.get("student"));
            Map<String, Long> bySpec = new HashMap<>();
            for (CSVRecord r : records(reports.resolve("scorecards/" + row.get("student") + ".csv"))) {
                bySpec.merge(r.get("spec"), hundredths(r.get("score")), Long::sum);
            }
            long total = bySpec.values().stream().mapToLong(Long::longValue).sum();
            assertEquals(hundredths(row.get("score")), total, row.get("student"));
            for (String spec : ALL_SPECS) {
                assertEquals(hundredths(row.get(spec)), bySpec.getOrDefault(spec, 0L), row.get("student") + " " + spec);
            }
        }
    }

    /** The report files kept as reviewed copies: the summary and scorecards, and the pages made from them. */
    static boolean reviewed(Path file) {
        return file.toString().endsWith(".csv") || file.toString().endsWith(".html");
    }

    /** The reviewed copies of a grade's reports, by their path in the reports folder. */
    static List<Path> goldenReports() throws IOException {
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            return walk.filter(BundledClassTest::reviewed).filter(p -> !p.startsWith(GRADESCOPE))
                    .map(GOLDEN::relativize).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void reportsMatchTheReviewedCopies() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            files = walk.filter(BundledClassTest::reviewed).map(reports::relativize).sorted()
                    .collect(Collectors.toList());
        }
        if (Boolean.getBoolean("topograd.golden.update")) {
            for (Path file : files) {
                Files.createDirectories(GOLDEN.resolve(file).getParent());
                Files.copy(reports.resolve(file), GOLDEN.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertEquals(goldenReports(), files);
        for (Path file : files) {
            assertEquals(sandboxFree(Files.readString(GOLDEN.resolve(file))),
                    sandboxFree(Files.readString(reports.resolve(file))), file.toString());
        }
    }

    /** The reports record how the code was isolated, which depends on the machine (bwrap or plain). */
    static String sandboxFree(String report) {
        return report.replaceAll("(?m),(bwrap|plain)$", ",<sandbox>").replaceAll("sandbox(:?) (bwrap|plain)",
                "sandbox$1 <sandbox>");
    }

    /**
     * Gradescope's results for one submission, as the autograder writes them, match the reviewed
     * copy: every test's name, score, visibility and words, hidden specs' messages held back. Only
     * the time it took (in whole seconds) may differ.
     */
    @Test
    void gradescopeResultsMatchTheReviewedCopy(@TempDir Path out) throws IOException {
        Path results = out.resolve("results.json");
        int status = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "grade",
                "--format", "gradescope", "--submission", "submissions/sub-sign-error", "--out", results.toString());
        assertEquals(ExitCodes.OK, status);
        Path golden = GRADESCOPE.resolve("sub-sign-error.json");
        if (Boolean.getBoolean("topograd.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.copy(results, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(timeFree(Files.readString(golden)), timeFree(Files.readString(results)));
    }

    private static String timeFree(String json) {
        return sandboxFree(json).replaceAll("\"execution_time\": *[0-9.]+", "\"execution_time\": <seconds>");
    }

    @Test
    void gradingAgainGivesByteIdenticalReports(@TempDir Path again) throws IOException {
        int second = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "grade",
                "--reports", again.toString(), "-j", "1", "--only", "correct", "order-not-reversed", "missing-ops");
        assertEquals(ExitCodes.OK, second);
        for (String student : List.of("correct", "order-not-reversed", "missing-ops")) {
            Path card = Path.of("scorecards", student + ".csv");
            assertEquals(Files.readString(reports.resolve(card)), Files.readString(again.resolve(card)), student);
        }
    }

    private static CSVRecord summaryRow(String student) throws IOException {
        return records(reports.resolve("summary.csv")).stream().filter(r -> r.get("student").equals(student))
                .findFirst().orElseThrow();
    }

    private static long hundredths(String points) {
        return new java.math.BigDecimal(points).movePointRight(2).longValueExact();
    }
}
