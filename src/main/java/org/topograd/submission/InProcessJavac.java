package org.topograd.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.topograd.Folders;
import org.topograd.sandbox.WorkerRuntime;
import org.topograd.worker.ThreadCpu;

/**
 * javac in topograd's own JVM, for {@code check}: one submission, the student's own, where a JVM
 * started for javac alone costs more than it shields, and where {@code check --watch} keeps javac
 * warm from one check to the next. The same javac, options and caps as the compile server, on a
 * thread of its own with the server's deep stack, its CPU time limited as the server's is (a thread
 * cannot be killed: one that runs out of time is abandoned, and the {@link Compiler} sends later
 * compiles to a server).
 *
 * <p>{@link #warmUp} starts javac while the command line is still being read; given the folder about
 * to be checked, it compiles it ahead, and the check's own compile takes those classes when that
 * compile succeeded and the sources are still the same files, unchanged, and within the assignment's caps.
 */
final class InProcessJavac {
    /** The compile server's -Xss: javac recurses once per level of a deeply nested expression. */
    static final long JAVAC_STACK = 16L << 20;
    private static final long SLICE_MILLIS = 20;

    /** javac and its file manager in this JVM, made once. */
    private static JavaCompiler javac;
    private static StandardJavaFileManager files;

    /** A compile made ahead of its request, and what it was made from. */
    private record Ahead(Path root, List<Path> sources, List<String> stamps, Path out, CompileServer.Response response,
            int classFiles, long classBytes) {}

    /** The compile made ahead, until a request takes it or finds it stale. */
    private static volatile Ahead ahead;
    /** The warm-up's folders, deleted when they are done with, or when the JVM ends (check --help). */
    private static final Set<Path> WARM_FOLDERS = ConcurrentHashMap.newKeySet();
    private static boolean cleaning;

    private InProcessJavac() {}

    static boolean available() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /** A compile too slow for its limit: the thread is left to finish alone. */
    static final class Slow extends Exception {
        Slow(String message) {
            super(message, null, false, false);
        }
    }

    /** Compiles as the server would, within the CPU time (and, as a backstop, the wall-clock time) allowed. */
    static CompileServer.Response compile(CompileServer.Request request, CompileLimits limits)
            throws IOException, Slow {
        CompletableFuture<CompileServer.Response> reply = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicLong tid = new java.util.concurrent.atomic.AtomicLong(-1);
        Thread thread = new Thread(null, () -> {
            tid.set(ThreadCpu.currentThreadId());
            try {
                reply.complete(compileNow(request));
            } catch (Throwable e) {
                reply.completeExceptionally(e);
            }
        }, "javac", JAVAC_STACK);
        thread.setDaemon(true);
        long begin = System.nanoTime();
        thread.start();
        try {
            while (true) {
                try {
                    return reply.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long cpu = tid.get() < 0 ? 0
                            : ThreadCpu.readNanos(Path.of("/proc/self/task", Long.toString(tid.get())));
                    if (cpu / 1_000_000L > limits.cpuMillis()) {
                        throw new Slow("compiling used more than " + Compiler.seconds(limits.cpuMillis())
                                + " of CPU time and was stopped");
                    }
                    if ((System.nanoTime() - begin) / 1_000_000L > limits.wallMillis()) {
                        throw new Slow("compiling took longer than " + Compiler.seconds(limits.wallMillis())
                                + " and was stopped");
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IOException("javac failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static synchronized CompileServer.Response compileNow(CompileServer.Request request) {
        ready();
        return CompileServer.compile(javac, files, request);
    }

    private static synchronized void ready() {
        if (javac == null) {
            javac = ToolProvider.getSystemJavaCompiler();
            files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
    }

    /**
     * Starts javac on a thread of its own, so that a {@code check} spends javac's first second
     * (loading and first running its classes) while it reads its command line and specs; see the
     * class comment for what it does with {@code submission}.
     *
     * @param submission the folder about to be checked, or null
     */
    static Thread warmUp(Path submission) {
        Thread thread = new Thread(null, () -> warm(submission), "javac-warm-up", JAVAC_STACK);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static synchronized void warm(Path submission) {
        Path dir = null;
        try {
            ready();
            dir = Files.createTempDirectory("topograd-javac-");
            cleanUpAtExit(dir);
            // The whole student API, tensors included, as the check's own compile sees it: a compile ahead
            // against less would fail where the check's own would not.
            Path api = WorkerRuntime.copyApi(Files.createDirectories(dir.resolve("api")));
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

    /**
     * Compiles a submission ahead of its request: its regular sources only, as {@link Compiler}
     * would take them, within the default caps; false if it cannot.
     */
    private static boolean compileAhead(Path folder, Path api, Path dir) throws IOException {
        SubmissionFiles found = SubmissionFiles.of(folder);
        List<Path> sources = found.sources();
        if (sources.isEmpty() || Compiler.tooLarge(sources) != null) {
            return false;
        }
        List<String> stamps = stamps(sources);
        Path out = Files.createDirectories(dir.resolve("classes"));
        CompileLimits caps = CompileLimits.DEFAULT;
        CompileServer.Response response = CompileServer.compile(javac, files, new CompileServer.Request(
                folder.toRealPath(), sources, api, out, caps.classFiles(), caps.classBytes()));
        int count = 0;
        long bytes = 0;
        try (java.util.stream.Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                count++;
                bytes += Files.size(f);
            }
        }
        ahead = new Ahead(folder.toRealPath(), sources, stamps, out, response, count, bytes);
        return true;
    }

    /** What identifies the files compiled: path, size and time of each. */
    private static List<String> stamps(List<Path> sources) throws IOException {
        List<String> stamps = new ArrayList<>();
        for (Path p : sources) {
            stamps.add(p + "|" + SubmissionFiles.size(p) + "|" + Files.getLastModifiedTime(p).toMillis());
        }
        return stamps;
    }

    /**
     * The compile made ahead for these sources of the submission at {@code root}, its classes copied
     * into {@code classes}, when it was made from the same files, unchanged, within {@code limits};
     * else null. Taken once, either way.
     */
    static CompileServer.Response takeAhead(Path root, List<Path> sources, Path classes, CompileLimits limits) {
        Ahead made = ahead;
        ahead = null;
        if (made == null) {
            return null;
        }
        try {
            // Only a compile that succeeded is taken: one that failed is made again, so that what the student
            // reads is always what the check's own compile says.
            if (!made.response().ok() || !made.root().equals(root) || !made.sources().equals(sources)
                    || !made.stamps().equals(stamps(sources)) || made.classFiles() > limits.classFiles()
                    || made.classBytes() > limits.classBytes()) {
                return null;
            }
            List<Path> files;
            try (java.util.stream.Stream<Path> walk = Files.walk(made.out())) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path target = classes.resolve(made.out().relativize(file).toString());
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

    private static synchronized void cleanUpAtExit(Path dir) {
        WARM_FOLDERS.add(dir);
        if (!cleaning) {
            cleaning = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> WARM_FOLDERS.forEach(InProcessJavac::delete),
                    "javac-warm-up-cleanup"));
        }
    }

    private static void delete(Path dir) {
        if (dir != null) {
            try {
                Folders.deleteTree(dir);
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
            + "    @Override public void backward() {"
            + " inputs().get(0).grad += grad * derivative(inputs().get(0).value); } }\n"
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
}
