package org.topograd.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.topograd.worker.Frames;

/**
 * One running worker JVM: frames in and out, its stderr kept (capped), and a kill that takes
 * every process it started with it.
 */
final class WorkerProcess implements AutoCloseable {
    /** What the reader thread saw on the worker's stdout. */
    sealed interface Event {
        record Received(Frames.Frame frame) implements Event {}

        record Ended() implements Event {}

        /**
         * @param text what was on the channel instead of a frame, as far as it had arrived (the
         *     JVM itself prints "Terminating due to java.lang.OutOfMemoryError" there)
         */
        record Garbled(String problem, String text) implements Event {}
    }

    private static final int STDERR_KEEP = 8 * 1024;
    static final String MALLOC_ARENAS = "MALLOC_ARENA_MAX";
    /**
     * Frames read ahead of the parent: a worker that floods its channel is held back (its writes
     * block) instead of filling the parent's memory.
     */
    static final int QUEUE = 2;
    /** A frame's bytes beyond its payload: magic, type, length and checksum. */
    static final int FRAME_OVERHEAD = 16;

    private final Process process;
    private final Cgroups.Group group;
    private final Runnable reaping;
    private final OutputStream requests;
    private final int maxFrameBytes;
    /** Bytes of frames read from the channel so far (for the test that floods it). */
    private final java.util.concurrent.atomic.AtomicLong channelBytes = new java.util.concurrent.atomic.AtomicLong();
    private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(QUEUE);
    private final StringBuilder stderr = new StringBuilder();
    private final Thread frameReader;
    private final Thread stderrReader;
    /** Writes requests, so that the parent never blocks on a worker that stops reading. */
    private final ExecutorService writer;

    private WorkerProcess(Process process, Cgroups.Group group, int maxFrameBytes) {
        this.process = process;
        this.group = group;
        this.maxFrameBytes = maxFrameBytes;
        this.reaping = Reaper.register(this::kill);
        this.requests = process.getOutputStream();
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "worker-requests-" + process.pid());
            t.setDaemon(true);
            return t;
        });
        frameReader = new Thread(this::readFrames, "worker-frames-" + process.pid());
        frameReader.setDaemon(true);
        frameReader.start();
        stderrReader = new Thread(this::readStderr, "worker-stderr-" + process.pid());
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /**
     * Starts a worker; with a cgroup, a shell first moves itself into the group and then execs the
     * command, so that every process of the worker is born inside it, with no moment outside.
     */
    static WorkerProcess start(List<String> command, Path directory, Cgroups.Group group, int maxFrameBytes)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (group != null) {
            full.addAll(List.of("/bin/sh", "-c", "for f in $TOPOGRAD_CGROUPS; do echo $$ > \"$f\" || exit 125; done;"
                    + " unset TOPOGRAD_CGROUPS; exec \"$@\"", "topograd-worker"));
        }
        full.addAll(ResourceLimits.wrap(command, group != null));
        ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile());
        builder.environment().clear();
        // Two malloc arenas, not eight a core: each reserves 64 MB of address space, which counts
        // against the worker's address-space limit though the JVM barely uses malloc.
        builder.environment().put(MALLOC_ARENAS, "2");
        if (group != null) {
            builder.environment().put("TOPOGRAD_CGROUPS", group.procsFiles());
        }
        try {
            return new WorkerProcess(builder.start(), group, maxFrameBytes);
        } catch (IOException e) {
            if (group != null) {
                group.destroy();
            }
            throw e;
        }
    }

    /** Starts writing a frame to the worker; the caller decides how long to wait for it. */
    Future<?> send(int type, byte[] payload) {
        return writer.submit(() -> {
            Frames.write(requests, type, payload);
            return null;
        });
    }

    long channelBytes() {
        return channelBytes.get();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** CPU time of the process and all its descendants so far (for a start that is slow, not stuck). */
    long treeCpuNanos() {
        ProcessHandle root = process.toHandle();
        long total = cpuNanos(root);
        try (java.util.stream.Stream<ProcessHandle> descendants = root.descendants()) {
            for (ProcessHandle p : descendants.toList()) {
                total += cpuNanos(p);
            }
        }
        return total;
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** The next event, or null if none came within {@code millis}. */
    Event next(long millis) throws InterruptedException {
        return events.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    /** The exit status once the process has ended (waits briefly for it), or null. */
    Integer exitStatus() throws InterruptedException {
        return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** The end of what the JVM itself printed to stderr (student output never goes there). */
    String stderr() throws InterruptedException {
        stderrReader.join(2_000);
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    private void readFrames() {
        InputStream in = process.getInputStream();
        try {
            Event last;
            try {
                while (true) {
                    Frames.Frame frame = Frames.read(in, maxFrameBytes);
                    if (frame == null) {
                        last = new Event.Ended();
                        break;
                    }
                    channelBytes.addAndGet(frame.payload().length + FRAME_OVERHEAD);
                    events.put(new Event.Received(frame));
                }
            } catch (Frames.MalformedFrameException e) {
                last = new Event.Garbled(e.getMessage(), garbage(e.seen(), in));
            } catch (IOException e) {
                last = new Event.Ended();
            }
            events.put(last);
        } catch (InterruptedException e) {
            // Closed: nobody is listening any more.
        }
    }

    /** The bytes that broke the frame and whatever has already arrived after them (without waiting). */
    private static String garbage(byte[] seen, InputStream in) {
        StringBuilder text = new StringBuilder(new String(seen, StandardCharsets.UTF_8));
        try {
            int available = Math.min(in.available(), 4096);
            if (available > 0) {
                text.append(new String(in.readNBytes(available), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // What was read is enough.
        }
        return text.toString();
    }

    private void readStderr() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (stderr) {
                    stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > 2 * STDERR_KEEP) {
                        stderr.delete(0, stderr.length() - STDERR_KEEP);
                    }
                }
            }
        } catch (IOException e) {
            // The process is gone; what was read is kept.
        }
    }

    /** Kills the worker and everything it started, and waits for it to be gone. */
    @Override
    public void close() {
        kill();
        frameReader.interrupt(); // it may wait to hand over a frame nobody will take
        writer.shutdownNow();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (group != null) {
            group.destroy(); // also whatever left the process tree (setsid, double fork)
        }
        Reaper.unregister(reaping);
    }

    private void kill() {
        Reaper.killTree(process.toHandle());
    }
}
