package org.topograd.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
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
        compiler = new Compiler(runtime.apiClasses(), 60_000);
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
        assertTrue(Files.isRegularFile(root.resolve("out/ok/p/Neg.class")));
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
    void aSubmissionWithoutSourcesIsGradedFromItsJar() throws IOException {
        Path dir = Files.createDirectories(root.resolve("jarred"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("solution.jar")))) {
            jar.putNextEntry(new java.util.zip.ZipEntry("p/"));
            jar.closeEntry();
        }
        CompileResult result = compiler.compile(new Submission("jarred", dir), root.resolve("out/jarred"));
        assertTrue(result.ok());
        assertEquals(dir.resolve("solution.jar"), result.classes());
        Files.createDirectories(root.resolve("empty"));
        CompileResult none = compiler.compile(new Submission("empty", root.resolve("empty")), root.resolve("out/e"));
        assertEquals(CompileResult.Status.NO_SOURCES, none.status());
        assertEquals("no .java files and no .jar in empty", none.problem());
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
        List<Long> before = compileServers();
        try (Compiler impatient = new Compiler(runtime.apiClasses(), 1)) {
            Submission s = submission("slow", "Slow.java", "class Slow {}\n");
            CompileResult result = impatient.compile(s, root.resolve("out/slow"));
            assertEquals(CompileResult.Status.COMPILE_ERROR, result.status());
            assertTrue(result.problem().startsWith("compiling took longer than 0.001 s and was stopped"),
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
