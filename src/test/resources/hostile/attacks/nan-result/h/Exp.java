package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** Broken: forward gives NaN. */
@Op("exp")
public final class Exp extends Node {
    public Exp(Node x) { super(x); }

    public void forward() { value = Double.NaN; }

    public void backward() { inputs().get(0).grad += grad * value; }
}
