package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: forward waits forever without using any CPU time. */
@Op("exp")
public final class Exp extends Node {
    private static final Object LOCK = new Object();

    public Exp(Node x) { super(x); }

    public void forward() {
        synchronized (LOCK) {
            while (true) {
                try {
                    LOCK.wait();
                } catch (InterruptedException ignored) {
                    // keep waiting
                }
            }
        }
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
