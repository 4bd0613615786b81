package org.topograd.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time of this process and of every process it starts while measured: its descendants are
 * read from {@code /proc} every 10 ms and each one's latest reading kept. (The kernel's own account
 * of children, {@code cutime}, loses a worker killed together with its bubblewrap, so it cannot be
 * used.) A process's last few milliseconds before it ends may be missed; the sampler's own CPU time
 * is not counted. Linux only; elsewhere the total is -1.
 */
final class TreeCpu implements AutoCloseable {
    private static final long PERIOD_MILLIS = 10;

    private final Map<Long, Long> seen = new HashMap<>();
    private final Thread sampler;
    private final boolean self;
    private final long ownAtStart;
    private volatile boolean running = true;
    private volatile long samplerNanos;
    private boolean works = Files.isReadable(Path.of("/proc/self/stat"));

    /** @param self whether this process's own CPU time counts too, or only its descendants' */
    TreeCpu(boolean self) {
        this.self = self;
        ownAtStart = own();
        sampler = new Thread(this::sample, "tree-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        while (running) {
            sampleOnce();
            try {
                TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS); // a sampling period, not a wait for another thread
            } catch (InterruptedException e) {
                break;
            }
        }
        samplerNanos = threads.getCurrentThreadCpuTime();
    }

    private void sampleOnce() {
        ProcessHandle.current().descendants().forEach(p -> {
                long cpu = cpuNanos(Path.of("/proc", Long.toString(p.pid()), "stat"), false);
                if (cpu >= 0) {
                    synchronized (seen) {
                        seen.merge(p.pid(), cpu, Math::max);
                    }
                }
            });
    }

    /** Stops sampling; the CPU time of this process (the sampler's excluded) and its descendants since the start. */
    long stop() throws InterruptedException {
        running = false;
        sampler.join();
        if (!works) {
            return -1;
        }
        long total = self ? own() - ownAtStart - samplerNanos : 0;
        synchronized (seen) {
            for (long cpu : seen.values()) {
                total += cpu;
            }
        }
        return total;
    }

    @Override
    public void close() {
        running = false;
    }

    private long own() {
        long cpu = cpuNanos(Path.of("/proc/self/stat"), false);
        if (cpu < 0) {
            works = false;
        }
        return cpu;
    }

    /** A process's utime + stime from its {@code stat} file, in nanoseconds (ticks of 1/100 s), or -1. */
    static long cpuNanos(Path stat, boolean children) {
        try {
            String text = Files.readString(stat);
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (children) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
