package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack (or accident): the class cannot be initialised. */
@Op("exp")
public final class Exp extends Node {
    static {
        if (Boolean.TRUE) {
            throw new IllegalStateException("static initialiser fails");
        }
    }

    public Exp(Node x) { super(x); }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
