package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.ReportFiles;
import org.topograd.kit.ChildProcess;

/**
 * Two grades at once must not disturb each other: three of the bundled students (the one that runs
 * into CPU limits among them) are graded twice at once, in separate processes and folders, as two
 * instructors (or two CI jobs) would. Their scorecards and summary rows must be the reviewed ones,
 * and the two runs' reports but the logs (which hold timings) the same bytes. It runs among the other
 * end-to-end tests, which keep the machine busy as well; {@link VerdictsDoNotDependOnLoadIT}
 * saturates it on purpose.
 */
class TwoGradesAtOnceIT {
    @TempDir
    static Path root;
    static final Path GOLDEN = BundledClassTest.GOLDEN;

    /** The students graded twice at once: one that passes, one that fails checks, one that runs into CPU limits. */
    static final List<String> TWICE = List.of("correct", "recursive-backprop", "sub-sign-error");

    @Test
    void twoGradesAtOnceGiveTheSameReportsAsOneAlone() throws Exception {
        CompletableFuture<Map<String, String>> first = CompletableFuture.supplyAsync(() -> gradeInChild("first"));
        CompletableFuture<Map<String, String>> second = CompletableFuture.supplyAsync(() -> gradeInChild("second"));
        Map<String, String> one = first.get();
        Map<String, String> other = second.get();
        for (Map<String, String> reports : List.of(one, other)) {
            for (String student : TWICE) {
                for (String card : List.of("scorecards/" + student + ".csv", "scorecards/" + student + ".html")) {
                    assertEquals(BundledClassTest.sandboxFree(Files.readString(GOLDEN.resolve(card))),
                            BundledClassTest.sandboxFree(reports.get(card)), "two at once: " + card);
                }
            }
            List<String> summary = Files.readAllLines(GOLDEN.resolve("summary.csv")).stream()
                    .filter(line -> line.startsWith("student,") || TWICE.contains(line.substring(0, line.indexOf(','))))
                    .map(BundledClassTest::sandboxFree).toList();
            assertEquals(summary, reports.get("summary.csv").lines().map(BundledClassTest::sandboxFree).toList(),
                    "two at once: summary.csv");
        }
        assertEquals(one, other, "the two runs' reports");
    }

    private static Map<String, String> gradeInChild(String name) {
        Path reports = root.resolve(name);
        try {
            List<String> args = new ArrayList<>(List.of("grade", "--reports", reports.toAbsolutePath().toString(),
                    "--only"));
            args.addAll(TWICE);
            ChildProcess.Result result = ChildProcess.javaJar(ChildProcess.JAR, Path.of("."),
                    args.toArray(String[]::new));
            assertEquals(0, result.status(), result.out() + result.err());
            return ReportFiles.withoutLogs(reports);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
