package h;

import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: a background thread floods the result channel with well-formed frames of a megabyte each,
 * and claims one of 200 MB, for ever; the results are right. topograd's memory must stay bounded,
 * and the check must fail as a corrupted channel.
 */
@Op("exp")
public final class Exp extends Node {
    private static boolean flooding;

    public Exp(Node x) {
        super(x);
        if (!flooding) {
            flooding = true;
            Thread flood = new Thread(Exp::flood);
            flood.setDaemon(true);
            flood.start();
        }
    }

    private static void flood() {
        byte[] payload = new byte[1 << 20];
        CRC32 crc = new CRC32();
        crc.update(payload);
        try {
            DataOutputStream channel = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
            while (true) {
                channel.writeInt(0x54475244);
                channel.writeInt(9); // node values
                channel.writeInt(payload.length);
                channel.write(payload);
                channel.writeInt((int) crc.getValue());
                channel.writeInt(0x54475244);
                channel.writeInt(9);
                channel.writeInt(200 << 20); // a length to allocate, and then a trickle
                channel.write(payload);
            }
        } catch (IOException e) {
            // The channel closed: topograd stopped this worker.
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
