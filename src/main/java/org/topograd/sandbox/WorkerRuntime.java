package org.topograd.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.topograd.api.Node;
import org.topograd.worker.WorkerMain;

/**
 * The class folders a worker and a student compile see, copied out of topograd's own classes (a
 * jar or a build folder): {@code api/} holds only the student API, the compile class path;
 * {@code worker/} holds the API and the worker, the worker's class path. Nothing else of
 * topograd's is visible to student code.
 */
public final class WorkerRuntime {
    private static final String API = "org/topograd/api/";
    private static final String WORKER = "org/topograd/worker/";

    private final Path api;
    private final Path worker;

    private WorkerRuntime(Path api, Path worker) {
        this.api = api;
        this.worker = worker;
    }

    /** Materialises the two folders under {@code root}. */
    public static WorkerRuntime create(Path root) {
        try {
            Path api = Files.createDirectories(root.resolve("api"));
            Path worker = Files.createDirectories(root.resolve("worker"));
            copyPackage(Node.class, API, api);
            copyPackage(Node.class, API, worker);
            copyPackage(WorkerMain.class, WORKER, worker);
            return new WorkerRuntime(api, worker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the worker's classes under " + root, e);
        }
    }

    /** The compile class path: the student API only. */
    public Path apiClasses() {
        return api;
    }

    /** The worker's class path: the API and the worker. */
    public Path workerClasses() {
        return worker;
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
