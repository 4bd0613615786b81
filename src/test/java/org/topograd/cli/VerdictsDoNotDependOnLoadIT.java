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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.ReportFiles;

/**
 * A grade must not depend on what else the machine is doing. The bundled class (whose
 * {@code recursive-backprop} runs into CPU limits and whose broken submissions fail in every way)
 * is graded while twice as many busy threads as cores saturate the machine; its summary,
 * scorecards and pages must be byte for byte those of a quiet machine (the reviewed copies under
 * {@code src/test/resources/golden}, which {@code BundledClassTest} holds a quiet run to). It runs
 * alone (the pom's {@code under-its-own-load}); {@link TwoGradesAtOnceIT} is its companion among
 * the other end-to-end tests.
 */
class VerdictsDoNotDependOnLoadIT {
    @TempDir
    static Path root;
    static final Path GOLDEN = BundledClassTest.GOLDEN;

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

    private static void assertSameReports(String how, Map<String, String> reports) throws IOException {
        List<String> reviewed = reports.keySet().stream().filter(f -> BundledClassTest.reviewed(Path.of(f))).toList();
        assertEquals(BundledClassTest.goldenReports().stream().map(Path::toString).toList(), reviewed,
                how + ": the summary, scorecards and pages written");
        for (String file : reviewed) {
            assertEquals(BundledClassTest.sandboxFree(Files.readString(GOLDEN.resolve(file))),
                    BundledClassTest.sandboxFree(reports.get(file)), how + ": " + file);
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
