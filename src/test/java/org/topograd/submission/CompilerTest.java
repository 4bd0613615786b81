package org.topograd.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.sandbox.WorkerRuntime;

class CompilerTest {
    @TempDir
    static Path root;

    static WorkerRuntime runtime;
    static Compiler compiler;

    @BeforeAll
    static void start() {
        runtime = WorkerRuntime.create(root.resolve("runtime"));
        compiler = new Compiler(runtime.apiClasses(), CompileLimits.DEFAULT, 2);
    }

    @AfterAll
    static void stop() {
        compiler.close();
        runtime.close();
    }

    private static Submission submission(String id, String path, String source) throws IOException {
        Path dir = root.resolve(id);
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return new Submission(id, dir);
    }

    @Test
    void compilesAgainstTheStudentApiOnly() throws IOException {
        Submission s = submission("ok", "src/p/Neg.java", """
                package p;
                import org.topograd.api.*;
                @Op("neg") public class Neg extends Node {
                    public Neg(Node x) { super(x); }
                    public void forward() { value = -inputs().get(0).value; }
                    public void backward() { inputs().get(0).grad -= grad; }
                }
                """);
        CompileResult result = compiler.compile(s, root.resolve("out/ok"));
        assertTrue(result.ok(), result.diagnostics().toString());
        assertTrue(Files.isRegularFile(root.resolve("out/ok/classes/p/Neg.class")));
    }

    /** A second server costs a cold javac: it starts only while the first one is busy. */
    @Test
    void compilesOneAfterAnotherOnTheServerAlreadyWarm() throws IOException {
        try (Compiler two = new Compiler(runtime.apiClasses(), CompileLimits.DEFAULT, 2)) {
            for (int i = 0; i < 3; i++) {
                Submission s = submission("warm-" + i, "src/p/Id.java", "package p;\nclass Id { }\n");
                assertTrue(two.compile(s, root.resolve("out/warm-" + i)).ok());
            }
            assertEquals(1, two.serverStarts());
        }
    }

    /** A grading that follows another in the same JVM compiles on the server the first left warm. */
    @Test
    void theNextCompilerInThisJvmTakesTheServerLeftWarm() throws IOException {
        Compiler.stopIdleServers();
        List<Long> others = compileServers(); // the class's own compiler's
        List<Long> first;
        try (Compiler one = new Compiler(runtime.apiClasses(), CompileLimits.DEFAULT, 1)) {
            assertTrue(one.compile(submission("first", "A.java", "class A {}\n"), root.resolve("out/first")).ok());
            first = newServers(others);
        }
        assertEquals(1, first.size(), "one server, alive and idle after its compiler closed");
        try (Compiler two = new Compiler(runtime.apiClasses(), CompileLimits.DEFAULT, 1)) {
            assertTrue(two.compile(submission("second", "B.java", "class B {}\n"), root.resolve("out/second")).ok());
            assertEquals(first, newServers(others), "the same process compiled it");
        }
        Compiler.stopIdleServers();
        assertEquals(List.of(), newServers(others));
    }

    /** A server that died while idle is never handed out: the next compiler starts one of its own. */
    @Test
    void aServerThatDiedWhileIdleIsReplaced() throws IOException {
        Compiler.stopIdleServers();
        List<Long> others = compileServers();
        try (Compiler one = new Compiler(runtime.apiClasses(), CompileLimits.DEFAULT, 1)) {
            assertTrue(one.compile(submission("before", "C.java", "class C {}\n"), root.resolve("out/before")).ok());
        }
        for (long pid : newServers(others)) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
        try (Compiler two = new Compiler(runtime.apiClasses(), CompileLimits.DEFAULT, 1)) {
            CompileResult result = two.compile(submission("after-death", "D.java", "class D {}\n"),
                    root.resolve("out/after-death"));
            assertTrue(result.ok(), result.diagnostics().toString());
        }
        Compiler.stopIdleServers();
    }

    /** Compile servers alive now but {@code others}. */
    private static List<Long> newServers(List<Long> others) {
        List<Long> all = new java.util.ArrayList<>(compileServers());
        all.removeAll(others);
        return all;
    }

    @Test
    void aCompileErrorIsAResultWithPathsRelativeToTheSubmission() throws IOException {
        Submission s = submission("bad", "src/p/Bad.java", "package p;\nclass Bad { int x = }\n");
        CompileResult result = compiler.compile(s, root.resolve("out/bad"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
        assertEquals("src/p/Bad.java:2:21: error: illegal start of expression", result.errors().get(0).toString());
    }

    @Test
    void topogradsOwnClassesAreNotOnTheClassPath() throws IOException {
        Submission s = submission("peek", "Peek.java", """
                class Peek { Object engine = new org.topograd.engine.ReferenceEngine.Evaluation(null, null, null); }
                """);
        CompileResult result = compiler.compile(s, root.resolve("out/peek"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
        assertTrue(result.errors().get(0).message().contains("org.topograd.engine"), result.errors().toString());
    }

    @Test
    void aSubmissionWithoutSourcesIsGradedFromItsJarsClasses() throws IOException {
        Path dir = Files.createDirectories(root.resolve("jarred"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("solution.jar")))) {
            jar.putNextEntry(new ZipEntry("p/"));
            jar.closeEntry();
            jar.putNextEntry(new ZipEntry("p/Neg.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            jar.closeEntry();
            jar.putNextEntry(new ZipEntry("README.txt"));
            jar.closeEntry();
        }
        CompileResult result = compiler.compile(new Submission("jarred", dir), root.resolve("out/jarred"));
        assertTrue(result.ok(), result.diagnostics().toString());
        assertEquals(root.resolve("out/jarred/classes"), result.classes());
        try (Stream<Path> files = Files.walk(result.classes())) {
            assertEquals(List.of("p/Neg.class"), files.filter(Files::isRegularFile)
                    .map(f -> result.classes().relativize(f).toString()).toList());
        }
        Files.createDirectories(root.resolve("empty"));
        CompileResult none = compiler.compile(new Submission("empty", root.resolve("empty")), root.resolve("out/e"));
        assertEquals(CompileResult.Status.NO_SOURCES, none.status());
        assertEquals("no .java files and no .jar in empty", none.problem());
    }

    @Test
    void aJarThatIsNotAJarIsACompileError() throws IOException {
        Path dir = Files.createDirectories(root.resolve("notajar"));
        Files.writeString(dir.resolve("solution.jar"), "this is not a zip file\n".repeat(100));
        CompileResult result = compiler.compile(new Submission("notajar", dir), root.resolve("out/notajar"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
        assertEquals("solution.jar holds no class files (is it a jar at all? build it with the jar tool)",
                result.problem());
    }

    @Test
    void aJarBombIsStoppedAtTheCapNotReadIntoMemory() throws IOException {
        Path dir = Files.createDirectories(root.resolve("bomb"));
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("bomb.jar")))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("p/Big.class"));
            for (int i = 0; i < 64; i++) { // 64 MB of zeros, which deflate to about 64 KB
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(dir.resolve("bomb.jar")) < 1 << 20);
        CompileResult result = compiler.compile(new Submission("bomb", dir), root.resolve("out/bomb"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
        assertEquals("bomb.jar unpacks to more than the 20480 KB of classes allowed", result.problem());
        assertTrue(Files.size(root.resolve("out/bomb/classes/p/Big.class")) <= (20 << 20) + 1);
    }

    @Test
    void aJarEntryOutsideItsFolderIsRefused() throws IOException {
        Path dir = Files.createDirectories(root.resolve("slip"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("slip.jar")))) {
            zip.putNextEntry(new ZipEntry("../../escaped.class"));
            zip.write(1);
            zip.closeEntry();
        }
        CompileResult result = compiler.compile(new Submission("slip", dir), root.resolve("out/slip"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
        assertEquals("slip.jar has an entry whose name is not a class file's path: ../../escaped.class",
                result.problem());
        assertFalse(Files.exists(root.resolve("escaped.class")));
    }

    @Test
    void whatTheCompilerWritesIsCappedInFilesAndBytes() throws IOException {
        StringBuilder enums = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            enums.append("enum E").append(i).append(" { A, B, C }\n");
        }
        Submission many = submission("many", "Many.java", enums.toString());
        try (Compiler capped = new Compiler(runtime.apiClasses(), new CompileLimits(60_000, 100, 20 << 20), 1)) {
            CompileResult result = capped.compile(many, root.resolve("out/many"));
            assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
            assertEquals("the code compiles to more than the 100 class files allowed; simplify it (no real solution"
                    + " comes near this)", result.errors().get(0).message());
        }
        try (Compiler capped = new Compiler(runtime.apiClasses(), new CompileLimits(60_000, 2_000, 64 << 10), 1)) {
            CompileResult result = capped.compile(many, root.resolve("out/many-bytes"));
            assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
            assertEquals("the code compiles to more than the 64 KB of class files allowed; simplify it (no real"
                    + " solution comes near this)", result.errors().get(0).message());
            assertTrue(folderBytes(root.resolve("out/many-bytes/classes")) <= 64 << 10);
        }
    }

    @Test
    void linksAndSpecialFilesAreLeftOutWithANoteAndNeverRead() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.java"), "class Secret { String s = \"SECRET-7c1e\"; }\n");
        Submission s = submission("links", "Own.java", "class Own {}\n");
        Files.createSymbolicLink(s.dir().resolve("Stolen.java"), secret);
        Files.createSymbolicLink(s.dir().resolve("proc.jar"), Path.of("/proc/self/pagemap"));
        Process mkfifo = new ProcessBuilder("mkfifo", s.dir().resolve("Pipe.java").toString()).start();
        boolean fifo = mkfifo.waitFor() == 0;
        CompileResult result = compiler.compile(s, root.resolve("out/links"));
        assertTrue(result.ok(), result.diagnostics().toString());
        List<String> expected = new java.util.ArrayList<>(List.of(
                "Stolen.java is a symbolic link, so it was left out: submit the file itself",
                "proc.jar is a symbolic link, so it was left out: submit the file itself"));
        if (fifo) {
            expected.add(0, "Pipe.java is not a regular file (a FIFO, a device or a socket), so it was left out:"
                    + " submit the file itself");
        }
        assertEquals(expected.stream().sorted().toList(), result.notes().stream().sorted().toList());
        org.topograd.Links.removeUnder(s.dir());
        assertFalse(Files.exists(root.resolve("out/links/classes/Secret.class")));
    }

    @Test
    void oneSlowCompileHoldsBackNoOther() throws Exception {
        // Overloaded generic methods over implicit lambdas, nested: javac's inference takes seconds.
        String nested = "x -> x";
        for (int i = 0; i < 9; i++) {
            nested = "h(" + nested + ", " + nested + ")";
        }
        Submission slow = submission("inference", "Slow.java", """
                import java.util.function.*;
                class Slow {
                    static <A> Function<A, A> h(Function<A, A> a, Function<A, A> b) { return a; }
                    static <A> UnaryOperator<A> h(UnaryOperator<A> a, UnaryOperator<A> b) { return a; }
                    Function<String, String> f = %s;
                }
                """.formatted(nested));
        Submission quick = submission("quick", "Quick.java", "class Quick {}\n");
        try (Compiler two = new Compiler(runtime.apiClasses(), new CompileLimits(3_000, 2_000, 20 << 20), 2)) {
            java.util.concurrent.ConcurrentLinkedQueue<String> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.CompletableFuture<CompileResult> slowly = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        CompileResult r = compileQuietly(two, slow, "out/inference");
                        finished.add("slow");
                        return r;
                    });
            CompileResult fast = compileQuietly(two, quick, "out/quick");
            finished.add("quick");
            assertTrue(fast.ok(), fast.diagnostics().toString());
            CompileResult stopped = slowly.get();
            assertEquals(List.of("quick", "slow"), List.copyOf(finished));
            assertEquals("compiling used more than 3 s of CPU time and was stopped; simplify the code (javac is not"
                    + " expected to take this long)", stopped.problem());
        }
    }

    private static CompileResult compileQuietly(Compiler c, Submission s, String out) {
        try {
            return c.compile(s, root.resolve(out));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    @Test
    void aSourceBombIsRefusedBeforeTheCompilerSeesIt() throws IOException {
        Submission s = submission("huge", "Huge.java", "class Huge {}\n" + "// padding\n".repeat(300_000));
        CompileResult result = compiler.compile(s, root.resolve("out/huge"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
        assertTrue(result.problem().matches("the sources are \\d+ KB, more than the 2048 KB allowed"), result.problem());
    }

    @Test
    void aPathologicalSourceCannotTakeTheCompilerDown() throws IOException {
        // Deep enough to overflow javac's stack: the compiler process fails, not topograd.
        String deep = "(".repeat(400_000) + "1" + ")".repeat(400_000);
        Submission s = submission("deep", "Deep.java", "class Deep { int x = " + deep + "; }\n");
        CompileResult result = compiler.compile(s, root.resolve("out/deep"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, result.status(), result.diagnostics().toString());
        // ... and the next submission compiles as usual.
        Submission next = submission("after", "After.java", "class After {}\n");
        assertTrue(compiler.compile(next, root.resolve("out/after")).ok());
    }

    @Test
    void aCompileThatTakesTooLongIsStoppedAndReported() throws IOException {
        Compiler.stopIdleServers(); // so that the compiler below starts a server of its own
        List<Long> before = compileServers();
        // A fresh compiler process spends far more than a millisecond of CPU time starting javac.
        try (Compiler impatient = new Compiler(runtime.apiClasses(), new CompileLimits(1, 2_000, 20 << 20), 1)) {
            Submission s = submission("slow", "Slow.java", "class Slow {}\n");
            CompileResult result = impatient.compile(s, root.resolve("out/slow"));
            assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
            assertTrue(result.problem().startsWith("compiling used more than 0.001 s of CPU time and was stopped"),
                    result.problem());
        }
        assertEquals(before, compileServers(), "the stopped compiler process is gone");
    }

    private static List<Long> compileServers() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("CompileServer"))
                .map(ProcessHandle::pid).sorted().toList();
    }
}
