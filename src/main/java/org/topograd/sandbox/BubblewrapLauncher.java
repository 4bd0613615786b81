package org.topograd.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A worker inside bubblewrap: every namespace unshared (so no network), uid and gid 65534, a
 * cleared environment, its own session, killed with its parent, and a filesystem of read-only
 * mounts of exactly what it needs (the system libraries and JDK, topograd's worker classes, the
 * submission's classes), a read-only /dev, plus a small tmpfs for /tmp. Specs, reports, other submissions
 * and the user's home
 * do not exist inside.
 */
final class BubblewrapLauncher implements Launcher {
    static final String CLASSES_MOUNT = "/submission/classes";
    static final long TMP_BYTES = 16L << 20;

    private final Path bwrap;
    private final Optional<Cgroups> cgroups;

    BubblewrapLauncher(Path bwrap, Optional<Cgroups> cgroups) {
        this.bwrap = bwrap;
        this.cgroups = cgroups;
    }

    @Override
    public Optional<Cgroups> cgroups() {
        return cgroups;
    }

    /** bwrap on the PATH, if it can really start a sandbox here (user namespaces may be disabled). */
    public static Optional<BubblewrapLauncher> find(Optional<Cgroups> cgroups) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "bwrap");
            if (Files.isExecutable(candidate) && works(candidate)) {
                return Optional.of(new BubblewrapLauncher(candidate, cgroups));
            }
        }
        return Optional.empty();
    }

    private static boolean works(Path bwrap) {
        List<String> probe = new ArrayList<>(List.of(bwrap.toString()));
        probe.addAll(isolation());
        probe.addAll(systemMounts());
        probe.add("true");
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public SandboxLevel level() {
        return SandboxLevel.BWRAP;
    }

    @Override
    public List<String> command(Path studentClasses, WorkerRuntime runtime, Limits limits, Path scratch) {
        List<String> command = new ArrayList<>();
        command.add(bwrap.toString());
        command.addAll(isolation());
        command.addAll(systemMounts());
        Path javaHome = Launcher.java().getParent().getParent().toAbsolutePath();
        if (!javaHome.startsWith("/usr")) {
            command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        }
        for (String file : jdkFilesElsewhere()) {
            command.addAll(List.of("--ro-bind", file, file));
        }
        // The worker jar and its archive at their own paths: class data sharing checks the class path.
        String jar = runtime.workerJar().toString();
        command.addAll(List.of("--ro-bind", jar, jar));
        Optional<Path> archive = runtime.archive();
        archive.ifPresent(a -> command.addAll(List.of("--ro-bind", a.toString(), a.toString())));
        command.addAll(List.of("--ro-bind", studentClasses.toAbsolutePath().toString(), CLASSES_MOUNT));
        // The root bubblewrap builds is a tmpfs; once everything is mounted it becomes read-only, so
        // the only place the worker can write is its size-limited /tmp.
        command.addAll(List.of("--remount-ro", "/", "--chdir", "/tmp", "--"));
        command.add(Launcher.java().toAbsolutePath().toString());
        command.addAll(Launcher.jvmOptions(limits));
        command.addAll(Launcher.workerArguments(runtime, archive, CLASSES_MOUNT, limits));
        return command;
    }

    /** Namespaces, identity, environment and lifetime. */
    private static List<String> isolation() {
        return List.of("--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--clearenv",
                "--setenv", WorkerProcess.MALLOC_ARENAS, "2",
                "--uid", "65534", "--gid", "65534", "--disable-userns", "--cap-drop", "ALL");
    }

    /** The system's programs and libraries, read-only, and fresh /proc, /dev and /tmp. */
    private static List<String> systemMounts() {
        List<String> mounts = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
        for (String dir : List.of("lib", "lib64", "lib32", "bin", "sbin")) {
            Path top = Path.of("/", dir);
            if (Files.isSymbolicLink(top)) {
                mounts.addAll(List.of("--symlink", link(top), top.toString()));
            } else if (Files.isDirectory(top)) {
                mounts.addAll(List.of("--ro-bind", top.toString(), top.toString()));
            }
        }
        // /dev holds only the usual device nodes and is read-only, with no /dev/shm to fill: bubblewrap
        // makes it a tmpfs of no size limit, and /tmp is the worker's only writable place.
        mounts.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--remount-ro", "/dev",
                "--size", Long.toString(TMP_BYTES), "--tmpfs", "/tmp"));
        return mounts;
    }

    private static List<String> jdkFiles;

    /**
     * Files the JDK reaches through symbolic links outside itself and /usr (Debian keeps its
     * java.security and jvm.cfg under /etc/java-17-openjdk): mounted one by one, read-only.
     */
    private static synchronized List<String> jdkFilesElsewhere() {
        if (jdkFiles == null) {
            Path home = Launcher.java().getParent().getParent().toAbsolutePath();
            List<String> files = new ArrayList<>();
            try (java.util.stream.Stream<Path> walk = Files.walk(home)) {
                for (Path p : walk.filter(Files::isSymbolicLink).toList()) {
                    Path target = p.toRealPath();
                    if (!target.startsWith("/usr") && !target.startsWith(home) && Files.isRegularFile(target)) {
                        files.add(target.toString());
                    }
                }
            } catch (IOException e) {
                // Without them the worker fails to start, and says why in the log.
            }
            files.sort(null);
            jdkFiles = List.copyOf(files);
        }
        return jdkFiles;
    }

    private static String link(Path symlink) {
        try {
            return Files.readSymbolicLink(symlink).toString();
        } catch (IOException e) {
            return "usr" + symlink; // merged /usr, as on every current distribution
        }
    }
}
