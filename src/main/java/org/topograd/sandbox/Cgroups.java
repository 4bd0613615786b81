package org.topograd.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A cgroup per worker, where the machine lets topograd make one: a limit on processes and threads
 * (a fork bomb stops at it), a limit on memory (a JVM's native memory, which -Xmx does not bound),
 * and a kill that reaches every process the worker started, even one that left its session with
 * setsid. Works with cgroup v2 and with v1's separate pids and memory hierarchies; created under
 * topograd's own cgroup, so the machine's accounting of topograd still holds.
 */
final class Cgroups {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final AtomicInteger COUNT = new AtomicInteger();
    /**
     * This JVM's pid and a random mark, in the name of every group and probe it makes: pids are
     * reused, and a group left behind by a run that was killed must not have the name of a new one.
     */
    private static final String MARK = ProcessHandle.current().pid() + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + "-";
    /** The name of a group or probe, with the pid of the process that made it. */
    private static final Pattern NAME = Pattern.compile("topograd-(?:probe-)?(\\d{1,10})-.+");
    /** How old a group of a process that is gone must be before {@link #sweep} removes it. */
    static final long LEFT_BEHIND_MILLIS = 60_000;
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    /** The cgroup directories new groups are made in: one for v2, pids and memory for v1. */
    private final List<Path> parents;
    private final boolean v2;

    private Cgroups(List<Path> parents, boolean v2) {
        this.parents = parents;
        this.v2 = v2;
    }

    /** Cgroups where topograd may create them, else empty (no limits beyond the JVM's own). */
    public static Optional<Cgroups> detect() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/cgroup"));
            List<Path> v1 = new ArrayList<>();
            for (String controller : List.of("pids", "memory")) {
                Path mount = ROOT.resolve(controller);
                String own = ownPath(lines, controller);
                if (own != null && Files.isRegularFile(mount.resolve("cgroup.procs"))) {
                    v1.add(mount.resolve(own.substring(1)));
                }
            }
            if (v1.size() == 2 && v1.stream().allMatch(Cgroups::writable)) {
                sweepOnce(v1);
                return Optional.of(new Cgroups(v1, false));
            }
            String unified = ownPath(lines, "");
            if (unified != null && Files.isRegularFile(ROOT.resolve("cgroup.controllers"))) {
                Path own = ROOT.resolve(unified.substring(1));
                String enabled = Files.readString(own.resolve("cgroup.subtree_control"));
                if (enabled.contains("pids") && enabled.contains("memory") && writable(own)) {
                    sweepOnce(List.of(own));
                    return Optional.of(new Cgroups(List.of(own), true));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No cgroups to use: the JVM's own limits still apply.
        }
        return Optional.empty();
    }

    /** Our path in the hierarchy with this controller ("" for v2's unified one), from /proc/self/cgroup. */
    private static String ownPath(List<String> lines, String controller) {
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                return parts[2];
            }
        }
        return null;
    }

    /**
     * Whether topograd may make groups in {@code dir}, tried by making one. Its name is this call's
     * own: two gradings in one JVM detect cgroups at the same time, and with one name per process
     * one of them found the other's probe, took cgroups for unusable, and ran its workers without
     * a process or memory limit (a fork bomb then ran until its CPU time was up).
     */
    private static boolean writable(Path dir) {
        Path probe = dir.resolve("topograd-probe-" + MARK + COUNT.incrementAndGet());
        try {
            Files.createDirectory(probe);
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void sweepOnce(List<Path> parents) {
        if (SWEPT.compareAndSet(false, true)) {
            parents.forEach(parent -> sweep(parent, LEFT_BEHIND_MILLIS));
        }
    }

    /**
     * Removes the empty groups (and probes) that runs of topograd which are gone left in
     * {@code parent}: a run that is killed never removes its workers' groups, and a group whose
     * last process is slow to be reaped cannot be removed when its worker ends. A group of a
     * process still alive is never touched, nor one younger than {@code minimumAgeMillis} (a
     * process in another pid namespace that shares these folders may have just made it); one
     * that still holds a process cannot be removed anyway.
     */
    static void sweep(Path parent, long minimumAgeMillis) {
        long before = System.currentTimeMillis() - minimumAgeMillis;
        try (Stream<Path> groups = Files.list(parent)) {
            for (Path group : groups.toList()) {
                Matcher name = NAME.matcher(group.getFileName().toString());
                try {
                    if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()
                            && Files.getLastModifiedTime(group).toMillis() < before) {
                        Files.deleteIfExists(group);
                    }
                } catch (IOException | RuntimeException e) {
                    // still in use, or not ours to remove: left as it is
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to sweep here
        }
    }

    /** The folders new groups are made in (the tests look there for groups left behind). */
    List<Path> parents() {
        return parents;
    }

    /** A new, empty group with the limits. */
    public Group create(Limits limits) throws IOException {
        String name = "topograd-" + MARK + COUNT.incrementAndGet();
        List<Path> dirs = new ArrayList<>();
        for (Path parent : parents) {
            Path dir = Files.createDirectory(parent.resolve(name));
            dirs.add(dir);
        }
        long memory = limits.memoryMegabytes() * 1024L * 1024L;
        for (Path dir : dirs) {
            if (v2) {
                Files.writeString(dir.resolve("pids.max"), Integer.toString(limits.processes()));
                Files.writeString(dir.resolve("memory.max"), Long.toString(memory));
                writeIfPresent(dir.resolve("memory.swap.max"), "0");
            } else if (Files.exists(dir.resolve("pids.max"))) {
                Files.writeString(dir.resolve("pids.max"), Integer.toString(limits.processes()));
            } else {
                Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(memory));
                writeIfPresent(dir.resolve("memory.memsw.limit_in_bytes"), Long.toString(memory));
            }
        }
        return new Group(dirs, v2);
    }

    private static void writeIfPresent(Path file, String value) {
        try {
            if (Files.exists(file)) {
                Files.writeString(file, value);
            }
        } catch (IOException e) {
            // Swap accounting is optional; the memory limit itself was set.
        }
    }

    public String describe() {
        return v2 ? "cgroup v2" : "cgroup v1";
    }

    /** One worker's group. */
    public static final class Group {
        private final List<Path> dirs;
        private final boolean v2;

        private Group(List<Path> dirs, boolean v2) {
            this.dirs = dirs;
            this.v2 = v2;
        }

        /** The files a process writes its pid to in order to join the group, space-separated. */
        String procsFiles() {
            return String.join(" ", dirs.stream().map(d -> d.resolve("cgroup.procs").toString()).toList());
        }

        /**
         * Kills everything in the group, waits until it is empty, and removes it. The kernel gives
         * no portable event for "empty" (killed processes linger until their new parent reaps
         * them), so the member list is polled, at a millisecond's interval, for at most five seconds.
         */
        public void destroy() {
            long deadline = System.nanoTime() + 5_000_000_000L;
            boolean killed = false;
            while (System.nanoTime() < deadline) {
                List<Long> pids = members();
                if (pids.isEmpty()) {
                    break;
                }
                if (!killed && v2 && Files.exists(dirs.get(0).resolve("cgroup.kill"))) {
                    try {
                        Files.writeString(dirs.get(0).resolve("cgroup.kill"), "1");
                    } catch (IOException e) {
                        // One signal per process below does the same.
                    }
                }
                pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                killed = true;
                LockSupport.parkNanos(1_000_000L);
            }
            for (Path dir : dirs) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // A process not yet reaped keeps it busy; an empty group left behind costs nothing.
                }
            }
        }

        private List<Long> members() {
            List<Long> pids = new ArrayList<>();
            for (Path dir : dirs) {
                try {
                    for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                        if (!line.isBlank()) {
                            pids.add(Long.parseLong(line.trim()));
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // The group is gone already.
                }
            }
            return pids;
        }
    }
}
