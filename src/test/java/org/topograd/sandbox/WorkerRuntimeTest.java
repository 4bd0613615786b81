package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.worker.Frames;
import org.topograd.worker.Messages;

class WorkerRuntimeTest {
    @TempDir
    Path root;

    @Test
    void theWorkerJarHoldsTheApiAndTheWorkerAndNothingElse() throws IOException {
        try (WorkerRuntime runtime = WorkerRuntime.create(root);
                JarFile jar = new JarFile(runtime.workerJar().toFile());
                var api = Files.list(runtime.apiClasses().resolve("org/topograd"))) {
            List<String> packages = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.lastIndexOf('/'))).distinct().sorted().toList();
            assertEquals(List.of("org/topograd/api", "org/topograd/api/tensor", "org/topograd/worker"), packages);
            assertEquals(List.of("api"), api.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Starts a worker as grading does, with stdin closed, and returns what it wrote to stderr. */
    private static String startWorker(WorkerRuntime runtime, Path scratch, String... extra) throws Exception {
        List<String> command = new ArrayList<>(Launcher.detect().command(Files.createDirectories(scratch.resolve("c")),
                runtime, Limits.DEFAULT, scratch));
        command.addAll(command.indexOf("-cp"), List.of(extra));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Frames.Frame first = Frames.read(p.getInputStream());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertEquals(Messages.READY, first.type(), "a clean channel, whatever the JVM said: " + err);
        return err;
    }

    @Test
    void closingStopsTheDumpSoTheFolderCanBeDeleted() throws IOException {
        WorkerRuntime runtime = WorkerRuntime.create(root.resolve("runtime"));
        runtime.dumpArchive();
        runtime.close();
        org.topograd.Folders.deleteTree(root.resolve("runtime"));
        assertTrue(Files.notExists(root.resolve("runtime")));
    }

    @Test
    void workersMapTheirClassesFromTheArchive() throws Exception {
        WorkerRuntime runtime = WorkerRuntime.create(root);
        runtime.dumpArchive();
        Optional<Path> archive = runtime.awaitArchive();
        assertTrue(archive.isPresent(), "the JDK can dump an archive here");
        String log = startWorker(runtime, root, "-Xlog:class+load=info:stderr");
        assertTrue(log.contains("org.topograd.worker.WorkerMain source: shared objects file"), log);
    }

    @Test
    void aDamagedArchiveIsIgnoredAndTheChannelStaysClean() throws Exception {
        WorkerRuntime runtime = WorkerRuntime.create(root);
        runtime.dumpArchive();
        Path archive = runtime.awaitArchive().orElseThrow();
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[] {1, 2, 3, 4});
        String err = startWorker(runtime, root);
        assertTrue(err.isEmpty() || err.contains("cds"), err);
    }
}
