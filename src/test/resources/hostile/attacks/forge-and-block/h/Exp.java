package h;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: a background thread answers the first task with a forged result that fits it (the smoke
 * test of this submission's six ops: 8 nodes), while the thread that should read the next request
 * blocks forever; the next request (a long graph) fills the pipe. topograd must not wait forever to
 * write it.
 */
@Op("exp")
public final class Exp extends Node {
    private static final Object LOCK = new Object();
    private static boolean forged;

    public Exp(Node x) {
        super(x);
        if (!forged) {
            forged = true;
            Thread forger = new Thread(Exp::forge);
            forger.setDaemon(true);
            forger.start();
            synchronized (LOCK) {
                while (true) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException ignored) {
                        // keep blocking
                    }
                }
            }
        }
    }

    private static void forge() {
        try {
            int nodes = 8;
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            DataOutputStream result = new DataOutputStream(payload);
            result.writeBoolean(false);
            result.writeInt(nodes);
            for (int i = 0; i < nodes; i++) {
                result.writeLong(Double.doubleToRawLongBits(0.5));
            }
            result.writeInt(nodes);
            for (int i = 0; i < nodes; i++) {
                result.writeLong(Double.doubleToRawLongBits(1));
            }
            result.writeInt(-1);
            result.writeInt(-1);
            result.writeInt(0);
            result.flush();
            byte[] bytes = payload.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            DataOutputStream channel = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
            channel.writeInt(0x54475244);
            channel.writeInt(6);
            channel.writeInt(bytes.length);
            channel.write(bytes);
            channel.writeInt((int) crc.getValue());
            channel.flush();
        } catch (IOException e) {
            System.out.println("could not forge: " + e);
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
