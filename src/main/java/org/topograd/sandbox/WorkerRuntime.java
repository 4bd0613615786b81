package org.topograd.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.topograd.api.Node;
import org.topograd.api.tensor.NDArray;
import org.topograd.worker.WorkerMain;

/**
 * What a worker and a student compile see, copied out of topograd's own classes (a jar or a build
 * folder): {@code api/} holds only the student API, the compile class path; {@code worker.jar}
 * holds the API and the worker, the worker's class path. Nothing else of topograd's is visible to
 * student code.
 *
 * <p>Beside the jar, a class-data-sharing archive of the classes a worker loads (the worker's and
 * the JDK's, named in {@code worker-classes.txt}) can be dumped once per run, in the background
 * ({@link #dumpArchive()}): every worker started once it is ready maps those classes instead of
 * loading and verifying them, which saves a worker about a tenth of its CPU time. The dump itself
 * costs about as much as fifteen workers save, so a run asks for it only when it will start more.
 * Workers started before it is ready, or where the dump fails, simply start without it.
 */
public final class WorkerRuntime implements AutoCloseable {
    private static final String API = "org/topograd/api/";
    private static final String TENSOR_API = "org/topograd/api/tensor/";
    private static final String WORKER = "org/topograd/worker/";
    private static final String CLASS_LIST = "worker-classes.txt";
    private static final CompletableFuture<Optional<Path>> NO_ARCHIVE = CompletableFuture.completedFuture(
            Optional.empty());
    private final Path root;
    private final Path api;
    private final Path workerJar;
    private final Dump dumping = new Dump();
    private CompletableFuture<Optional<Path>> archive = NO_ARCHIVE;

    private WorkerRuntime(Path root, Path api, Path workerJar) {
        this.root = root;
        this.api = api;
        this.workerJar = workerJar;
    }

    /**
     * Materialises the API folder and the worker jar under {@code root}. The archive is dumped only when
     * asked for ({@link #dumpArchive()}).
     */
    public static WorkerRuntime create(Path root) {
        try {
            Path api = copyApi(Files.createDirectories(root.resolve("api")));
            Path staging = copyApi(Files.createDirectories(root.resolve("worker-classes")));
            copyPackage(WorkerMain.class, WORKER, staging);
            Path jar = root.resolve("worker.jar").toAbsolutePath();
            writeJar(staging, jar);
            return new WorkerRuntime(root, api, jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the worker's classes under " + root, e);
        }
    }

    /**
     * Copies the student API, scalar and tensor packages, into {@code folder}: the class path every
     * student compile is made against, here and ahead of a check ({@code InProcessJavac}).
     */
    public static Path copyApi(Path folder) throws IOException {
        copyPackage(Node.class, API, folder);
        copyPackage(NDArray.class, TENSOR_API, folder); // a package of its own: copyPackage is not recursive
        return folder;
    }

    /**
     * Starts the archive's dump in the background, once (later calls, and calls after closing, do
     * nothing). For a class: a single submission's check would start its one worker before the dump
     * is ready, and the dump would take a core from the compiler.
     */
    public synchronized void dumpArchive() {
        if (archive == NO_ARCHIVE) {
            archive = CompletableFuture.supplyAsync(() -> dump(root, workerJar, dumping));
        }
    }

    /** The compile class path: the student API only. */
    public Path apiClasses() {
        return api;
    }

    /** The worker's class path: the API and the worker, in one jar (class data sharing wants a jar). */
    public Path workerJar() {
        return workerJar;
    }

    /** The class-data-sharing archive, once it is ready; never waits for it. */
    public Optional<Path> archive() {
        CompletableFuture<Optional<Path>> dumped = dumped();
        return dumped.isDone() && !dumped.isCompletedExceptionally() ? dumped.join() : Optional.empty();
    }

    private synchronized CompletableFuture<Optional<Path>> dumped() {
        return archive;
    }

    /** Waits for the archive, for a caller that wants every worker to use it (tests, benchmarks). */
    public Optional<Path> awaitArchive() {
        return dumped().join();
    }

    /**
     * {@code java -Xshare:dump} with the workers' own JVM options, so that the archive is valid for
     * them. A failure leaves workers without it, nothing worse.
     */
    private static Optional<Path> dump(Path root, Path jar, Dump dumping) {
        try (InputStream in = WorkerRuntime.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return Optional.empty();
            }
            Path list = root.resolve(CLASS_LIST);
            Files.copy(in, list, StandardCopyOption.REPLACE_EXISTING);
            Path archive = root.resolve("worker.jsa").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(Launcher.java().toString()));
            command.addAll(Launcher.jvmOptions(Limits.DEFAULT));
            command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString()));
            Process p = dumping.start(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD));
            if (p == null) {
                return Optional.empty();
            }
            Runnable reaping = Reaper.register(p::destroyForcibly);
            try {
                boolean done = p.waitFor(60, TimeUnit.SECONDS);
                return done && p.exitValue() == 0 && Files.isRegularFile(archive) ? Optional.of(archive)
                        : Optional.empty();
            } finally {
                p.destroyForcibly();
                Reaper.unregister(reaping);
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Stops the archive's dump if it is still running and waits until nothing writes under the root
     * any more, so that the caller can delete it.
     */
    @Override
    public void close() {
        dumping.close();
        try {
            dumped().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // It failed, or is stuck past its own limit: its process has been killed above.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The dump's process, which closing kills and keeps from starting. */
    private static final class Dump {
        private Process process;
        private boolean closed;

        synchronized Process start(ProcessBuilder builder) throws IOException {
            if (!closed) {
                process = builder.start();
            }
            return process;
        }

        synchronized void close() {
            closed = true;
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    /** A jar of a folder's files, in name order, with fixed timestamps. */
    /**
     * The worker's jar, with fixed times so that the same classes give the same bytes. Not through
     * report's ReproducibleZip: that one writes Unix modes with Commons Compress, which the student
     * kit's jar (it holds this class) does not carry, and a jar on a class path needs no modes.
     */
    private static void writeJar(Path folder, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(folder.relativize(file).toString().replace('\\', '/'));
                entry.setLastModifiedTime(FileTime.fromMillis(0));
                out.putNextEntry(entry);
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    private static void copyPackage(Class<?> anchor, String packagePath, Path target) throws IOException {
        Path source;
        try {
            source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate topograd's classes", e);
        }
        if (Files.isDirectory(source)) {
            copyTree(source.resolve(packagePath), target.resolve(packagePath));
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(source, Map.of())) {
                copyTree(jar.getPath(packagePath), target.resolve(packagePath));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> listing = Files.list(from)) {
            files = listing.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Files.copy(in, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
