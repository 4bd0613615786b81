package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.topograd.Folders;
import org.topograd.ReportFiles;
import org.topograd.kit.ChildProcess;

/**
 * {@code grade} stopped halfway, as an instructor's Ctrl-C or a scheduler's SIGTERM would, and killed
 * outright: every student is then either finished (their scorecard exactly what a whole run gives)
 * or pending (graded by the next run), never falsely finished; the run's work folder is gone (after
 * SIGKILL, the next run removes it); and the next plain {@code grade} ends with the reports of a whole run.
 */
// The SIGTERM and the SIGKILL runs overlap, each in its own folders: both mostly wait on b-blocks.
@Execution(ExecutionMode.CONCURRENT)
class StoppingAGradeIT {
    static final Path FIXTURES = Path.of("src/test/resources/hostile");

    @TempDir
    static Path root;

    static Path specs;
    static Path submissions;
    /**
     * The reports of a whole run, graded beside the stopped ones: each run mostly waits on b-blocks, and
     * the tests need the whole run's reports only to compare with at their end.
     */
    static CompletableFuture<Map<String, String>> whole;

    @BeforeAll
    static void aClassWithASlowStudent() throws Exception {
        specs = root.resolve("specs");
        Folders.copyTree(FIXTURES.resolve("specs"), specs);
        Files.delete(specs.resolve("long-chain.yaml")); // only the attacks on the channel need it
        // Half a second of CPU time a check: the blocked student is given up on after 1.5 s a check.
        Files.writeString(specs.resolve("assignment.yaml"), "limits: {case_cpu_seconds: 0.5, submission_seconds: 60}\n");
        submissions = root.resolve("submissions");
        for (String id : List.of("a-first", "c-third", "d-fourth")) {
            Folders.copyTree(FIXTURES.resolve("base"), submissions.resolve(id));
        }
        // Each of its checks blocks until topograd gives up on it: grading it takes seconds.
        Folders.copyTree(FIXTURES.resolve("base"), submissions.resolve("b-blocks"));
        Folders.copyTree(FIXTURES.resolve("attacks/blocks-forever"), submissions.resolve("b-blocks"));
        Path reports = root.resolve("whole");
        Running run = grade(reports, Files.createDirectories(root.resolve("work-whole")));
        whole = CompletableFuture.supplyAsync(() -> {
            try {
                ChildProcess.Result done = run.waitFor();
                assertEquals(0, done.status(), done.out() + done.err());
                return ReportFiles.withoutLogs(reports);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** The whole run's reports, once it has ended. */
    private static Map<String, String> whole() {
        return whole.join();
    }

    @Test
    void sigtermLeavesEveryStudentFinishedOrPendingAndNoWorkFolder() throws Exception {
        Path reports = root.resolve("stopped");
        Path work = Files.createDirectories(root.resolve("work-stopped"));
        Running run = grade(reports, work);
        run.awaitFile(reports.resolve(".state/a-first.properties"));
        run.process().destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM's shutdown hooks run
        ChildProcess.Result stopped = run.waitFor();
        assertTrue(stopped.status() != 0, "stopped halfway, it cannot have finished: " + stopped.out());
        assertEquals(List.of(), list(work), "the run's work folder is removed");

        Map<String, String> now = ReportFiles.withoutLogs(reports);
        List<String> finished = new ArrayList<>();
        for (String student : List.of("a-first", "b-blocks", "c-third", "d-fourth")) { // the order graded in
            String key = key(reports, student);
            if (!key.isEmpty()) {
                finished.add(student);
                assertEquals(whole().get("scorecards/" + student + ".csv"), now.get("scorecards/" + student + ".csv"),
                        student + " is recorded as finished, so its scorecard must be the whole run's");
            }
        }
        List<String> inOrder = List.of("a-first", "b-blocks", "c-third", "d-fourth");
        assertTrue(!finished.isEmpty(), "a-first was recorded before the stop");
        assertEquals(inOrder.subList(0, finished.size()), finished, "graded one at a time, in order");
        List<String> summarised = Files.readAllLines(reports.resolve("summary.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        assertEquals(finished, summarised, "the summary was rewritten for exactly the finished students");

        ChildProcess.Result again = grade(reports, work).waitFor();
        assertEquals(0, again.status(), again.out() + again.err());
        assertEquals(whole(), ReportFiles.withoutLogs(reports), "the next grade finishes the pending students");
        assertEquals(List.of(), list(work));
    }

    @Test
    void afterSigkillTheNextRunRemovesTheWorkFolderAndFinishesTheClass() throws Exception {
        Path reports = root.resolve("killed");
        Path work = Files.createDirectories(root.resolve("work-killed"));
        Running run = grade(reports, work);
        run.awaitFile(reports.resolve(".state/a-first.properties"));
        run.process().destroyForcibly(); // SIGKILL: nothing of topograd's runs any more
        run.waitFor();
        List<Path> left = list(work);
        assertEquals(1, left.size(), "a killed run cannot remove its work folder: " + left);

        ChildProcess.Result again = grade(reports, work).waitFor();
        assertEquals(0, again.status(), again.out() + again.err());
        assertEquals(List.of(), list(work), "the next run removed the folder of the run that is gone");
        assertEquals(whole(), ReportFiles.withoutLogs(reports));
    }

    /** {@code grade} of the class into {@code reports}, one submission at a time, in a child JVM. */
    private static Running grade(Path reports, Path work) throws IOException {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(ChildProcess.javaJarCommand(ChildProcess.JAR, "grade", "--specs",
                specs.toString(), "--submissions", submissions.toString(), "--reports", reports.toString(), "-j", "1"))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("TOPOGRAD_WORK", work.toString());
        return new Running(builder.start(), out, err);
    }

    private record Running(Process process, Path out, Path err) {
        void awaitFile(Path file) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(file)) {
                assertTrue(process.isAlive(), "the grade ended before " + file + " was written");
                assertTrue(System.nanoTime() < deadline, file + " was never written");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }

        ChildProcess.Result waitFor() throws IOException, InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("still running after 5 minutes");
            }
            return new ChildProcess.Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    private static String key(Path reports, String student) throws IOException {
        Path state = reports.resolve(".state/" + student + ".properties");
        if (!Files.exists(state)) {
            return "";
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(state)));
        return p.getProperty("key", "");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

}
