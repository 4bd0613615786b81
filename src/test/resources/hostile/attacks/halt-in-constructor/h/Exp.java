package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: Runtime.halt when constructed (no shutdown hooks run). */
@Op("exp")
public final class Exp extends Node {
    public Exp(Node x) {
        super(x);
        Runtime.getRuntime().halt(0);
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
