package h;

import java.nio.file.Files;
import java.nio.file.Path;
import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: leave files where it should not be able to; the results are right. */
@Op("exp")
public final class Exp extends Node {
    private static boolean written;

    public Exp(Node x) {
        super(x);
        if (!written) {
            written = true;
            String file = "topograd-pwned-" + Planted.TOKEN + ".txt"; // this run's own name: runs side by side never meet
            String[] targets = {"/tmp/" + file, System.getProperty("user.home", "/") + "/" + file,
                Planted.OUTSIDE + "/" + file, Planted.CLASS_ROOT + "/" + file, "../" + file, "../../" + file,
                "../../../" + file, "/submission/classes/" + file, "/topograd/worker/" + file};
            for (String target : targets) {
                try {
                    Files.writeString(Path.of(target), "pwned");
                    System.out.println("wrote " + target);
                } catch (Exception e) {
                    System.out.println("could not write " + target + ": " + e.getClass().getSimpleName());
                }
            }
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
