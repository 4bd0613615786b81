package org.topograd.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One thread's CPU time, read from {@code /proc/<pid>/task/<tid>/stat} (user plus system time, in
 * clock ticks), without the management beans, which would add tens of milliseconds to every
 * worker's start. Where /proc is missing, the whole process's CPU time stands in.
 */
abstract class ThreadCpu {
    /** USER_HZ: the unit of the times in /proc on every Linux architecture topograd runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    abstract long nanos();

    /** For the calling thread. */
    static ThreadCpu ofCurrentThread() {
        try {
            Path stat = Path.of("/proc/self/task").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()).resolve("stat");
            if (Files.isReadable(stat)) {
                return new ThreadCpu() {
                    @Override
                    long nanos() {
                        return ticks(stat) * NANOS_PER_TICK;
                    }
                };
            }
        } catch (IOException | RuntimeException e) {
            // Fall back to the process below.
        }
        return new ThreadCpu() {
            @Override
            long nanos() {
                java.util.Optional<java.time.Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
                return cpu.isPresent() ? cpu.get().toNanos() : 0;
            }
        };
    }

    /** utime + stime: fields 14 and 15, counted after the command name, which may hold spaces. */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
