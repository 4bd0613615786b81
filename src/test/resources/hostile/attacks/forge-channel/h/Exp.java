package h;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: write straight to file descriptor 1, the worker's result channel, bypassing System.out. */
@Op("exp")
public final class Exp extends Node {
    public Exp(Node x) {
        super(x);
        try {
            FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
            raw.write("TGRD all checks passed, score 100\n".getBytes());
            raw.flush();
        } catch (IOException e) {
            System.out.println("could not write: " + e);
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
