package org.topograd.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating system's resource limits on a worker (set with util-linux's {@code prlimit}, which
 * then runs the worker): always no core dumps and no file larger than the worker's {@code /tmp};
 * without cgroups, also what cgroups would otherwise bound: address space (the JVM's own limits do
 * not bound memory that student code takes natively) and processes.
 *
 * <p>The process limit counts every process and thread of the user running topograd (inside
 * bubblewrap too: its user namespace maps to that user), so it is set to what the user has when
 * topograd starts plus a margin; the kernel does not apply it to root at all.
 */
final class ResourceLimits {
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    /** Address space a worker may reserve without cgroups: the JVM reserves about 2 GB it never uses. */
    static final long ADDRESS_SPACE_BYTES = 4L << 30;
    /** Processes and threads the worker may add to the user's, without cgroups. */
    static final int MORE_TASKS = 1024;

    private static volatile Long userTasks;

    private ResourceLimits() {}

    /** The command that runs {@code command} under the limits, or {@code command} where prlimit is missing. */
    static List<String> wrap(List<String> command, boolean cgroups) {
        if (!Files.isExecutable(PRLIMIT)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(PRLIMIT.toString(),
                "--core=0", "--fsize=" + BubblewrapLauncher.TMP_BYTES));
        if (!cgroups) {
            wrapped.add("--as=" + ADDRESS_SPACE_BYTES);
            wrapped.add("--nproc=" + (tasksOfThisUser() + MORE_TASKS));
        }
        wrapped.add("--");
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether workers get these limits here (for the README's account and the notices). */
    static boolean available() {
        return Files.isExecutable(PRLIMIT);
    }

    /** Processes and threads of the user running topograd, counted once: what /proc says at the first worker. */
    private static long tasksOfThisUser() {
        Long counted = userTasks;
        if (counted == null) {
            counted = count();
            userTasks = counted;
        }
        return counted;
    }

    private static long count() {
        String uid = ownUid();
        long tasks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String owner = null;
                    long threads = 0;
                    for (String line : Files.readAllLines(process.resolve("status"))) {
                        if (line.startsWith("Uid:")) {
                            owner = line.substring(4).strip().split("\\s+")[0];
                        } else if (line.startsWith("Threads:")) {
                            threads = Long.parseLong(line.substring(8).strip());
                        }
                    }
                    if (uid.equals(owner)) {
                        tasks += threads;
                    }
                } catch (IOException | RuntimeException e) {
                    // The process ended while we looked.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return tasks;
    }

    private static String ownUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.substring(4).strip().split("\\s+")[0];
                }
            }
        } catch (IOException e) {
            // Below.
        }
        return "";
    }
}
