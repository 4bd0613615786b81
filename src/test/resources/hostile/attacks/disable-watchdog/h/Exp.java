package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: stop the worker's CPU watchdog (it is a thread of the same JVM, found by its name), then
 * compute forever. The CPU limit must hold anyway: topograd reads the clock from outside.
 */
@Op("exp")
public final class Exp extends Node {
    public Exp(Node x) {
        super(x);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("watchdog")) {
                stop(t);
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        t.stop();
        System.out.println("stopped the watchdog");
    }

    public void forward() {
        double v = 1;
        while (v != 0) {
            v = Math.sin(v) + 1;
        }
        value = v;
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
