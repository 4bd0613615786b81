package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parent's side of a worker's channel against a worker that misbehaves: one that floods it
 * cannot make the parent hold more than a few frames, and one that stops reading cannot make the
 * parent wait for ever to write.
 */
class WorkerChannelTest {
    @TempDir
    Path dir;

    /**
     * The bound on what a flooding worker makes the parent hold: the frames read ahead, and the one
     * being handed over. Measured when the flooder is blocked writing (the parent has stopped
     * reading); the kernel tells by the thread's wait channel.
     */
    @Test
    void aFloodingWorkerCannotMakeTheParentHoldMoreThanAFewFrames() throws Exception {
        int frame = 1 << 20;
        WorkerProcess flood = WorkerProcess.start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                FloodingWorker.class.getName(), Integer.toString(frame)), dir, null, frame);
        try {
            long pid = flood.handle().pid();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!blockedWritingAPipe(pid)) {
                assumeTrue(waitChannelsReadable(),
                        "the kernel does not tell what a thread waits on (/proc/self/task/*/wchan)");
                assertTrue(System.nanoTime() < deadline, "the flooder never blocked: the parent kept reading");
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
            }
            long held = flood.channelBytes();
            long bound = (WorkerProcess.QUEUE + 1L) * (frame + WorkerProcess.FRAME_OVERHEAD);
            assertTrue(held <= bound, "the parent read " + held + " bytes of a flood; at most " + bound + " allowed");
        } finally {
            flood.close();
        }
    }

    @Test
    void aWorkerThatStopsReadingCannotBlockTheParent() throws Exception {
        WorkerProcess deaf = WorkerProcess.start(List.of("sleep", "600"), dir, null, 1 << 20);
        try {
            Future<?> write = deaf.send(5, new byte[4 << 20]); // far more than a pipe holds
            try {
                write.get(200, TimeUnit.MILLISECONDS);
                throw new AssertionError("4 MB went into a pipe nobody reads");
            } catch (TimeoutException expected) {
                // The parent's own thread is free; the write waits on the writer's thread.
            }
            deaf.close();
            try {
                write.get(30, TimeUnit.SECONDS);
                throw new AssertionError("the write succeeded after the worker was killed");
            } catch (ExecutionException | java.util.concurrent.CancellationException ended) {
                // Killing the worker ends the write.
            }
        } finally {
            deaf.close();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean blockedWritingAPipe(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("wchan")).contains("pipe_write")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * Whether the kernel tells what a thread waits on: some thread of this JVM is always waiting
     * (and a thread that runs shows 0, so one thread of a process that is still starting says
     * nothing).
     */
    private static boolean waitChannelsReadable() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String wchan = Files.readString(task.resolve("wchan")).strip();
                if (!wchan.isEmpty() && !wchan.equals("0")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
