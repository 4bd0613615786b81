package org.topograd.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One thread's CPU time, read from {@code /proc} without the management beans, which would add tens
 * of milliseconds to every worker's start. Where /proc is missing, the whole process's CPU time
 * stands in.
 *
 * <p>The parent reads the same files for the same thread from outside the worker (see
 * {@code sandbox.WorkerClock}), so both sides agree on what a task's CPU time is.
 */
public final class ThreadCpu {
    /** The thread's folder under /proc, or null where /proc cannot be read (the process stands in). */
    private final Path dir;

    private ThreadCpu(Path dir) {
        this.dir = dir;
    }

    long nanos() {
        if (dir == null) {
            java.util.Optional<java.time.Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
            return cpu.isPresent() ? cpu.get().toNanos() : 0;
        }
        return Math.max(0, readNanos(dir));
    }

    /** The calling thread's id as this process sees it (its name under /proc/self/task), or -1. */
    public static long currentThreadId() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** For the calling thread. */
    static ThreadCpu ofCurrentThread() {
        long tid = currentThreadId();
        Path task = Path.of("/proc/self/task", Long.toString(tid));
        return new ThreadCpu(tid >= 0 && readNanos(task) >= 0 ? task : null);
    }

    /** USER_HZ: the unit of the times in /proc/.../stat on every Linux architecture topograd runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /**
     * The CPU time of the thread whose /proc folder is {@code dir}, or -1 when it cannot be read
     * (the thread has ended). {@code schedstat}'s first field counts nanoseconds exactly; where the
     * kernel has no schedstat, {@link #statNanos} stands in.
     */
    public static long readNanos(Path dir) {
        try {
            String schedstat = Files.readString(dir.resolve("schedstat"));
            int space = schedstat.indexOf(' ');
            return Long.parseLong(space < 0 ? schedstat.strip() : schedstat.substring(0, space));
        } catch (IOException | RuntimeException e) {
            return statNanos(dir);
        }
    }

    /**
     * How long the thread whose /proc folder is {@code dir} has waited for a CPU while runnable
     * (schedstat's second field), in nanoseconds; -1 where the kernel does not say.
     */
    public static long readWaitingNanos(Path dir) {
        try {
            String[] fields = Files.readString(dir.resolve("schedstat")).strip().split(" ");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * utime + stime from {@code dir/stat} (fields 14 and 15, counted after the command name, which
     * may hold spaces), in 10 ms ticks: for a process folder, the sum over all its threads, those
     * that have ended included. -1 when it cannot be read.
     */
    public static long statNanos(Path dir) {
        try {
            String line = Files.readString(dir.resolve("stat"));
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
