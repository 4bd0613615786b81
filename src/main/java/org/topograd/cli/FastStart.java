package org.topograd.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code check} in a JVM started for it, so that {@code java -jar topograd-student.jar check}
 * is fast without the student typing JVM options. A {@code check} is a second of short bursts:
 * picocli, the kit's data, javac compiling the submission in this JVM, the worker's orchestration.
 * Two JVM options make it about twice as cheap, and a jar's manifest cannot give them:
 *
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=1}: the C1 compiler alone. C2 would spend a core compiling
 *       javac's hot methods for a run that ends before they pay off.
 *   <li>A class-data-sharing archive of every class a check loads (topograd's, the libraries', and
 *       javac's): mapped, not loaded and verified. It is dumped by the first check
 *       ({@code -XX:ArchiveClassesAtExit}), for this jar and this JDK, into the user's cache
 *       ({@code $TOPOGRAD_CACHE}, else {@code $XDG_CACHE_HOME/topograd} or {@code ~/.cache/topograd}),
 *       and used by every later one; a JVM that cannot use it simply ignores it.
 * </ul>
 *
 * This JVM then only starts that one, passes it the arguments and its standard streams, and exits
 * with its status; Ctrl-C reaches both (and a signal to this one alone is passed on), so a
 * {@code check --watch} stops as cleanly as it would run here. Where the child cannot be started,
 * or {@code TOPOGRAD_FAST_START=off}, the command runs here as it always could.
 */
final class FastStart {
    /** Set in the child, which must not start another. */
    static final String CHILD = "topograd.fastStart";
    /** How long a stopping parent waits for the child to stop. */
    private static final long STOP_SECONDS = 10;

    private FastStart() {}

    /**
     * The child's exit status, or empty when the command should run in this JVM.
     *
     * @param main the main class, whose jar the child runs
     */
    static OptionalInt run(Class<?> main, String... args) {
        if (System.getProperty(CHILD) != null || "off".equals(System.getenv("TOPOGRAD_FAST_START"))) {
            return OptionalInt.empty();
        }
        Path jar = jarOf(main);
        if (jar == null) {
            return OptionalInt.empty(); // class folders (a build, the tests): nothing to archive
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:CICompilerCount=1"); // one C1 thread: the second core is javac's and the worker's
        command.add("-Xshare:auto");
        Path archive = archive(jar);
        Path dumping = null;
        if (archive != null && Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else if (archive != null) {
            dumping = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            command.add("-XX:ArchiveClassesAtExit=" + dumping);
        }
        // What the JVM says about the archive (a mismatch after an update) is for nobody: the check's
        // output, JSON included, must stay the check's.
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.addAll(jvmOptions()); // the user's own, after ours: theirs win
        command.add("-D" + CHILD + "=1");
        command.add("-cp");
        command.add(jar.toString());
        command.add(main.getName());
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Thread stopping = new Thread(() -> stop(child), "topograd-stop-child");
        Runtime.getRuntime().addShutdownHook(stopping);
        int status;
        try {
            status = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return OptionalInt.of(ExitCodes.FAILURE);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopping);
        } catch (IllegalStateException e) {
            // this JVM is stopping (Ctrl-C): the hook is running, and the child has stopped
        }
        if (dumping != null) {
            keep(dumping, archive);
        }
        return OptionalInt.of(status);
    }

    /**
     * The JVM options this JVM was started with ({@code -Djava.io.tmpdir=...}, {@code -Xmx...}): what
     * comes before {@code -jar} or the main class on its command line, as the operating system tells
     * it (nothing where it does not).
     */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        String[] arguments = ProcessHandle.current().info().arguments().orElse(new String[0]);
        for (int i = 0; i < arguments.length; i++) {
            String a = arguments[i];
            if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")
                    || !a.startsWith("-")) {
                break;
            }
            options.add(a);
        }
        return options;
    }

    /** This JVM is stopping (Ctrl-C, or a signal to it alone): the child stops too, cleanly, first. */
    private static void stop(Process child) {
        child.destroy(); // SIGTERM: its shutdown hooks run, as for Ctrl-C
        try {
            child.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The fresh archive in its place, whole or not at all; a failed dump leaves nothing. Archives of
     * the same jar name beyond the newest {@link #KEPT} go (a rebuilt jar or an updated JDK leaves
     * its old ones unused).
     */
    private static void keep(Path dumped, Path archive) {
        try {
            if (Files.isRegularFile(dumped) && Files.size(dumped) > 0) {
                tidy(archive);
                try {
                    Files.move(dumped, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(dumped, archive, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            // no archive this time; the next check tries again
        } finally {
            try {
                Files.deleteIfExists(dumped);
            } catch (IOException e) {
                // a stray temporary file in the cache, nothing worse
            }
        }
    }

    /** Archives kept per jar name: a few kits, or a jar and its rebuilds, each keep theirs. */
    static final int KEPT = 3;

    private static void tidy(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        String prefix = name.substring(0, name.lastIndexOf('-') + 1);
        List<Path> same;
        try (java.util.stream.Stream<Path> files = Files.list(archive.getParent())) {
            same = new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".jsa") && !p.equals(archive)).toList());
        }
        same.sort(java.util.Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return java.nio.file.attribute.FileTime.fromMillis(0);
            }
        }).reversed());
        for (Path old : same.subList(Math.min(same.size(), KEPT - 1), same.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static Path jarOf(Class<?> main) {
        try {
            Path path = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Where this jar's archive for this JDK lives, or null when there is no cache to keep it in. The
     * name holds what the archive is only good for: this jar (path, size, time) and this JVM.
     */
    static Path archive(Path jar) {
        Path cache = cache();
        if (cache == null) {
            return null;
        }
        try {
            String key = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            Files.createDirectories(cache);
            return Files.isWritable(cache) ? cache.resolve(name + "-" + Long.toHexString(hash(key)) + ".jsa") : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The user's cache folder for topograd. */
    static Path cache() {
        String own = System.getenv("TOPOGRAD_CACHE");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "topograd");
        }
        String local = System.getenv("LOCALAPPDATA"); // Windows
        if (local != null && !local.isBlank()) {
            return Path.of(local, "topograd");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "topograd");
    }

    /** 64-bit FNV-1a: enough to tell apart the few archives one user ever has. */
    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
