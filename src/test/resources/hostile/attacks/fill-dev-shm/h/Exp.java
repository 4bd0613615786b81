package h;

import java.io.FileOutputStream;
import java.io.IOException;
import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: fill /dev/shm and /dev (memory-backed file systems) with 600 MB each; the results are
 * right. Inside the sandbox neither may be writable beyond a few bytes.
 */
@Op("exp")
public final class Exp extends Node {
    private static boolean filled;

    public Exp(Node x) {
        super(x);
        if (!filled) {
            filled = true;
            for (String file : new String[] {"/dev/shm/topograd-fill", "/dev/topograd-fill"}) {
                long written = 0;
                try (FileOutputStream out = new FileOutputStream(file)) {
                    byte[] block = new byte[1 << 20];
                    for (int i = 0; i < 600; i++) {
                        out.write(block);
                        written += block.length;
                    }
                } catch (IOException e) {
                    System.out.println("could not fill " + file + " beyond " + written + " bytes: " + e.getMessage());
                }
            }
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
