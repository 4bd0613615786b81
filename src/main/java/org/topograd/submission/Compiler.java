package org.topograd.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.topograd.worker.Frames;

/**
 * Compiles submissions through a {@link CompileServer} child process, started on first use,
 * killed and replaced when a compile takes too long or the process dies. Thread-safe: compiles
 * are queued.
 *
 * <p>{@link #inProcess} compiles in topograd's own JVM instead, for {@code check}: one submission,
 * the student's own, where a JVM started for javac alone costs more than it shields, and where
 * {@code check --watch} keeps javac warm from one check to the next. It is the same javac with the
 * same options and limits, on a thread of its own with the server's deep stack; a compile that
 * outlives its time is abandoned (a thread cannot be killed) and later compiles go to the server.
 */
public final class Compiler implements AutoCloseable {
    /** Together, the limits make any real submission fit and a source bomb harmless. */
    static final long MAX_SOURCE_BYTES = 2L << 20;
    static final int MAX_SOURCE_FILES = 500;
    static final int SERVER_HEAP_MEGABYTES = 768;
    /** The compile server's -Xss: javac recurses once per level of a deeply nested expression. */
    static final long JAVAC_STACK = 16L << 20;

    private final Path apiClasses;
    private final long timeoutMillis;
    private Process server;
    private InputStream responses;
    private OutputStream requests;
    private Runnable reaping;
    /** Whether to compile in this JVM; false again after an in-process compile ran out of time. */
    private boolean here;

    /**
     * @param apiClasses the only class path submissions compile against
     * @param timeoutMillis how long one submission may take to compile
     */
    public Compiler(Path apiClasses, long timeoutMillis) {
        this.apiClasses = apiClasses;
        this.timeoutMillis = timeoutMillis;
    }

    /** A compiler that compiles in this JVM (see above), falling back to the server when it cannot. */
    public static Compiler inProcess(Path apiClasses, long timeoutMillis) {
        Compiler compiler = new Compiler(apiClasses, timeoutMillis);
        compiler.here = ToolProvider.getSystemJavaCompiler() != null;
        return compiler;
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
            response = here ? compileHere(request) : call(request);
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

    /** javac and its file manager in this JVM, made once: what keeps javac warm from one check to the next. */
    private static JavaCompiler javac;
    private static StandardJavaFileManager files;

    private CompileServer.Response compileHere(CompileServer.Request request) throws TimeoutException, IOException {
        CompletableFuture<CompileServer.Response> reply = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                reply.complete(compileInThisJvm(request));
            } catch (Throwable e) {
                reply.completeExceptionally(e);
            }
        }, "javac", JAVAC_STACK);
        thread.setDaemon(true);
        thread.start();
        try {
            return reply.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            here = false; // the thread may still be busy in javac: from now on, the server compiles
            throw e;
        } catch (ExecutionException e) {
            throw new IOException("javac failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static synchronized CompileServer.Response compileInThisJvm(CompileServer.Request request) {
        ready();
        CompileServer.Response made = takeAhead(request);
        return made != null ? made : CompileServer.compile(javac, files, request);
    }

    private static synchronized void ready() {
        if (javac == null) {
            javac = ToolProvider.getSystemJavaCompiler();
            files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
    }

    /**
     * Warms javac in this JVM on a thread of its own, so that a {@code check} spends javac's first
     * second (loading and first running its classes) while it reads its command line and specs.
     * When the submission to be checked is known, it is compiled ahead, into a folder of its own: the
     * check's own compile then takes those classes if the sources are still the same files, unchanged
     * (and compiles afresh otherwise). With no submission, javac compiles a small submission-like
     * class against the student API. The first compile waits for either.
     *
     * @param submission the folder about to be checked, or null
     */
    public static Thread warmUp(Path submission) {
        Thread thread = new Thread(null, () -> warm(submission), "javac-warm-up", JAVAC_STACK);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A compile made ahead of its request, and what it was made from. */
    private record Ahead(Path root, List<Path> sources, List<String> stamps, Path out, CompileServer.Response response) {}

    /** The compile made ahead, until a request takes it or finds it stale. */
    private static volatile Ahead ahead;
    /** The warm-up's folders, deleted when they are done with, or when the JVM ends (check --help). */
    private static final java.util.Set<Path> WARM_FOLDERS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static boolean cleaning;

    private static synchronized void cleanUpAtExit(Path dir) {
        WARM_FOLDERS.add(dir);
        if (!cleaning) {
            cleaning = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> WARM_FOLDERS.forEach(Compiler::delete),
                    "javac-warm-up-cleanup"));
        }
    }

    private static synchronized void warm(Path submission) {
        Path dir = null;
        try {
            ready();
            dir = Files.createTempDirectory("topograd-javac-");
            cleanUpAtExit(dir);
            Path api = dir.resolve("api");
            for (Class<?> c : List.of(org.topograd.api.Node.class, org.topograd.api.Input.class,
                    org.topograd.api.Constant.class, org.topograd.api.Op.class, org.topograd.api.Backprop.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    Files.createDirectories(api.resolve(name).getParent());
                    Files.write(api.resolve(name), in.readAllBytes());
                }
            }
            if (submission != null && Files.isDirectory(submission) && compileAhead(submission, api, dir)) {
                dir = null; // the classes stay until a request takes them
                return;
            }
            JavaFileObject source = new SimpleJavaFileObject(java.net.URI.create("string:///warm/Ops.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return WARM_UP_SOURCE;
                }
            };
            javac.getTask(null, files, diagnostic -> { }, CompileServer.options(api, dir.resolve("out")), null,
                    List.of(source)).call();
        } catch (RuntimeException | Error | IOException e) {
            // a warm-up only: the real compile reports what is wrong
        } finally {
            delete(dir);
        }
    }

    /** Compiles a submission ahead of its request, within the limits any compile has; false if it cannot. */
    private static boolean compileAhead(Path folder, Path api, Path dir) throws IOException {
        Submission submission = new Submission("ahead", folder.toAbsolutePath().normalize());
        List<Path> sources = submission.sources().stream().map(Path::toAbsolutePath).toList();
        if (sources.isEmpty() || tooLarge(sources) != null) {
            return false;
        }
        List<String> stamps = stamps(sources);
        Path out = Files.createDirectories(dir.resolve("classes"));
        CompileServer.Response response = CompileServer.compile(javac, files, new CompileServer.Request(
                submission.dir(), sources, api, out));
        ahead = new Ahead(submission.dir(), sources, stamps, out, response);
        return true;
    }

    /** What identifies the files compiled: path, size and time of each. */
    private static List<String> stamps(List<Path> sources) throws IOException {
        List<String> stamps = new ArrayList<>();
        for (Path p : sources) {
            stamps.add(p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis());
        }
        return stamps;
    }

    /**
     * The compile made ahead for this request, its classes copied into the request's folder, when it
     * was made from the same files, unchanged; else null. Taken once, either way.
     */
    private static CompileServer.Response takeAhead(CompileServer.Request request) {
        Ahead made = ahead;
        ahead = null;
        if (made == null) {
            return null;
        }
        try {
            if (!made.root().equals(request.root()) || !made.sources().equals(request.sources())
                    || !made.stamps().equals(stamps(request.sources()))) {
                return null;
            }
            List<Path> classes;
            try (java.util.stream.Stream<Path> walk = Files.walk(made.out())) {
                classes = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : classes) {
                Path target = request.out().resolve(made.out().relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return made.response();
        } catch (IOException | RuntimeException e) {
            return null; // compile afresh
        } finally {
            delete(made.out().getParent());
        }
    }

    private static void delete(Path dir) {
        if (dir != null) {
            try {
                org.topograd.Folders.deleteTree(dir);
                WARM_FOLDERS.remove(dir);
            } catch (IOException e) {
                // a stray temporary folder
            }
        }
    }

    /** What a submission looks like to javac: node classes over the API, a generic unary function, a traversal. */
    private static final String WARM_UP_SOURCE = "package warm;\n"
            + "import java.util.*;\nimport org.topograd.api.*;\n"
            + "public final class Ops {\n"
            + "  @Op(\"mul\") public static final class Mul extends Node {\n"
            + "    public Mul(Node a, Node b) { super(a, b); }\n"
            + "    public void forward() { value = inputs().get(0).value * inputs().get(1).value; }\n"
            + "    public void backward() { Node a = inputs().get(0), b = inputs().get(1);\n"
            + "      a.grad += grad * b.value; b.grad += grad * a.value; } }\n"
            + "  public abstract static class Unary extends Node {\n"
            + "    protected Unary(Node x) { super(x); }\n"
            + "    protected abstract double f(double x);\n"
            + "    protected abstract double derivative(double x);\n"
            + "    @Override public void forward() { value = f(inputs().get(0).value); }\n"
            + "    @Override public void backward() { inputs().get(0).grad += grad * derivative(inputs().get(0).value); } }\n"
            + "  @Op(\"tanh\") public static final class Tanh extends Unary {\n"
            + "    public Tanh(Node x) { super(x); }\n"
            + "    protected double f(double x) { return Math.tanh(x); }\n"
            + "    protected double derivative(double x) { double t = Math.tanh(x); return 1 - t * t; } }\n"
            + "  public static final class Topo implements Backprop {\n"
            + "    @Override public List<Node> topologicalOrder(Node output) {\n"
            + "      List<Node> order = new ArrayList<>(); Map<Node, Boolean> seen = new IdentityHashMap<>();\n"
            + "      Deque<Node> stack = new ArrayDeque<>(); stack.push(output);\n"
            + "      while (!stack.isEmpty()) { Node n = stack.pop(); if (seen.put(n, true) == null) {\n"
            + "        order.add(n); for (Node in : n.inputs()) { stack.push(in); } } }\n"
            + "      Collections.reverse(order); return order; }\n"
            + "    @Override public void backward(Node output) { List<Node> order = topologicalOrder(output);\n"
            + "      output.grad = 1; for (int i = order.size() - 1; i >= 0; i--) { order.get(i).backward(); } } }\n"
            + "}\n";

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
