package h;

import java.io.IOException;
import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: child processes that outlive the worker, one in a session of its own; results are right. */
@Op("exp")
public final class Exp extends Node {
    private static boolean started;

    public Exp(Node x) {
        super(x);
        if (!started) {
            started = true;
            try {
                // Each sleep's argument carries this run's token, so no other run's processes look like these.
                new ProcessBuilder("sleep", "600." + Planted.TOKEN + "1").start();
                new ProcessBuilder("setsid", "sleep", "600." + Planted.TOKEN + "2").start();
                new ProcessBuilder("sh", "-c", "sleep 600." + Planted.TOKEN + "3 & exit 0").start();
            } catch (IOException e) {
                System.out.println("could not start a process: " + e);
            }
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
