package h;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: read the specs (hidden ones included) and the reports, and print them; the results are
 * right. It knows where the instructor keeps the course (the test planted its path in
 * {@link Planted}), and also looks around its own working folder and home. Every search is bounded,
 * so the attack costs the same on any machine.
 */
@Op("exp")
public final class Exp extends Node {
    private static boolean searched;

    public Exp(Node x) {
        super(x);
        if (!searched) {
            searched = true;
            search(Path.of(Planted.CLASS_ROOT), 4);
            search(Path.of(Planted.OUTSIDE), 2);
            for (String near : new String[] {".", "..", "../..", System.getProperty("user.home", "/"), "/"}) {
                search(Path.of(near), 1);
            }
        }
    }

    private static void search(Path root, int depth) {
        try {
            Files.walkFileTree(root, java.util.Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".csv"))) {
                        try {
                            System.out.println("FOUND " + file + ":\n" + Files.readString(file));
                        } catch (IOException | RuntimeException e) {
                            System.out.println("cannot read " + file);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            System.out.println("cannot search " + root + ": " + e);
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
