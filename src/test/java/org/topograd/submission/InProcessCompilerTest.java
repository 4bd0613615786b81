package org.topograd.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.sandbox.WorkerRuntime;

/**
 * check's compiler: javac in topograd's own JVM gives what the compile server gives, and a compile
 * made ahead (while check reads its command line) is used only for the very files it compiled.
 */
class InProcessCompilerTest {
    private static final long DEADLINE_SECONDS = 120;

    @TempDir
    static Path root;

    static WorkerRuntime runtime;
    static Compiler server;
    static Compiler here;

    @BeforeAll
    static void start() {
        runtime = WorkerRuntime.create(root.resolve("runtime"));
        server = new Compiler(runtime.apiClasses(), CompileLimits.DEFAULT, 1);
        here = Compiler.inProcess(runtime.apiClasses(), CompileLimits.DEFAULT);
    }

    @AfterAll
    static void stop() {
        server.close();
        here.close();
        runtime.close();
    }

    private static Submission submission(String id, String path, String source) throws IOException {
        Path dir = root.resolve(id);
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return new Submission(id, dir);
    }

    private static final String NEG = """
            package p;
            import org.topograd.api.*;
            @Op("neg") public class Neg extends Node {
                public Neg(Node x) { super(x); }
                public void forward() { value = -inputs().get(0).value; }
                public void backward() { inputs().get(0).grad -= grad; }
            }
            """;

    @Test
    void javacInThisJvmGivesWhatTheServerGives() throws IOException {
        Submission ok = submission("ok", "src/p/Neg.java", NEG);
        CompileResult a = server.compile(ok, root.resolve("out/server-ok"));
        CompileResult b = here.compile(ok, root.resolve("out/here-ok"));
        assertTrue(a.ok() && b.ok(), a.diagnostics() + " " + b.diagnostics());
        assertTrue(Files.isRegularFile(root.resolve("out/here-ok/classes/p/Neg.class")));

        Submission bad = submission("bad", "src/p/Bad.java", "package p;\nclass Bad { int x = }\n");
        CompileResult c = server.compile(bad, root.resolve("out/server-bad"));
        CompileResult d = here.compile(bad, root.resolve("out/here-bad"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, d.status());
        assertEquals(c.diagnostics(), d.diagnostics());

        Submission peek = submission("peek", "Peek.java",
                "class Peek { Object order = org.topograd.engine.ReferenceEngine.topologicalOrder(null); }\n");
        assertEquals(CompileResult.Status.COMPILE_ERROR, here.compile(peek, root.resolve("out/here-peek")).status(),
                "only the student API is on the class path");
    }

    /** The submission compiled ahead, as a check's warm-up does, and that compile ended. */
    private static void compileAhead(Submission s) throws InterruptedException {
        Thread warm = Compiler.warmUp(s.dir());
        warm.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
        assertFalse(warm.isAlive(), "the compile ahead ends");
    }

    private static final String TENSOR_NEG = """
            package p;
            import org.topograd.api.Op;
            import org.topograd.api.tensor.TensorNode;
            @Op("neg") public class TensorNeg extends TensorNode {
                public TensorNeg(TensorNode x) { super(x); }
                public void forward() { value = inputs().get(0).value.neg(); }
                public void backward() { inputs().get(0).grad = inputs().get(0).grad.minus(grad); }
            }
            """;

    /**
     * A tensor submission compiled ahead compiles as the check's own compile does: the compile ahead
     * once saw the scalar API only, failed, and a correct tensor submission was told it did not
     * compile whenever that compile ended before the check's began.
     */
    @Test
    void aTensorSubmissionCompiledAheadCompiles() throws Exception {
        Submission s = submission("tensor-ahead", "src/p/TensorNeg.java", TENSOR_NEG);
        compileAhead(s);
        CompileResult taken = here.compile(s, root.resolve("out/tensor-ahead"));
        assertTrue(taken.ok(), taken.diagnostics().toString());
        assertTrue(Files.isRegularFile(root.resolve("out/tensor-ahead/classes/p/TensorNeg.class")));
    }

    /** A compile ahead that failed is never taken: the check's own compile says what is wrong. */
    @Test
    void aFailedCompileAheadIsMadeAgain() throws Exception {
        Submission s = submission("broken-ahead", "src/p/Neg.java", NEG.replace("grad -= grad;", "grad -= grad"));
        compileAhead(s);
        Path source = s.dir().resolve("src/p/Neg.java");
        // Mended in place with the same size and time, as a compile ahead cannot tell: only a fresh compile sees it.
        FileTime time = Files.getLastModifiedTime(source);
        Files.writeString(source, NEG.replace("grad -= grad;", "grad -=grad;"));
        Files.setLastModifiedTime(source, time);
        CompileResult fresh = here.compile(s, root.resolve("out/broken-ahead"));
        assertTrue(fresh.ok(), "compiled afresh, not taken from the failed compile ahead: " + fresh.diagnostics());
    }

    @Test
    void aCompileMadeAheadIsUsedOnlyForTheSameUnchangedFiles() throws Exception {
        Submission s = submission("ahead", "src/p/Neg.java", NEG);
        compileAhead(s);
        CompileResult taken = here.compile(s, root.resolve("out/ahead-1"));
        assertTrue(taken.ok(), taken.diagnostics().toString());
        assertTrue(Files.isRegularFile(root.resolve("out/ahead-1/classes/p/Neg.class")), "its classes are copied over");

        compileAhead(s);
        Path source = s.dir().resolve("src/p/Neg.java");
        Files.writeString(source, NEG.replace("grad -= grad;", "grad -= grad")); // saved since: now broken
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 5_000));
        CompileResult fresh = here.compile(s, root.resolve("out/ahead-2"));
        assertEquals(CompileResult.Status.COMPILE_ERROR, fresh.status(), "a changed file is compiled afresh");
    }
}
