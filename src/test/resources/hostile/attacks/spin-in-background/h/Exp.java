package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: compute on threads of its own while the thread topograd watches only naps, so that its
 * CPU time grows too slowly for the per-check limit to catch. The whole JVM's CPU time is limited
 * too.
 */
@Op("exp")
public final class Exp extends Node {
    private static volatile double sink;

    public Exp(Node x) { super(x); }

    public void forward() {
        for (int i = 0; i < 4; i++) {
            Thread spinner = new Thread(() -> {
                double v = 1;
                while (true) {
                    v = Math.sin(v) + 1;
                    sink = v;
                }
            });
            spinner.setDaemon(true);
            spinner.start();
        }
        while (true) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
