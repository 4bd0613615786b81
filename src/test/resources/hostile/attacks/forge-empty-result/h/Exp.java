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
 * Attack: write a well-formed result frame with empty arrays straight onto the result channel (file
 * descriptor 1), as if the task were done. topograd must check it against the task, not index it.
 */
@Op("exp")
public final class Exp extends Node {
    private static boolean forged;

    public Exp(Node x) {
        super(x);
        if (!forged) {
            forged = true;
            try {
                ByteArrayOutputStream payload = new ByteArrayOutputStream();
                DataOutputStream result = new DataOutputStream(payload);
                result.writeBoolean(false); // no failure
                result.writeInt(0); // values: none
                result.writeInt(0); // grads: none
                result.writeInt(-1); // no order
                result.writeInt(-1); // no calls
                result.writeInt(0); // no output
                result.flush();
                byte[] bytes = payload.toByteArray();
                CRC32 crc = new CRC32();
                crc.update(bytes);
                DataOutputStream channel = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
                channel.writeInt(0x54475244);
                channel.writeInt(6); // a result
                channel.writeInt(bytes.length);
                channel.write(bytes);
                channel.writeInt((int) crc.getValue());
                channel.flush();
            } catch (IOException e) {
                System.out.println("could not forge: " + e);
            }
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
