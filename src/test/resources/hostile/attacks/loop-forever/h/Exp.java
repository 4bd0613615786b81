package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: forward never returns. */
@Op("exp")
public final class Exp extends Node {
    public Exp(Node x) { super(x); }

    public void forward() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        value = spins;
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
