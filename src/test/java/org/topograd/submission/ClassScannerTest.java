package org.topograd.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the class files of a submission declare, read without loading any of them. */
class ClassScannerTest {
    @TempDir
    static Path dir;

    static Path classes;

    @BeforeAll
    static void compile() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/p"));
        Files.writeString(src.resolve("Unary.java"), """
                package p;
                import org.topograd.api.Node;
                public abstract class Unary extends Node {
                    protected Unary(Node x) { super(x); }
                    public void forward() { value = f(inputs().get(0).value); }
                    public void backward() {}
                    abstract double f(double x);
                }
                """);
        Files.writeString(src.resolve("Ops.java"), """
                package p;
                import org.topograd.api.*;
                public class Ops {
                    @Op("exp") public static class Exp extends Unary {
                        public Exp(Node x) { super(x); }
                        double f(double x) { return Math.exp(x); }
                    }
                    @Op("pow") public class Pow extends Node {
                        public Pow(Node b, double n) { super(b); }
                        public void forward() {}
                        public void backward() {}
                    }
                    static { if (Boolean.TRUE) { throw new IllegalStateException("never run by scanning"); } }
                }
                """);
        Files.writeString(src.resolve("Walk.java"), """
                package p;
                interface Walk extends org.topograd.api.Backprop {}
                """);
        Files.writeString(src.resolve("Topo.java"), """
                package p;
                import java.util.List;
                import org.topograd.api.Node;
                public class Topo implements Walk {
                    public List<Node> topologicalOrder(Node o) { return List.of(o); }
                    public void backward(Node o) {}
                }
                """);
        classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args;
        try (Stream<Path> files = Files.list(src)) {
            args = Stream.concat(Stream.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")),
                    files.map(Path::toString)).collect(Collectors.toList());
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])));
    }

    private static Map<String, ClassFacts> byName(List<ClassFacts> facts) {
        return facts.stream().collect(Collectors.toMap(ClassFacts::name, f -> f));
    }

    @Test
    void seesThroughTheStudentsOwnBaseClassesAndInterfaces() throws IOException {
        Map<String, ClassFacts> facts = byName(ClassScanner.scan(classes));
        assertEquals(new ClassFacts("p.Ops$Exp", true, true, "exp", List.of("Node"), false, null), facts.get("p.Ops$Exp"));
        assertEquals(new ClassFacts("p.Unary", false, true, null, List.of("Node"), false, null), facts.get("p.Unary"));
        assertEquals(new ClassFacts("p.Topo", true, false, null, List.of(""), true, null), facts.get("p.Topo"));
        assertEquals(new ClassFacts("p.Walk", false, false, null, List.of(), true, null), facts.get("p.Walk"));
    }

    @Test
    void anInnerClassShowsItsHiddenOuterParameter() throws IOException {
        ClassFacts pow = byName(ClassScanner.scan(classes)).get("p.Ops$Pow");
        assertEquals(List.of("p.Ops,Node,double"), pow.constructors());
        assertEquals("pow", pow.op());
    }

    @Test
    void readsAJarsClassesTheSameWayAndRunsNothing() throws Exception {
        Path jar = dir.resolve("solution.jar");
        writeJar(jar);
        Path unpacked = dir.resolve("unpacked");
        JarClasses.extract(jar, unpacked, CompileLimits.DEFAULT);
        assertEquals(ClassScanner.scan(classes), ClassScanner.scan(unpacked));
    }

    @Test
    void readsNoMoreThanTheCapAllows() throws IOException {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ClassScanner.scan(classes, 100));
        assertEquals("more class files than any compile or jar may make", e.getMessage());
    }

    private static void writeJar(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }

    @Test
    void anUnreadableClassFileIsAProblemNotACrash() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.write(broken.resolve("Junk.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});
        List<ClassFacts> facts = ClassScanner.scan(broken);
        assertEquals(1, facts.size());
        assertTrue(facts.get(0).problem().startsWith("the class file cannot be read"), facts.get(0).problem());
    }
}
