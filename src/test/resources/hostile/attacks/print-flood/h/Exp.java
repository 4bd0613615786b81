package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: 25 MB to stdout and 25 MB to stderr, once; the results are right. */
@Op("exp")
public final class Exp extends Node {
    private static boolean flooded;

    public Exp(Node x) { super(x); }

    public void forward() {
        if (!flooded) {
            flooded = true;
            String line = "flood ".repeat(169) + "\n"; // 1 KB
            String chunk = line.repeat(1024);           // 1 MB
            System.out.println("FLOOD-START");
            for (int i = 0; i < 25; i++) {
                System.out.print(chunk);
                System.err.print(chunk);
            }
            System.out.println("FLOOD-END");
        }
        value = Math.exp(inputs().get(0).value);
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
