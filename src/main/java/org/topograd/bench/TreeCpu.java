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
 * The CPU time of this process and of every process it starts while measured. Exactly, from a
 * cgroup of its own, where cgroup v1's {@code cpuacct} can be written; otherwise its descendants are
 * read from {@code /proc} every 10 ms and each one's latest reading kept, which may miss a process's
 * last few milliseconds (the sampler's own CPU time is not counted). (The kernel's account of
 * children, {@code cutime}, loses a worker killed together with its bubblewrap, so it cannot be used.)
 * Linux only; elsewhere the total is -1.
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

    /** The cgroup v1 CPU accounting folder this process was moved into, when it could be; else null. */
    private final Path group;
    private final Path home;

    /**
     * @param self whether this process's own CPU time counts too, or only its descendants'. Counting
     *     itself, it moves into a CPU-accounting cgroup of its own where it can (cgroup v1's
     *     {@code cpuacct}, writable): every process started from then on is counted there, exactly,
     *     and nothing needs sampling.
     */
    TreeCpu(boolean self) {
        this.self = self;
        Path[] cgroup = self ? accountingGroup() : null;
        group = cgroup == null ? null : cgroup[0];
        home = cgroup == null ? null : cgroup[1];
        ownAtStart = own();
        sampler = new Thread(this::sample, "tree-cpu");
        sampler.setDaemon(true);
        if (group == null) {
            sampler.start();
        }
    }

    private static final Path CPUACCT = Path.of("/sys/fs/cgroup/cpuacct");

    /** A fresh cpuacct cgroup with this process in it, and the one it came from; null where there is none. */
    private static Path[] accountingGroup() {
        try {
            Path home = null;
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && java.util.Arrays.asList(parts[1].split(",")).contains("cpuacct")) {
                    home = CPUACCT.resolve(parts[2].substring(1));
                }
            }
            if (home == null || !Files.isWritable(CPUACCT)) {
                return null;
            }
            Path group = Files.createDirectory(home.resolve("topograd-bench-" + ProcessHandle.current().pid()));
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
            return new Path[] {group, home};
        } catch (IOException | RuntimeException e) {
            return null;
        }
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

    /** How the time is counted, for the report: exactly by a cgroup, or by sampling. */
    String method() {
        return group != null ? "counted by a cgroup" : "sampled every " + PERIOD_MILLIS + " ms";
    }

    /** Stops sampling; the CPU time of this process (the sampler's excluded) and its descendants since the start. */
    long stop() throws InterruptedException {
        running = false;
        if (group != null) {
            return leaveGroup();
        }
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

    /** The cgroup's count, once every process started in it has ended; this process back home, the cgroup gone. */
    private long leaveGroup() throws InterruptedException {
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            try {
                child.onExit().get(1, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted as far as it got
            }
        }
        long usage;
        try {
            usage = Long.parseLong(Files.readString(group.resolve("cpuacct.usage")).strip());
        } catch (IOException | NumberFormatException e) {
            usage = -1;
        }
        close();
        return usage;
    }

    @Override
    public void close() {
        running = false;
        if (group != null) {
            try {
                Files.writeString(home.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
                Files.deleteIfExists(group);
            } catch (IOException e) {
                // a cgroup left behind: empty, harmless, and named after this process
            }
        }
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
