package org.topograd.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.topograd.sandbox.Reaper;
import org.topograd.spec.NumberText;
import org.topograd.worker.Frames;

/**
 * Prepares submissions' classes: sources compiled by {@link CompileServer} child processes, a jar's
 * classes unpacked. Thread-safe: several compile at once, one per server, so one slow compile holds
 * back no other beyond its own limit; a server that takes too long or dies is killed and replaced.
 *
 * <p>A submission's files are hostile input: only its regular files are read ({@link SubmissionFiles}),
 * each through a size cap, and javac compiles copies of them in topograd's own work folder, so it
 * never opens anything the student named.
 *
 * <p>{@link #inProcess} compiles in topograd's own JVM instead ({@link InProcessJavac}), for a
 * student's {@code check} of their own work.
 *
 * <p>Over 300 lines for a reason: the server pool, its CPU and wall-clock limits, and replacing a
 * server that failed are one lifecycle over the same processes.
 */
public final class Compiler implements AutoCloseable {
    /** Together, the limits make any real submission fit and a source bomb harmless. */
    static final long MAX_SOURCE_BYTES = 2L << 20;
    static final int MAX_SOURCE_FILES = 500;
    static final int SERVER_HEAP_MEGABYTES = 768;
    /** How often a running compile's CPU time is looked at. */
    private static final long SLICE_MILLIS = 50;

    private final Path apiClasses;
    private final CompileLimits limits;
    /** Whether to compile in this JVM; false again after an in-process compile ran out of time. */
    private volatile boolean here;
    /** Warm servers first: a server is started only when every started one is busy. */
    private final BlockingDeque<Server> idle;
    private final List<Server> servers = new ArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();

    /**
     * @param apiClasses the only class path submissions compile against
     * @param servers how many submissions may compile at once (each in a JVM of its own, started when first needed)
     */
    public Compiler(Path apiClasses, CompileLimits limits, int servers) {
        this.apiClasses = apiClasses;
        this.limits = limits;
        this.idle = new LinkedBlockingDeque<>(Math.max(1, servers));
        for (int i = 0; i < Math.max(1, servers); i++) {
            Server server = new Server();
            this.servers.add(server);
            idle.add(server);
        }
    }

    /** A compiler that compiles in this JVM, falling back to a server once a compile there ran out of time. */
    public static Compiler inProcess(Path apiClasses, CompileLimits limits) {
        Compiler compiler = new Compiler(apiClasses, limits, 1);
        compiler.here = InProcessJavac.available();
        return compiler;
    }

    /**
     * Starts javac in this JVM ahead of a {@code check}, and compiles {@code submission} ahead if it is
     * given ({@link InProcessJavac#warmUp}).
     */
    public static Thread warmUp(Path submission) {
        return InProcessJavac.warmUp(submission);
    }

    /**
     * How many compile servers this compiler has started or taken warm from an earlier one (a server
     * replaced after a slow compile counts again).
     */
    int serverStarts() {
        return starts.get();
    }

    public CompileLimits limits() {
        return limits;
    }

    /**
     * Prepares a submission's classes in {@code work} (a folder of topograd's, empty): compiles its
     * sources into {@code work/classes}, or, when it has none, unpacks its jar's classes there.
     */
    public CompileResult compile(Submission submission, Path work) throws IOException {
        long begin = System.nanoTime();
        SubmissionFiles files = SubmissionFiles.of(submission.dir());
        Path classes = work.resolve("classes");
        if (files.sources().isEmpty()) {
            if (files.jars().isEmpty()) {
                return new CompileResult(CompileResult.Status.NO_SOURCES, null, List.of(),
                        "no .java files and no .jar in " + submission.dir().getFileName(), millis(begin),
                        files.notes());
            }
            try {
                JarClasses.extract(files.jars().get(0), classes, limits);
            } catch (JarClasses.Refused e) {
                return failed(e.getMessage(), begin, files);
            }
            return new CompileResult(CompileResult.Status.OK, classes, List.of(), null, millis(begin), files.notes());
        }
        String tooLarge = tooLarge(files.sources());
        if (tooLarge != null) {
            return failed(tooLarge, begin, files);
        }
        Path root = submission.dir().toRealPath();
        if (here) {
            CompileServer.Response made = InProcessJavac.takeAhead(root, files.sources(), classes, limits);
            if (made != null) {
                return result(made, classes, begin, files);
            }
        }
        Path copies = work.resolve("sources");
        List<Path> sources = new ArrayList<>();
        long room = MAX_SOURCE_BYTES;
        for (Path source : files.sources()) {
            Path copy = copies.resolve(root.relativize(source).toString());
            Files.createDirectories(copy.getParent());
            try (InputStream in = SubmissionFiles.open(source);
                    OutputStream out = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW)) {
                byte[] content = in.readNBytes((int) room + 1);
                if (content.length > room) {
                    return failed("the sources are more than the " + MAX_SOURCE_BYTES / 1024 + " KB allowed", begin,
                            files);
                }
                out.write(content);
                room -= content.length;
            }
            sources.add(copy.toAbsolutePath());
        }
        Files.createDirectories(classes);
        CompileServer.Request request = new CompileServer.Request(copies.toAbsolutePath(), sources,
                apiClasses.toAbsolutePath(), classes.toAbsolutePath(), limits.classFiles(), limits.classBytes());
        if (here) {
            try {
                return result(InProcessJavac.compile(request, limits), classes, begin, files);
            } catch (InProcessJavac.Slow e) {
                here = false; // its thread may still be in javac: from now on, a server compiles
                return failed(e.getMessage() + "; simplify the code (javac is not expected to take this long)", begin,
                        files);
            }
        }
        Server server;
        try {
            server = idle.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a compiler");
        }
        CompileServer.Response response;
        try {
            response = server.call(request);
        } catch (Slow e) {
            server.stop();
            return failed(e.getMessage() + "; simplify the code (javac is not expected to take this long)", begin,
                    files);
        } catch (IOException e) {
            server.stop();
            return failed("the compiler process failed (" + e.getMessage() + ")", begin, files);
        } finally {
            idle.addFirst(server);
        }
        return result(response, classes, begin, files);
    }

    private static CompileResult result(CompileServer.Response response, Path classes, long begin,
            SubmissionFiles files) {
        if (!response.ok()) {
            return new CompileResult(CompileResult.Status.COMPILE_ERROR, null, response.diagnostics(), "compile error",
                    millis(begin), files.notes());
        }
        return new CompileResult(CompileResult.Status.OK, classes, response.diagnostics(), null, millis(begin),
                files.notes());
    }

    private static CompileResult failed(String problem, long begin, SubmissionFiles files) {
        return new CompileResult(CompileResult.Status.COMPILE_ERROR, null,
                List.of(new Diagnostic("error", "", 0, 0, problem)), problem, millis(begin), files.notes());
    }

    static String tooLarge(List<Path> sources) throws IOException {
        if (sources.size() > MAX_SOURCE_FILES) {
            return sources.size() + " source files is more than the " + MAX_SOURCE_FILES + " allowed";
        }
        long bytes = 0;
        for (Path source : sources) {
            bytes += SubmissionFiles.size(source);
        }
        return bytes > MAX_SOURCE_BYTES
                ? "the sources are " + bytes / 1024 + " KB, more than the " + MAX_SOURCE_BYTES / 1024 + " KB allowed"
                : null;
    }

    /** A compile went past its limit. */
    private static final class Slow extends Exception {
        Slow(String message) {
            super(message, null, false, false);
        }
    }

    /** One compile server process, started when first needed and again after it was stopped. */
    private final class Server {
        private Process process;
        private InputStream responses;
        private OutputStream requests;
        private Runnable reaping;
        /** Reads the server's answers, so that the wait for one can be cut short. */
        private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "compile-server-reader");
            t.setDaemon(true);
            return t;
        });

        CompileServer.Response call(CompileServer.Request request) throws IOException, Slow {
            if (process == null || !process.isAlive()) {
                start();
            }
            long cpuBefore = cpuNanos();
            long begin = System.nanoTime();
            Frames.write(requests, CompileServer.REQUEST, request.encode());
            InputStream in = responses;
            Future<Frames.Frame> reply = reader.submit(() -> Frames.read(in));
            try {
                while (true) {
                    try {
                        Frames.Frame frame = reply.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                        if (frame == null) {
                            throw new IOException("it ended unexpectedly");
                        }
                        return CompileServer.Response.decode(frame.payload());
                    } catch (TimeoutException e) {
                        long cpu = (cpuNanos() - cpuBefore) / 1_000_000L;
                        if (cpu > limits.cpuMillis()) {
                            throw new Slow("compiling used more than " + seconds(limits.cpuMillis())
                                    + " of CPU time and was stopped");
                        }
                        if ((System.nanoTime() - begin) / 1_000_000L > limits.wallMillis()) {
                            throw new Slow("compiling took longer than " + seconds(limits.wallMillis())
                                    + " and was stopped");
                        }
                    }
                }
            } catch (ExecutionException e) {
                throw new IOException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }

        /** The server's CPU time: it compiles one submission at a time, so the difference is that compile's. */
        private long cpuNanos() {
            return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }

        private void start() throws IOException {
            if (Reaper.stopping()) {
                throw new IOException("topograd is stopping");
            }
            IdleServers.Idle warm = IdleServers.take();
            if (warm != null) {
                process = warm.process();
                responses = warm.responses();
                requests = warm.requests();
                reaping = warm.reaping();
                starts.incrementAndGet();
                return;
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + SERVER_HEAP_MEGABYTES + "m", "-Xss16m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                    // C1 alone: over a class of a few hundred, C2's own compiling costs more than it saves.
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+ExitOnOutOfMemoryError", "-cp", ownClassPath(), CompileServer.class.getName()));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            starts.incrementAndGet();
            Process started = process;
            reaping = Reaper.register(started::destroyForcibly);
            requests = process.getOutputStream();
            responses = process.getInputStream();
        }

        void stop() {
            if (process != null) {
                IdleServers.stop(process, reaping);
                process = null;
            }
        }

        /** Hands a live process over to the next compiler in this JVM (see {@link IdleServers}). */
        void keepWarm() {
            if (process != null) {
                IdleServers.offer(new IdleServers.Idle(process, responses, requests, reaping));
                process = null;
            }
        }
    }

    private static String ownClassPath() throws IOException {
        try {
            return Path.of(CompileServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate topograd's classes", e);
        }
    }

    static String seconds(long millis) {
        return NumberText.format(millis / 1000.0) + " s";
    }

    private static long millis(long begin) {
        return (System.nanoTime() - begin) / 1_000_000L;
    }

    /**
     * Done with compiling: each idle server is kept warm for the next compiler in this JVM
     * ({@link IdleServers}); one still compiling is stopped, and its compile fails.
     */
    @Override
    public void close() {
        for (Server server : servers) {
            if (idle.remove(server)) {
                server.keepWarm();
                idle.addLast(server); // as before closing: a compile now would start a server of its own
            } else {
                server.stop();
            }
        }
    }

    /**
     * Stops the servers that closed compilers left warm: for a check that nothing of a run is left
     * running (nothing else needs it; a JVM that exits takes them along, since they end when their
     * input does).
     */
    public static void stopIdleServers() {
        IdleServers.stopAll();
    }
}
