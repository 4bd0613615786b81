package org.topograd.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/** How the engine benchmarks time a piece of work: warm-up first, then repeated runs. */
final class Timing {
    private Timing() {}

    /**
     * Warms up for half of {@code minSeconds} (so the JIT has compiled the work), then times
     * repeated runs for at least {@code minSeconds} and three runs; wall-clock nanoseconds per run.
     */
    static double nanosPerRun(Runnable run, double minSeconds) {
        return perRun(run, minSeconds, System::nanoTime);
    }

    /**
     * As {@link #nanosPerRun}, counting the CPU time of the calling thread instead of the wall
     * clock: on a machine shared with other builds the wall clock counts their turns on the cores
     * too, while single-threaded work's own CPU time barely moves. Falls back to the wall clock
     * where the JVM cannot tell a thread's CPU time.
     */
    static double cpuNanosPerRun(Runnable run, double minSeconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return nanosPerRun(run, minSeconds);
        }
        if (!threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        return perRun(run, minSeconds, threads::getCurrentThreadCpuTime);
    }

    private static double perRun(Runnable run, double minSeconds, LongSupplier clock) {
        long warmupEnd = System.nanoTime() + (long) (minSeconds * 0.5e9);
        while (System.nanoTime() < warmupEnd) {
            run.run();
        }
        long runs = 0;
        long startClock = clock.getAsLong();
        long end = System.nanoTime() + (long) (minSeconds * 1e9);
        do {
            run.run();
            runs++;
        } while (System.nanoTime() < end || runs < 3);
        return (double) (clock.getAsLong() - startClock) / runs;
    }
}
