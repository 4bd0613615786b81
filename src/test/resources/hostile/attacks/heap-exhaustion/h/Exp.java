package h;

import java.util.ArrayList;
import java.util.List;
import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: forward allocates until the heap is gone. */
@Op("exp")
public final class Exp extends Node {
    private static final List<long[]> HOARD = new ArrayList<>();

    public Exp(Node x) { super(x); }

    public void forward() {
        while (true) {
            HOARD.add(new long[1 << 20]);
        }
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
