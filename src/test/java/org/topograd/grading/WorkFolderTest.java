package org.topograd.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's work folder is removed by a later run only once its own run is gone, and never while it
 * works: not even when another run in the same JVM has looked at it (which, done carelessly, lets go
 * of the lock that tells other processes the folder is in use).
 */
class WorkFolderTest {
    @TempDir
    Path root;

    /** Whether another process can take the lock on {@code lockFile}: a small program run by java's source launcher. */
    private String seenFromAnotherProcess(Path lockFile) throws Exception {
        Path probe = Files.writeString(root.resolve("Probe.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                class Probe {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                            System.out.print(channel.tryLock() == null ? "held" : "free");
                        }
                    }
                }
                """);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                probe.toString(), lockFile.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the probe never ended");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    void aSecondRunInTheSameJvmLeavesTheFirstsFolderLockedForOtherProcesses() throws Exception {
        Path work = root.resolve("work");
        try (WorkFolder first = WorkFolder.create(work); WorkFolder second = WorkFolder.create(work)) {
            WorkFolder.removeAbandoned(work); // as a third run of this JVM would, with both folders in use
            assertTrue(Files.isDirectory(first.dir()) && Files.isDirectory(second.dir()));
            assertEquals("held", seenFromAnotherProcess(first.dir().resolve(".lock")),
                    "another process would take the first run's folder for abandoned and delete it under the run");
        }
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "each run removes its folder when it ends");
        }
    }

    /**
     * A stopped run removes its folder twice, in two threads: the stop's removal and the run's own.
     * Each removal must succeed, and the later one remove what was written after the earlier one
     * (here: a file a grading thread still wrote).
     */
    @Test
    void aStoppedRunRemovesItsFolderTwiceAndTheSecondTakesWhatCameLate() throws Exception {
        Path work = root.resolve("work");
        WorkFolder folder = WorkFolder.create(work);
        Files.writeString(folder.dir().resolve("sources.txt"), "copied before the stop");
        folder.close();
        Files.createDirectories(folder.dir().resolve("late"));
        Files.writeString(folder.dir().resolve("late/classes.bin"), "written after the first removal");
        folder.close();
        assertFalse(Files.exists(folder.dir()));
        WorkFolder twice = WorkFolder.create(work);
        Files.writeString(twice.dir().resolve("sources.txt"), "copied before the stop");
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try {
                twice.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        twice.close();
        other.join();
        assertFalse(Files.exists(twice.dir()));
    }

    @Test
    void theFolderOfARunThatEndedWithoutRemovingItIsRemovedByTheNext() throws Exception {
        Path work = root.resolve("work");
        Path gone = Files.createDirectories(work.resolve(WorkFolder.PREFIX + "killed"));
        Files.writeString(gone.resolve(".lock"), "");
        Files.writeString(gone.resolve("classes.bin"), "left by a run that was killed");
        try (WorkFolder next = WorkFolder.create(work)) {
            assertFalse(Files.exists(gone), "no process holds its lock");
            assertTrue(Files.isDirectory(next.dir()));
        }
    }
}
