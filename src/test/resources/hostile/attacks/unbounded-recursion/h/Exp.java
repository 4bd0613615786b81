package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: forward recurses forever. */
@Op("exp")
public final class Exp extends Node {
    public Exp(Node x) { super(x); }

    public void forward() {
        forward();
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
