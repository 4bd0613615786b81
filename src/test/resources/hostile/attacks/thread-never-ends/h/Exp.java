package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: a non-daemon thread that never ends, started once; the results are right. */
@Op("exp")
public final class Exp extends Node {
    private static boolean started;

    public Exp(Node x) {
        super(x);
        if (!started) {
            started = true;
            new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException ignored) {
                        // keep going
                    }
                }
            }, "never-ends").start();
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
