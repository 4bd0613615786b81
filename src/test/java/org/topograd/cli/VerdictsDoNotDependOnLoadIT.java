package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.topograd.ReportFiles;
import org.topograd.kit.ChildProcess;

/**
 * A grade must not depend on what else the machine is doing. The bundled class (whose
 * {@code recursive-backprop} runs into CPU limits and whose broken submissions fail in every way)
 * is graded while twice as many busy threads as cores saturate the machine; its summary,
 * scorecards and pages must be byte for byte those of a quiet machine (the reviewed copies under
 * {@code src/test/resources/golden}, which {@code BundledClassTest} holds a quiet run to). At the
 * same time, three of its students (the one that runs into CPU limits among them) are graded twice
 * at once, in separate processes and folders, as two instructors (or two CI jobs) would: their
 * scorecards and summary rows must be the reviewed ones, and the two runs' reports but the logs
 * (which hold timings) the same bytes.
 */
@Execution(ExecutionMode.CONCURRENT)
class VerdictsDoNotDependOnLoadIT {
    @TempDir
    static Path root;
    static final Path GOLDEN = BundledClassTest.GOLDEN;

    /** The students graded twice at once: one that passes, one that fails checks, one that runs into CPU limits. */
    static final List<String> TWICE = List.of("correct", "recursive-backprop", "sub-sign-error");

    @Test
    void aSaturatedMachineGivesTheSameReports() throws IOException {
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread spinner = new Thread(() -> {
                long x = 0;
                while (busy.get()) {
                    x++;
                }
                if (x == 42) {
                    System.out.print(""); // keeps the loop from being optimised away
                }
            }, "busy-" + i);
            spinner.setDaemon(true);
            spinner.start();
            spinners.add(spinner);
        }
        Map<String, String> loaded;
        try {
            loaded = grade(root.resolve("loaded"));
        } finally {
            busy.set(false);
        }
        assertSameReports("under load", loaded);
    }

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

    private static void assertSameReports(String how, Map<String, String> reports) throws IOException {
        List<String> reviewed = reports.keySet().stream().filter(f -> BundledClassTest.reviewed(Path.of(f))).toList();
        assertEquals(BundledClassTest.goldenReports().stream().map(Path::toString).toList(), reviewed,
                how + ": the summary, scorecards and pages written");
        for (String file : reviewed) {
            assertEquals(BundledClassTest.sandboxFree(Files.readString(GOLDEN.resolve(file))),
                    BundledClassTest.sandboxFree(reports.get(file)), how + ": " + file);
        }
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

    /** {@code ./topograd grade} on the bundled specs and submissions, into {@code reports}. */
    private static Map<String, String> grade(Path reports) throws IOException {
        StringWriter out = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(out), "grade", "--reports", reports.toString());
        assertEquals(0, status, out.toString());
        return ReportFiles.withoutLogs(reports);
    }

}
