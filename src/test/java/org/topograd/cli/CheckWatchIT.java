package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;
import org.topograd.kit.ChildProcess;

/**
 * {@code check --watch} as a student runs it: the built jar in its own process, a check, a save, a
 * second check, then Ctrl-C (SIGINT), which must stop it with nothing left behind: no worker, no
 * compiler, no work folder.
 */
class CheckWatchIT {
    private static final long DEADLINE_SECONDS = 180;

    @TempDir
    Path dir;

    /** The next line that starts with {@code prefix}, within the deadline; everything read goes to {@code seen}. */
    private static String awaitLine(BlockingQueue<String> lines, String prefix, List<String> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' within " + DEADLINE_SECONDS + " s:\n"
                + String.join("\n", seen));
    }

    /**
     * Whether this process ignores SIGINT ({@code SigIgn} in {@code /proc/self/status}): a child
     * inherits that, and a JVM that starts with SIGINT ignored never installs Ctrl-C's handler.
     */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> new java.math.BigInteger(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> mask.testBit(2 - 1)); // SIGINT is signal 2, bit 1
    }

    @Test
    void checksAgainOnASaveAndCtrlCStopsItWithNothingLeftBehind() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "no kill command to send Ctrl-C's signal with");
        assumeFalse(sigintIgnored(), "SIGINT is ignored here (Maven was started in the background by a shell"
                + " without job control, or under nohup), and the JVMs started from here ignore it too, as they"
                + " would ignore Ctrl-C: run Maven in the foreground to test it");
        Path project = Path.of("").toAbsolutePath();
        Path submission = dir.resolve("work");
        Folders.copyTree(project.resolve("submissions/correct"), submission);
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.copy(project.resolve("specs/sum-product.yaml"), specs.resolve("sum-product.yaml"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(ChildProcess.java().toString(), "-Djava.io.tmpdir=" + tmp,
                "-jar", project.resolve(ChildProcess.JAR).toString(), "check", submission.toString(), "--specs",
                specs.toString(), "--watch", "--no-color"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("TOPOGRAD_CACHE", ChildProcess.CACHE.toString());
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
            }
        }, "watch-output");
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        try {
            assertTrue(awaitLine(lines, "Total:", seen).contains("all checks pass"), String.join("\n", seen));
            awaitLine(lines, "Watching ", seen);

            Path arithmetic = submission.resolve("src/backprop/ops/Arithmetic.java");
            Files.writeString(arithmetic, Files.readString(arithmetic).replace("inputs().get(1).grad -= grad;",
                    "inputs().get(1).grad += grad;"));
            awaitLine(lines, "Changed: checking again", seen);
            assertTrue(awaitLine(lines, "Total:", seen).startsWith("Total: 5 / 5"), "sum-product has no subtraction");
            awaitLine(lines, "Watching ", seen);

            List<ProcessHandle> children = process.descendants().toList();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            assertTrue(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT");
            assertTrue(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "Ctrl-C stops it");
            assertEquals(130, process.exitValue(), "the status of a command stopped by Ctrl-C");
            awaitLine(lines, "Stopped watching", seen);
            for (ProcessHandle child : children) {
                child.onExit().get(DEADLINE_SECONDS, TimeUnit.SECONDS); // gone, or the wait fails
                assertFalse(child.isAlive(), "left behind: " + child.info());
            }
            try (Stream<Path> left = Files.list(tmp)) {
                List<Path> work = left.filter(p -> p.getFileName().toString().startsWith("topograd-")).toList();
                assertEquals(List.of(), work, "work folders left behind");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
