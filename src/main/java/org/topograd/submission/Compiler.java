package org.topograd.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.topograd.worker.Frames;

/**
 * Compiles submissions through a {@link CompileServer} child process, started on first use,
 * killed and replaced when a compile takes too long or the process dies. Thread-safe: compiles
 * are queued.
 */
public final class Compiler implements AutoCloseable {
    /** Together, the limits make any real submission fit and a source bomb harmless. */
    static final long MAX_SOURCE_BYTES = 2L << 20;
    static final int MAX_SOURCE_FILES = 500;
    static final int SERVER_HEAP_MEGABYTES = 768;

    private final Path apiClasses;
    private final long timeoutMillis;
    private Process server;
    private InputStream responses;
    private OutputStream requests;
    private Runnable reaping;

    /**
     * @param apiClasses the only class path submissions compile against
     * @param timeoutMillis how long one submission may take to compile
     */
    public Compiler(Path apiClasses, long timeoutMillis) {
        this.apiClasses = apiClasses;
        this.timeoutMillis = timeoutMillis;
    }

    /** Compiles a submission's sources into {@code out}, or takes its jar when it has no sources. */
    public synchronized CompileResult compile(Submission submission, Path out) throws IOException {
        long begin = System.nanoTime();
        List<Path> sources = submission.sources();
        if (sources.isEmpty()) {
            List<Path> jars = submission.jars();
            if (jars.isEmpty()) {
                return new CompileResult(CompileResult.Status.NO_SOURCES, null, List.of(),
                        "no .java files and no .jar in " + submission.dir().getFileName(), millis(begin));
            }
            return new CompileResult(CompileResult.Status.OK, jars.get(0), List.of(), null, millis(begin));
        }
        String tooLarge = tooLarge(sources);
        if (tooLarge != null) {
            return failed(tooLarge, begin);
        }
        Files.createDirectories(out);
        CompileServer.Request request = new CompileServer.Request(submission.dir().toAbsolutePath(),
                sources.stream().map(Path::toAbsolutePath).toList(), apiClasses.toAbsolutePath(),
                out.toAbsolutePath());
        CompileServer.Response response;
        try {
            response = call(request);
        } catch (TimeoutException e) {
            stop();
            return failed("compiling took longer than " + org.topograd.spec.NumberText.format(timeoutMillis / 1000.0)
                    + " s and was stopped; simplify the code (javac is not expected to take this long)", begin);
        } catch (IOException e) {
            stop();
            return failed("the compiler process failed (" + e.getMessage() + ")", begin);
        }
        if (!response.ok()) {
            return new CompileResult(CompileResult.Status.COMPILE_ERROR, null, response.diagnostics(), "compile error",
                    millis(begin));
        }
        return new CompileResult(CompileResult.Status.OK, out, response.diagnostics(), null, millis(begin));
    }

    private CompileResult failed(String problem, long begin) {
        return new CompileResult(CompileResult.Status.COMPILE_ERROR, null,
                List.of(new Diagnostic("error", "", 0, 0, problem)), problem, millis(begin));
    }

    private static String tooLarge(List<Path> sources) throws IOException {
        if (sources.size() > MAX_SOURCE_FILES) {
            return sources.size() + " source files is more than the " + MAX_SOURCE_FILES + " allowed";
        }
        long bytes = 0;
        for (Path source : sources) {
            bytes += Files.size(source);
        }
        return bytes > MAX_SOURCE_BYTES
                ? "the sources are " + bytes / 1024 + " KB, more than the " + MAX_SOURCE_BYTES / 1024 + " KB allowed"
                : null;
    }

    private CompileServer.Response call(CompileServer.Request request) throws IOException, TimeoutException {
        if (server == null || !server.isAlive()) {
            start();
        }
        Frames.write(requests, CompileServer.REQUEST, request.encode());
        InputStream in = responses;
        CompletableFuture<Frames.Frame> reply = CompletableFuture.supplyAsync(() -> {
            try {
                return Frames.read(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            Frames.Frame frame = reply.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new IOException("it ended unexpectedly");
            }
            return CompileServer.Response.decode(frame.payload());
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + SERVER_HEAP_MEGABYTES + "m", "-Xss16m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                // C1 alone: over a class of a few hundred, C2's own compiling costs more than it saves.
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-cp", ownClassPath(), CompileServer.class.getName()));
        server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process started = server;
        reaping = org.topograd.sandbox.Reaper.register(started::destroyForcibly);
        requests = server.getOutputStream();
        responses = server.getInputStream();
    }

    private static String ownClassPath() throws IOException {
        try {
            return Path.of(CompileServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate topograd's classes", e);
        }
    }

    private void stop() {
        if (server != null) {
            server.destroyForcibly();
            try {
                server.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            org.topograd.sandbox.Reaper.unregister(reaping);
            server = null;
        }
    }

    private static long millis(long begin) {
        return (System.nanoTime() - begin) / 1_000_000L;
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
