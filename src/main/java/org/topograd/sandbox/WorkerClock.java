package org.topograd.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.topograd.worker.Messages;
import org.topograd.worker.ThreadCpu;

/**
 * A worker's CPU time as topograd reads it from {@code /proc}, outside the worker: the thread that
 * runs student code, and the whole JVM. Student code can neither stop nor fake this clock (it can
 * reach the worker's own watchdog by reflection), and CPU time does not depend on how busy the
 * machine is, so every time limit that decides a grade is measured here.
 *
 * <p>The worker names its process and student thread by its own ids in its {@link Messages.Ready}
 * frame, before any student class is loaded; inside bubblewrap's pid namespace those differ from
 * the host's, and the {@code NSpid} line of each candidate's {@code status} file maps one to the
 * other.
 */
final class WorkerClock {
    private static final Path PROC = Path.of("/proc");

    private final Path process;
    private final Path thread;

    private WorkerClock(Path process, Path thread) {
        this.process = process;
        this.thread = thread;
    }

    /** The clock of the worker {@code root} (or one of its descendants) announced, or null if /proc cannot tell. */
    static WorkerClock find(ProcessHandle root, Messages.Ready ready) {
        if (ready.pid() < 0 || ready.studentThread() < 0) {
            return null;
        }
        List<ProcessHandle> candidates = new ArrayList<>();
        candidates.add(root);
        try (Stream<ProcessHandle> descendants = root.descendants()) {
            descendants.forEach(candidates::add);
        }
        for (ProcessHandle candidate : candidates) {
            Path process = PROC.resolve(Long.toString(candidate.pid()));
            if (innermostId(process) != ready.pid()) {
                continue;
            }
            try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    if (innermostId(task) == ready.studentThread() && ThreadCpu.readNanos(task) >= 0) {
                        return new WorkerClock(process, task);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** CPU time of the student thread so far, in nanoseconds; -1 once it cannot be read (the worker is gone). */
    long studentNanos() {
        return ThreadCpu.readNanos(thread);
    }

    /**
     * How long the student thread has waited for a CPU while it could run, in nanoseconds: it grows
     * when a busy machine holds back code that computes, never when the code is blocked. -1 where the
     * kernel does not say.
     */
    long studentWaitingNanos() {
        return ThreadCpu.readWaitingNanos(thread);
    }

    /** CPU time of the whole worker JVM, all its threads; -1 once it cannot be read. */
    long processNanos() {
        return ThreadCpu.statNanos(process);
    }

    /**
     * The id a process or thread has in the innermost pid namespace it belongs to: the last number of
     * the {@code NSpid} line (only one number without namespaces), or -1.
     */
    private static long innermostId(Path dir) {
        try {
            for (String line : Files.readAllLines(dir.resolve("status"))) {
                if (line.startsWith("NSpid:")) {
                    String[] ids = line.substring("NSpid:".length()).strip().split("\\s+");
                    return Long.parseLong(ids[ids.length - 1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone, or not Linux.
        }
        return -1;
    }
}
