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
 * is graded while twice as many busy threads as cores saturate the machine and, at the same time,
 * twice at once in separate processes and folders, as two instructors (or two CI jobs) would. Its summary,
 * scorecards and pages must be byte for byte those of a quiet machine (the reviewed copies under
 * {@code src/test/resources/golden}, which {@code BundledClassTest} holds a quiet run to), and
 * every other report but the logs (which hold timings) the same in all three runs.
 */
@Execution(ExecutionMode.CONCURRENT)
class VerdictsDoNotDependOnLoadIT {
    @TempDir
    static Path root;
    static final Path GOLDEN = BundledClassTest.GOLDEN;

    /** The reports of the first run graded, to which the others' non-CSV files are compared. */
    static Map<String, String> earlier;

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
        assertSameReports("the first of two at once", first.get());
        assertSameReports("the second of two at once", second.get());
    }

    private static synchronized void assertSameReports(String how, Map<String, String> reports) throws IOException {
        List<String> reviewed = reports.keySet().stream().filter(f -> BundledClassTest.reviewed(Path.of(f))).toList();
        assertEquals(BundledClassTest.goldenReports().stream().map(Path::toString).toList(), reviewed,
                how + ": the summary, scorecards and pages written");
        for (String file : reviewed) {
            assertEquals(BundledClassTest.sandboxFree(Files.readString(GOLDEN.resolve(file))),
                    BundledClassTest.sandboxFree(reports.get(file)), how + ": " + file);
        }
        if (earlier == null) {
            earlier = reports;
            return;
        }
        assertEquals(earlier.keySet(), reports.keySet(), how + ": the files written");
        for (String file : earlier.keySet()) {
            assertEquals(earlier.get(file), reports.get(file), how + ": " + file);
        }
    }

    private static Map<String, String> gradeInChild(String name) {
        Path reports = root.resolve(name);
        try {
            ChildProcess.Result result = ChildProcess.javaJar(ChildProcess.JAR, Path.of("."), "grade", "--reports",
                    reports.toAbsolutePath().toString());
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
