package org.topograd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Timing child processes for the benchmarks: wall-clock time, and CPU time of every process a run
 * started (the JVMs, javac's, the workers', bubblewrap's), from the kernel's accounting of reaped
 * children or from samples of the process tree ({@link TreeCpu}).
 */
final class Processes {
    /** The kernel reports times in clock ticks of 1/100 s (USER_HZ) on every Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** No benchmark run is expected to take this long. */
    private static final long RUN_MINUTES = 10;

    private Processes() {}

    /** One run: wall-clock and CPU time (-1 where the kernel does not say), the exit status. */
    record Run(long wallNanos, long cpuNanos, int status) {}

    /**
     * CPU time of this process and of its children that have ended and been reaped, or -1 where
     * {@code /proc} cannot tell. (A process killed together with its parent, as a worker with its
     * bubblewrap, is never reaped into it: {@link TreeCpu} samples those.)
     */
    static long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces; the fields after it are counted from its ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime, stime, cutime, cstime are fields 14 to 17 of the line, 12 to 15 after the name.
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Runs a command to its end, its output discarded; the CPU time counts only what it started. */
    static Run run(List<String> command, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        long reaped = cpuNanos();
        TreeCpu tree = new TreeCpu(false);
        long begin = System.nanoTime();
        Process process = builder.start();
        long sampled;
        try {
            if (!process.waitFor(RUN_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("still running after " + RUN_MINUTES + " minutes: " + String.join(" ", command));
            }
            sampled = tree.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted");
        } finally {
            tree.close();
        }
        long wall = System.nanoTime() - begin;
        long after = cpuNanos();
        // The kernel's account of the child (exact, for a process that started none) or the samples of
        // its whole tree (which see what the kernel loses), whichever is more.
        long kernel = reaped < 0 || after < 0 ? -1 : after - reaped;
        return new Run(wall, Math.max(kernel, sampled), process.exitValue());
    }

    /** A bare JVM start, the unit the latency is counted in: {@code java -Xshare:auto -version}. */
    static List<String> bareJvm() {
        return List.of(java(), "-Xshare:auto", "-version");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The median of some numbers (the lower middle one of an even count). */
    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
